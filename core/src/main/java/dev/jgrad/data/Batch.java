package dev.jgrad.data;

/**
 * The points one training step or one measurement sees, gathered into one row-major block:
 * {@code points[i · features + j]} is feature j of point i, whose class is {@code labels[i]}. What a
 * trainer hands a learner, and what either engine reads without another copy (the tensor engine
 * wraps the block as an n × features matrix). The arrays are shared: treat them as read-only.
 *
 * <p>A batch gathered for a float32 model ({@link FloatPoints}) holds its points in {@code floats}
 * instead, each the dataset's number rounded to float32, so that the model wraps them as they are
 * (no double block, no rounding pass per step); {@link #points()} then widens a copy.
 *
 * @param targets null for classification; for regression point i's number (its label is then 0)
 * @param weights null for every point weighing 1; else point i's weight in the mean loss (its class's weight, for
 *     {@code --class-weight})
 * @param floats null, or the points in float32 when {@code points} is null
 */
public record Batch(double[] points, int[] labels, int features, double[] targets, double[] weights, float[] floats) {
    /**
     * Refuses arrays whose lengths do not agree, and a batch with both or neither of {@code points} and {@code floats}.
     *
     * @param points the features, row-major, {@code labels.length × features} numbers; null when {@code floats} holds them
     * @param labels each point's class
     * @param features how many numbers a point has
     * @param targets null for classification, else one number per point
     * @param weights null for all 1, else one weight per point
     * @param floats null, or the features in float32 (then {@code points} is null)
     */
    public Batch {
        if ((points == null) == (floats == null)) {
            throw new IllegalArgumentException("a batch holds its points in float64 or in float32: one of the two arrays");
        }
        int length = points != null ? points.length : floats.length;
        if (features < 0 || length != labels.length * features) {
            throw new IllegalArgumentException(labels.length + " labels and " + features + " features need "
                    + labels.length * features + " numbers, got " + length);
        }
        if (targets != null && targets.length != labels.length) {
            throw new IllegalArgumentException(labels.length + " points but " + targets.length + " targets");
        }
        if (weights != null && weights.length != labels.length) {
            throw new IllegalArgumentException(labels.length + " points but " + weights.length + " weights");
        }
    }

    /**
     * A batch of float64 points.
     *
     * @param points the features, row-major
     * @param labels each point's class
     * @param features how many numbers a point has
     * @param targets null for classification, else one number per point
     * @param weights null for all 1, else one weight per point
     */
    public Batch(double[] points, int[] labels, int features, double[] targets, double[] weights) {
        this(points, labels, features, targets, weights, null);
    }

    /**
     * A batch whose points all weigh 1.
     *
     * @param points the features, row-major
     * @param labels each point's class
     * @param features how many numbers a point has
     * @param targets null for classification, else one number per point
     */
    public Batch(double[] points, int[] labels, int features, double[] targets) {
        this(points, labels, features, targets, null);
    }

    /**
     * The same points weighted by their classes: point i weighs {@code classWeights[labels[i]]}.
     *
     * @param classWeights one weight per class
     * @return a new batch over the same arrays, with weights
     */
    public Batch weightedByClass(double[] classWeights) {
        double[] w = new double[labels.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = classWeights[labels[i]];
        }
        return new Batch(points, labels, features, targets, w, floats);
    }

    /**
     * A batch of classified points.
     *
     * @param points the features, row-major
     * @param labels each point's class
     * @param features how many numbers a point has
     */
    public Batch(double[] points, int[] labels, int features) {
        this(points, labels, features, null);
    }

    /** {@return the number of points} */
    public int size() {
        return labels.length;
    }

    /**
     * The features, row-major: the array itself, or for a float32 batch a new array of them widened.
     *
     * @return {@code size() × features} numbers
     */
    @Override
    public double[] points() {
        if (points != null) {
            return points;
        }
        double[] wide = new double[floats.length];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = floats[i];
        }
        return wide;
    }

    /**
     * A copy of point {@code i}'s features.
     *
     * @param i the point's index
     * @return its features, copied (widened, for a float32 batch)
     */
    public double[] point(int i) {
        double[] p = new double[features];
        for (int j = 0; points == null && j < features; j++) {
            p[j] = floats[i * features + j];
        }
        if (points != null) {
            System.arraycopy(points, i * features, p, 0, features);
        }
        return p;
    }
}
