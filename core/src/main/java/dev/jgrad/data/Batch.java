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

    /** A batch whose points all weigh 1. */
    public Batch(double[] points, int[] labels, int features, double[] targets) {
        this(points, labels, features, targets, null);
    }

    /** The same points weighted by their classes: point i weighs {@code classWeights[labels[i]]}. */
    public Batch weightedByClass(double[] classWeights) {
        double[] w = new double[labels.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = classWeights[labels[i]];
        }
        return new Batch(points, labels, features, targets, w);
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
