package dev.jgrad.data;

/**
 * The points one training step or one measurement sees, gathered into one row-major block:
 * {@code points[i · features + j]} is feature j of point i, whose class is {@code labels[i]}. What a
 * trainer hands a learner, and what either engine reads without another copy (the tensor engine
 * wraps the block as an n × features matrix). The arrays are shared: treat them as read-only.
 *
 * @param targets null for classification; for regression point i's number (its label is then 0)
 */
public record Batch(double[] points, int[] labels, int features, double[] targets) {
    public Batch {
        if (features < 0 || points.length != labels.length * features) {
            throw new IllegalArgumentException(labels.length + " labels and " + features + " features need "
                    + labels.length * features + " numbers, got " + points.length);
        }
        if (targets != null && targets.length != labels.length) {
            throw new IllegalArgumentException(labels.length + " points but " + targets.length + " targets");
        }
    }

    /** A batch of classified points. */
    public Batch(double[] points, int[] labels, int features) {
        this(points, labels, features, null);
    }

    /** The number of points. */
    public int size() {
        return labels.length;
    }

    /** A copy of point {@code i}'s features. */
    public double[] point(int i) {
        double[] p = new double[features];
        System.arraycopy(points, i * features, p, 0, features);
        return p;
    }
}
