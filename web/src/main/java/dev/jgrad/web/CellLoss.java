package dev.jgrad.web;

import dev.jgrad.loss.Loss;
import dev.jgrad.loss.PointLoss;
import dev.jgrad.loss.Penalty;

/**
 * A landscape cell's training loss from the network's outputs at every point: each point's loss is {@link Loss#sample}'s
 * arithmetic ({@link PointLoss}), summed in point order, divided by the points, plus the weight penalty of the model's
 * parameters in the model's order, with the two moved parameters at the cell's values: as the learner measures it.
 */
final class CellLoss {
    private final int points;
    private final int[] labels;
    /**
     * Each point's squared error is measured against this number, or null: the regression targets, or under MSE with one
     * output the classes as numbers ({@link PointLoss#of}'s MSE is {@link PointLoss#squared} against the class), so that
     * a cell's mean reads two arrays and calls nothing it cannot inline.
     */
    private final double[] squaredTo;
    private final Loss loss;
    private final Penalty penalty;
    /** The parameters in the model's order for the penalty, and where the two sit in it (null without a penalty). */
    private final double[] flat;
    private final int flatA;
    private final int flatB;

    /** The loss on {@code data} of a network with {@code outputs} outputs, plus {@code penalty} of the parameters {@code order}. */
    CellLoss(Landscape.Points data, int outputs, Penalty penalty, double[] order, int[] where) {
        points = data.x().length;
        labels = data.labels();
        loss = data.loss();
        squaredTo = data.targets() != null ? data.targets() : loss == Loss.MSE && outputs == 1 ? classes(labels) : null;
        this.penalty = penalty;
        boolean none = penalty.l1() == 0 && penalty.l2() == 0;
        flat = none ? null : order.clone();
        flatA = none ? -1 : where[0];
        flatB = none ? -1 : where[1];
    }

    private static double[] classes(int[] labels) {
        double[] y = new double[labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels[i];
        }
        return y;
    }

    /**
     * The mean losses of {@code cells} cells into result from at: cell c's outputs are o's, k per point from (c × points)
     * × k; its parameters va[start + c] and vb[start + c].
     */
    void means(double[] o, int k, double[] va, double[] vb, int start, int cells, double[] result, int at) {
        for (int c = 0; c < cells; c++) {
            double sum = 0;
            for (int p = 0; p < points; p++) {
                int i = (c * points + p) * k;
                sum += squaredTo != null ? PointLoss.squared(Sums.read(o, i), Sums.read(squaredTo, p)) : PointLoss.of(loss, o, i, k, labels[p]);
            }
            result[at + c] = points == 0 ? Double.NaN : sum / points + penalty(va[start + c], vb[start + c]);
        }
    }

    private double penalty(double va, double vb) {
        if (flat == null) {
            return 0;
        }
        flat[flatA] = va;
        flat[flatB] = vb;
        return penalty.of(flat);
    }
}
