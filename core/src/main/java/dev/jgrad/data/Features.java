package dev.jgrad.data;

import dev.jgrad.base.Choices;
import dev.jgrad.base.Named;
import java.util.ArrayList;
import java.util.List;

/**
 * Which functions of a 2-D point a model reads (TensorFlow Playground's "features"): x1, x2, their
 * squares, their product and their sines, in the order chosen. With x1² and x2² among them, one
 * linear neuron separates the post's circle. The playground and {@code jgrad train --features}
 * apply the same transform, and a model file records it, so that {@code jgrad predict} feeds the
 * model what it was trained on.
 *
 * <pre>{@code
 * Features f = Features.parse("x1,x2,x1sq,x2sq");
 * Dataset wide = f.apply(Datasets.circle(300, 0, new Rng(42)));   // 4 features per point
 * }</pre>
 *
 * @param chosen at least one, none twice
 */
public record Features(List<Feature> chosen) {

    /** One function of (x1, x2); its id is what URLs, options and model files say. */
    public enum Feature implements Named {
        /** x1 itself. */
        X1("x1"),
        /** x2 itself. */
        X2("x2"),
        /** x1². */
        X1SQ("x1²"),
        /** x2². */
        X2SQ("x2²"),
        /** x1 · x2. */
        X1X2("x1·x2"),
        /** sin x1. */
        SINX1("sin x1"),
        /** sin x2. */
        SINX2("sin x2");

        private final String label;

        Feature(String label) {
            this.label = label;
        }

        /** {@return how a picture writes it: "x1²", "sin x1"} */
        public String label() {
            return label;
        }

        /**
         * Its value at (x1, x2); sines from StrictMath, so that a seed gives the same bits everywhere on the JVM.
         *
         * @param x1 the point's first coordinate
         * @param x2 its second
         * @return the feature's value
         */
        public double of(double x1, double x2) {
            return switch (this) {
                case X1 -> x1;
                case X2 -> x2;
                case X1SQ -> x1 * x1;
                case X2SQ -> x2 * x2;
                case X1X2 -> x1 * x2;
                case SINX1 -> StrictMath.sin(x1);
                case SINX2 -> StrictMath.sin(x2);
            };
        }

        @Override
        public String description() {
            return label;
        }
    }

    /** Every feature by id. */
    public static final Choices<Feature> CHOICES = Choices.of("feature", List.of(Feature.values()));

    /** The points as they are: x1, x2. */
    public static final Features RAW = new Features(List.of(Feature.X1, Feature.X2));

    /**
     * Refuses none and repeats.
     *
     * @param chosen the features, copied, in the order they are computed
     */
    public Features {
        chosen = List.copyOf(chosen);
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("choose at least one feature of " + String.join(", ", CHOICES.ids()));
        }
        for (int i = 0; i < chosen.size(); i++) {
            if (chosen.indexOf(chosen.get(i)) != i) {
                throw new IllegalArgumentException("feature " + chosen.get(i).id() + " is chosen twice");
            }
        }
    }

    /**
     * Ids separated by commas ("x1,x2,x1sq"), any case; an unknown one is an error listing the ids.
     *
     * @param ids the ids, separated by commas
     * @return the features
     * @throws IllegalArgumentException for an unknown id (with "did you mean"), none or a repeat
     */
    public static Features parse(String ids) {
        // Cut by hand: String.split would bring a regular-expression engine into the browser build.
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = ids.indexOf(','); i >= 0; i = ids.indexOf(',', from)) {
            parts.add(ids.substring(from, i));
            from = i + 1;
        }
        parts.add(ids.substring(from));
        return of(parts);
    }

    /**
     * The features called {@code ids}, in that order.
     *
     * @param ids the ids
     * @return the features
     * @throws IllegalArgumentException for an unknown id, none or a repeat
     */
    public static Features of(List<String> ids) {
        List<Feature> f = new ArrayList<>();
        for (String id : ids) {
            f.add(CHOICES.parse(id.trim()));
        }
        return new Features(f);
    }

    /** {@return how many numbers a point becomes} */
    public int size() {
        return chosen.size();
    }

    /** {@return the ids, in order} */
    public List<String> ids() {
        return chosen.stream().map(Feature::id).toList();
    }

    /** {@return the labels, in order ("x1", "x1²", …)} */
    public List<String> labels() {
        return chosen.stream().map(Feature::label).toList();
    }

    /** {@return whether this is x1, x2 as they are} */
    public boolean raw() {
        return equals(RAW);
    }

    /**
     * The chosen features of one 2-D point.
     *
     * @param point a 2-D point
     * @return its features, in order
     */
    public double[] apply(double... point) {
        if (point.length != 2) {
            throw new IllegalArgumentException("features are functions of 2 numbers (x1, x2), got " + point.length);
        }
        double[] out = new double[chosen.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = chosen.get(j).of(point[0], point[1]);
        }
        return out;
    }

    /**
     * Every point of {@code data} (of 2 features) transformed; the labels and classes are shared.
     *
     * @param data a 2-D dataset
     * @return the same labels over the features
     */
    public Dataset apply(Dataset data) {
        if (data.targets() != null) {
            throw new IllegalArgumentException("features transform the points of classes; " + data.name() + " has regression targets");
        }
        if (data.size() > 0 && data.features() != 2) {
            throw new IllegalArgumentException("features are functions of 2 columns (x1, x2); " + data.name() + " has "
                    + data.features());
        }
        double[][] p = new double[data.size()][];
        for (int i = 0; i < p.length; i++) {
            p[i] = apply(data.points()[i]);
        }
        return new Dataset(data.name(), p, data.labels(), data.classes(), data.classNames());
    }

    @Override
    public String toString() {
        return String.join(",", ids());
    }
}
