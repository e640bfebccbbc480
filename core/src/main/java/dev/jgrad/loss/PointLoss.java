package dev.jgrad.loss;

import dev.jgrad.engine.Value;
import java.util.List;

/**
 * One point's loss from plain doubles, the very arithmetic of {@link Loss#sample}'s graph (PointLossTest holds
 * them equal bit for bit), so that a loss surface of millions of points, or an epoch's measurement of every
 * point, builds no graph: MSE (o + (−y))², the hinge max(o·(−y) + 1, 0) with y = ±1, and BCE's softplus of ∓z
 * with the graph's branch and operations. Other losses, and more than one output, go through the graph.
 */
public final class PointLoss {
    private PointLoss() {
    }

    /**
     * The loss of a point of class {@code label} whose outputs are {@code out[at …]} ({@code k} of them).
     *
     * @param loss the loss
     * @param out the outputs of many points, row-major
     * @param at where this point's outputs start
     * @param k how many outputs a point has
     * @param label the point's class
     * @return {@code loss.sample}'s value on those outputs, to the bit
     */
    public static double of(Loss loss, double[] out, int at, int k, int label) {
        if (k == 1) {
            double shortcut = of(loss, out[at], label);
            if (!Double.isNaN(shortcut) || Double.isNaN(out[at])) {
                return shortcut;
            }
        }
        Value[] outs = new Value[k];
        for (int i = 0; i < k; i++) {
            outs[i] = Value.of(out[at + i]);
        }
        return loss.sample(List.of(outs), label).data();
    }

    /**
     * One output's loss, or NaN for a loss that goes through the graph (cross-entropy).
     *
     * @param loss the loss
     * @param o the point's one output
     * @param label the point's class
     * @return {@code loss.sample}'s value on that output, to the bit, or NaN for cross-entropy
     */
    public static double of(Loss loss, double o, int label) {
        return switch (loss) {
            case MSE -> squared(o, label);
            case HINGE -> Math.max(o * -(label == 1 ? 1.0 : -1.0) + 1, 0);
            case BCE -> softplus(label == 1 ? o * -1.0 : o);
            default -> Double.NaN;
        };
    }

    /**
     * (o + (−t))²: squared error against a class's 0/1 target or a regression target, as its graph computes it.
     *
     * @param o the output
     * @param target what it should be
     * @return the squared error, the graph's bits
     */
    public static double squared(double o, double target) {
        double d = o + -target;
        return d * d;
    }

    /** {@code Losses.softplus}: u + log(e^(u·−1) + 1) for u > 0, else log(e^u + 1). */
    private static double softplus(double u) {
        return u > 0 ? u + StrictMath.log(StrictMath.exp(u * -1.0) + 1) : StrictMath.log(StrictMath.exp(u) + 1);
    }
}
