package dev.jgrad.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Fitted feature scaling: feature j becomes {@code (x[j] − shift[j]) / scale[j]}. Made by
 * {@link Scaling#fit} from training points and saved beside a model's weights, so that whatever
 * predicts with the model scales its inputs as training did. The arrays are shared: treat them as
 * read-only.
 *
 * @param constant the features that were constant in the training points (scale 1: they become 0)
 */
public record Scaler(Scaling kind, double[] shift, double[] scale, List<Integer> constant) {

    /**
     * Refuses shifts and scales of different lengths, a shift that is not finite, and a scale that is
     * not a finite number > 0.
     *
     * @param kind the scaling these statistics are of
     * @param shift what each feature has subtracted first
     * @param scale what it is divided by then
     * @param constant the features that were constant in training
     */
    public Scaler {
        Objects.requireNonNull(kind, "kind");
        constant = List.copyOf(constant);
        if (shift.length != scale.length) {
            throw new IllegalArgumentException(shift.length + " shifts but " + scale.length + " scales");
        }
        int j = firstUnusable(shift, scale);
        if (j >= 0) {
            throw new IllegalArgumentException("feature " + (j + 1) + unusable(shift[j], scale[j]));
        }
    }

    /** The first feature whose shift is not finite or whose scale is not a finite number > 0, or -1. */
    static int firstUnusable(double[] shift, double[] scale) {
        for (int j = 0; j < scale.length; j++) {
            if (!Double.isFinite(shift[j]) || !(scale[j] > 0) || Double.isInfinite(scale[j])) {
                return j;
            }
        }
        return -1;
    }

    /** What is wrong with a feature's shift and scale, after its name. */
    static String unusable(double shift, double scale) {
        return " has shift " + shift + " and scale " + scale + "; a scale must be finite and > 0";
    }

    /**
     * Features left as they are.
     *
     * @param features how many features
     * @return a scaler that changes nothing
     */
    public static Scaler none(int features) {
        double[] one = new double[features];
        Arrays.fill(one, 1);
        return new Scaler(Scaling.NONE, new double[features], one, List.of());
    }

    /** {@return the number of features it scales} */
    public int features() {
        return shift.length;
    }

    /** {@return whether it leaves every feature as it is} */
    public boolean isIdentity() {
        for (int j = 0; j < shift.length; j++) {
            if (shift[j] != 0 || scale[j] != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * The scaled copy of one point.
     *
     * @param x the point, in the data's units
     * @return the scaled point
     */
    public double[] apply(double[] x) {
        if (x.length != shift.length) {
            throw new IllegalArgumentException("the scaler takes " + shift.length + " features, got " + x.length);
        }
        double[] y = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            y[j] = (x[j] - shift[j]) / scale[j];
        }
        return y;
    }

    /**
     * The dataset with every point scaled (same name, labels and classes).
     *
     * @param data the points, in the data's units
     * @return the scaled dataset
     */
    public Dataset apply(Dataset data) {
        if (isIdentity()) {
            return data;
        }
        double[][] p = new double[data.size()][];
        for (int i = 0; i < p.length; i++) {
            p[i] = apply(data.points()[i]);
        }
        return data.withPoints(p);
    }

    /**
     * {@code v} scaled as feature {@code j}: a regression target scaled by a one-feature scaler.
     *
     * @param j the feature
     * @param v the number, in the data's units
     * @return (v − shift) / scale
     */
    public double apply(int j, double v) {
        return (v - shift[j]) / scale[j];
    }

    /**
     * The inverse of {@link #apply(int, double)}: a scaled output back in the data's units.
     *
     * @param j the feature
     * @param v the scaled number
     * @return v · scale + shift
     */
    public double invert(int j, double v) {
        return v * scale[j] + shift[j];
    }

    /**
     * The dataset with its regression targets scaled by this one-feature scaler (points as they are).
     *
     * @param data a regression dataset
     * @return the dataset with scaled targets
     */
    public Dataset applyToTargets(Dataset data) {
        if (features() != 1 || data.targets() == null) {
            throw new IllegalArgumentException("a target scaler has 1 feature and scales regression data; this has "
                    + features() + " and the data is for " + data.task().id());
        }
        if (isIdentity()) {
            return data;
        }
        double[] t = new double[data.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = apply(0, data.targets()[i]);
        }
        return data.withTargets(t);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scaler s && kind == s.kind && Arrays.equals(shift, s.shift) && Arrays.equals(scale, s.scale)
                && constant.equals(s.constant);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, Arrays.hashCode(shift), Arrays.hashCode(scale), constant);
    }

    @Override
    public String toString() {
        return "Scaler[" + kind.id() + ", shift " + Arrays.toString(shift) + ", scale " + Arrays.toString(scale) + "]";
    }
}
