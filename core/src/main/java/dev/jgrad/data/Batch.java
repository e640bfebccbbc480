package dev.jgrad.data;

/**
 * The points one training step or one measurement sees, gathered into one row-major block:
 * {@code points[i · features + j]} is feature j of point i, whose class is {@code labels[i]}. What a
 * trainer hands a learner, and what either engine reads without another copy (the tensor engine
 * wraps the block as an n × features matrix). The arrays are shared: treat them as read-only.
 *
 * @param targets null for classification; for regression point i's number (its label is then 0)
 * @param weights null for every point weighing 1; else point i's weight in the mean loss (its class's weight, for
 *     {@code --class-weight})
 */
public record Batch(double[] points, int[] labels, int features, double[] targets, double[] weights) {
    /**
     * Refuses arrays whose lengths do not agree.
     *
     * @param points the features, row-major, {@code labels.length × features} numbers
     * @param labels each point's class
     * @param features how many numbers a point has
     * @param targets null for classification, else one number per point
     * @param weights null for all 1, else one weight per point
     */
    public Batch {
        if (features < 0 || points.length != labels.length * features) {
            throw new IllegalArgumentException(labels.length + " labels and " + features + " features need "
                    + labels.length * features + " numbers, got " + points.length);
        }
        if (targets != null && targets.length != labels.length) {
            throw new IllegalArgumentException(labels.length + " points but " + targets.length + " targets");
        }
        if (weights != null && weights.length != labels.length) {
            throw new IllegalArgumentException(labels.length + " points but " + weights.length + " weights");
        }
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
        return new Batch(points, labels, features, targets, w);
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
     * A copy of point {@code i}'s features.
     *
     * @param i the point's index
     * @return its features, copied
     */
    public double[] point(int i) {
        double[] p = new double[features];
        System.arraycopy(points, i * features, p, 0, features);
        return p;
    }
}
