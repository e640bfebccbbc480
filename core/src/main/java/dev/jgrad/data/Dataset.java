package dev.jgrad.data;

import dev.jgrad.base.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Labelled points: {@code points[i]} (every row the same width, the number of features) has class
 * {@code labels[i]} in {@code 0 … classes − 1}; {@code classNames.get(c)} is how class c was written
 * in the source (a CSV's label text, or "0", "1", … for generated data).
 *
 * <p>The arrays are checked once here and then shared, not copied, so a training loop reads them
 * at no cost: treat them as read-only.
 */
public record Dataset(String name, double[][] points, int[] labels, int classes, List<String> classNames) {

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(labels, "labels");
        classNames = List.copyOf(classNames);
        if (points.length != labels.length) {
            throw new IllegalArgumentException(name + ": " + points.length + " points but " + labels.length + " labels");
        }
        if (classes < 1 || classNames.size() != classes) {
            throw new IllegalArgumentException(name + ": " + classes + " classes but " + classNames.size() + " class names");
        }
        int width = points.length == 0 ? 0 : points[0].length;
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != width) {
                throw new IllegalArgumentException(name + ": point " + i + " has " + points[i].length + " features, expected " + width);
            }
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of point " + i + " is not in 0.." + (classes - 1));
            }
        }
    }

    /** A dataset whose classes are named "0", "1", …. */
    public Dataset(String name, double[][] points, int[] labels, int classes) {
        this(name, points, labels, classes, defaultNames(classes));
    }

    static List<String> defaultNames(int classes) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(Integer.toString(c));
        }
        return names;
    }

    /** The number of points. */
    public int size() {
        return points.length;
    }

    /** The number of features of each point (2 for the generated sets). */
    public int features() {
        return points.length == 0 ? 0 : points[0].length;
    }

    /** Every point, in order, as one batch. */
    public Batch batch() {
        int[] all = new int[size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return batch(all, 0, all.length);
    }

    /** The points {@code order[from … to)}, in that order, as one batch. */
    public Batch batch(int[] order, int from, int to) {
        int n = to - from, f = features();
        double[] x = new double[n * f];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(points[order[from + i]], 0, x, i * f, f);
            y[i] = labels[order[from + i]];
        }
        return new Batch(x, y, f);
    }

    /** The points at {@code indices}, in that order, under a new name. */
    public Dataset subset(String name, int[] indices) {
        double[][] p = new double[indices.length][];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            p[i] = points[indices[i]];
            l[i] = labels[indices[i]];
        }
        return new Dataset(name, p, l, classes, classNames);
    }

    /**
     * Splits off a random {@code validationFraction} of the points (rounded, in [0, 1)) as a
     * validation set; the rest, in their shuffled order, is the training set.
     */
    public Split split(double validationFraction, Rng random) {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
        int[] order = Shuffle.permutation(size(), random);
        int val = (int) Math.round(size() * validationFraction);
        return new Split(subset(name + "/train", Arrays.copyOfRange(order, val, size())),
                subset(name + "/validation", Arrays.copyOfRange(order, 0, val)));
    }

    /** A training set and the validation set held out from it. */
    public record Split(Dataset train, Dataset validation) {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset d && name.equals(d.name) && classes == d.classes && classNames.equals(d.classNames)
                && Arrays.equals(labels, d.labels) && Arrays.deepEquals(points, d.points);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, classes, Arrays.hashCode(labels), Arrays.deepHashCode(points));
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ": " + size() + " points × " + features() + " features, " + classes + " classes]";
    }
}
