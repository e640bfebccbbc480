package dev.jgrad.data;

import dev.jgrad.base.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Labelled points: {@code points[i]} (every row the same width, the number of features) has class
 * {@code labels[i]} in {@code 0 … classes − 1}; {@code classNames.get(c)} is how class c was written
 * in the source (a CSV's label text, or "0", "1", … for generated data). Regression data
 * ({@link #regression}) has a number {@code targets[i]} instead: no classes, every label 0, so
 * that the batching, splitting and scaling code is the classification code.
 *
 * <p>The arrays are checked once here and then shared, not copied, so a training loop reads them
 * at no cost: treat them as read-only.
 */
public record Dataset(String name, double[][] points, int[] labels, int classes, List<String> classNames, double[] targets) {

    /**
     * Checks the parts once: as many labels as points, every row as wide, labels within the classes,
     * one name per class, finite targets.
     *
     * @param name what the data is called in messages and reports
     * @param points one row of features per point
     * @param labels each point's class
     * @param classes how many classes
     * @param classNames each class's name, copied
     * @param targets null for classification; for regression one finite number per point, with
     *     {@code classes} 0, no class names and every label 0
     */
    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(labels, "labels");
        classNames = List.copyOf(classNames);
        if (points.length != labels.length) {
            throw new IllegalArgumentException(name + ": " + points.length + " points but " + labels.length + " labels");
        }
        if (targets != null) {
            checkTargets(name, labels, classes, classNames, targets);
        } else if (classes < 2) {
            throw new IllegalArgumentException(name + ": " + classes + " class" + (classes == 1 ? "" : "es")
                    + "; a classifier needs at least 2 (for numbers, use Dataset.regression)");
        } else if (classNames.size() != classes) {
            throw new IllegalArgumentException(name + ": " + classes + " classes but " + classNames.size() + " class names");
        }
        int width = points.length == 0 ? 0 : points[0].length;
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != width) {
                throw new IllegalArgumentException(name + ": point " + i + " has " + points[i].length + " features, expected " + width);
            }
            for (int j = 0; j < width; j++) {
                // NaN marks a missing cell of a table as read (RawTable): training refuses it (Trainer.start).
                if (Double.isInfinite(points[i][j])) {
                    throw new IllegalArgumentException(name + ": feature " + (j + 1) + " of point " + i + " is " + points[i][j]
                            + "; features must be finite numbers");
                }
            }
            if (targets == null && (labels[i] < 0 || labels[i] >= classes)) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of point " + i + " is not in 0.." + (classes - 1));
            }
        }
    }

    /**
     * Classification data: {@code labels[i]} is point i's class.
     *
     * @param name what the data is called
     * @param points one row of features per point
     * @param labels each point's class
     * @param classes how many classes
     * @param classNames each class's name
     */
    public Dataset(String name, double[][] points, int[] labels, int classes, List<String> classNames) {
        this(name, points, labels, classes, classNames, null);
    }

    /**
     * A dataset whose classes are named "0", "1", ….
     *
     * @param name what the data is called
     * @param points one row of features per point
     * @param labels each point's class
     * @param classes how many classes
     */
    public Dataset(String name, double[][] points, int[] labels, int classes) {
        this(name, points, labels, classes, defaultNames(classes));
    }

    /**
     * Regression data: {@code targets[i]} is the number point i should give.
     *
     * @param name what the data is called
     * @param points one row of features per point
     * @param targets one finite number per point
     * @return the dataset
     */
    public static Dataset regression(String name, double[][] points, double[] targets) {
        return new Dataset(name, points, new int[points.length], 0, List.of(), targets);
    }

    private static void checkTargets(String name, int[] labels, int classes, List<String> classNames, double[] targets) {
        if (targets.length != labels.length || classes != 0 || !classNames.isEmpty()) {
            throw new IllegalArgumentException(name + ": regression data needs one target per point (" + labels.length
                    + ", got " + targets.length + ") and no classes (got " + classes + ")");
        }
        for (int i = 0; i < targets.length; i++) {
            if (!Double.isFinite(targets[i]) || labels[i] != 0) {
                throw new IllegalArgumentException(name + ": point " + i + " has target " + targets[i] + " and label "
                        + labels[i] + "; a target must be finite, the label 0");
            }
        }
    }

    /** {@return what the data is for: regression when it has targets} */
    public Task task() {
        return targets == null ? Task.CLASSIFICATION : Task.REGRESSION;
    }

    /**
     * The same points with other targets (a scaled copy of these, say).
     *
     * @param newTargets one number per point
     * @return a dataset sharing these points
     */
    public Dataset withTargets(double[] newTargets) {
        return new Dataset(name, points, labels, classes, classNames, newTargets);
    }

    /** {@return the first missing cell (NaN) as {row, column}, or null when every feature is a number} */
    public int[] firstMissing() {
        for (int i = 0; i < points.length; i++) {
            for (int j = 0; j < points[i].length; j++) {
                if (Double.isNaN(points[i][j])) {
                    return new int[] {i, j};
                }
            }
        }
        return null;
    }

    /**
     * {@return the same labels and targets with other points (a scaled copy of these, say)}
     *
     * @param newPoints one row per point, as many as now
     */
    public Dataset withPoints(double[][] newPoints) {
        return new Dataset(name, newPoints, labels, classes, classNames, targets);
    }

    static List<String> defaultNames(int classes) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(Integer.toString(c));
        }
        return names;
    }

    /** {@return the number of points} */
    public int size() {
        return points.length;
    }

    /** {@return the number of features of each point (2 for the generated sets)} */
    public int features() {
        return points.length == 0 ? 0 : points[0].length;
    }

    /** {@return every point, in order, as one batch} */
    public Batch batch() {
        int[] all = new int[size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return batch(all, 0, all.length);
    }

    /**
     * The points {@code order[from … to)}, in that order, as one batch.
     *
     * @param order point indices, as a shuffle gives them
     * @param from the first position in {@code order}
     * @param to the position after the last
     * @return the batch, its arrays new
     */
    public Batch batch(int[] order, int from, int to) {
        int n = to - from;
        return batch(order, from, to, new double[n * features()], new int[n], targets == null ? null : new double[n]);
    }

    /**
     * {@link #batch(int[], int, int)} gathered into the caller's arrays ({@code to − from} points'
     * worth each; {@code t} null for classification), so that a training loop reuses one set of
     * arrays step after step instead of allocating a batch's worth every step. The batch returned
     * wraps the arrays: the next gather into them overwrites it.
     *
     * @param order a permutation of the points' indices
     * @param from the first position in {@code order}
     * @param to the position after the last
     * @param x the features' array, overwritten
     * @param y the classes' array, overwritten
     * @param t the targets' array (null for classification), overwritten
     * @return the batch, wrapping the caller's arrays
     */
    public Batch batch(int[] order, int from, int to, double[] x, int[] y, double[] t) {
        int n = to - from, f = features();
        checkArrays(n, x.length, y, t);
        for (int i = 0; i < n; i++) {
            System.arraycopy(points[order[from + i]], 0, x, i * f, f);
        }
        gatherLabels(order, from, to, y, t);
        return new Batch(x, y, f, t);
    }

    /** Refuses gather arrays that do not hold {@code n} points ({@code length} features' worth), a label and a target each. */
    void checkArrays(int n, int length, int[] y, double[] t) {
        int f = features();
        if (length != n * f || y.length != n || (t == null) != (targets == null) || (t != null && t.length != n)) {
            throw new IllegalArgumentException("arrays for " + n + " points of " + f + " features"
                    + (targets == null ? "" : " and a target each") + " needed");
        }
    }

    /** The labels (and targets, unless t is null) of the points {@code order[from … to)} into y and t. */
    void gatherLabels(int[] order, int from, int to, int[] y, double[] t) {
        for (int i = 0; i < to - from; i++) {
            y[i] = labels[order[from + i]];
            if (t != null) {
                t[i] = targets[order[from + i]];
            }
        }
    }

    /**
     * The points at {@code indices}, in that order, under a new name.
     *
     * @param name the subset's name
     * @param indices the points to keep, repeats allowed
     * @return the subset
     */
    public Dataset subset(String name, int[] indices) {
        double[][] p = new double[indices.length][];
        int[] l = new int[indices.length];
        double[] t = targets == null ? null : new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            p[i] = points[indices[i]];
            l[i] = labels[indices[i]];
            if (t != null) {
                t[i] = targets[indices[i]];
            }
        }
        return new Dataset(name, p, l, classes, classNames, t);
    }

    /**
     * Splits off a random {@code validationFraction} of the points (rounded, in [0, 1)) as a
     * validation set; the rest, in their shuffled order, is the training set.
     *
     * @param validationFraction the share held out, in [0, 1)
     * @param random the generator the shuffle draws from
     * @return the training and validation sets, with their indices
     */
    public Split split(double validationFraction, Rng random) {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
        int[] order = Shuffle.permutation(size(), random);
        int val = (int) Math.round(size() * validationFraction);
        return split(Arrays.copyOfRange(order, val, size()), Arrays.copyOfRange(order, 0, val), "validation");
    }

    /** The points at {@code kept} as the training set and those at {@code heldOut} as the set named {@code heldOutName}. */
    Split split(int[] kept, int[] heldOut, String heldOutName) {
        return new Split(subset(name + "/train", kept), subset(name + "/" + heldOutName, heldOut), kept, heldOut);
    }

    /**
     * A training set and the set held out from it (for validation, or as a test set), with the
     * indices into the split data each was drawn from, in their order: a caller that must split
     * other points alike (raw points beside transformed ones) subsets them by these indices rather
     * than replaying the random draws.
     */
    public record Split(Dataset train, Dataset validation, int[] trainIndices, int[] validationIndices) {

        /** {@return the indices of the training points, in the training set's order (a copy)} */
        @Override
        public int[] trainIndices() {
            return trainIndices.clone();
        }

        /** {@return the indices of the held-out points, in the held-out set's order (a copy)} */
        @Override
        public int[] validationIndices() {
            return validationIndices.clone();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset d && name.equals(d.name) && classes == d.classes && classNames.equals(d.classNames)
                && Arrays.equals(labels, d.labels) && Arrays.deepEquals(points, d.points) && Arrays.equals(targets, d.targets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, classes, Arrays.hashCode(labels), Arrays.deepHashCode(points), Arrays.hashCode(targets));
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ": " + size() + " points × " + features() + " features, "
                + (targets == null ? classes + " classes]" : "a target each]");
    }
}
