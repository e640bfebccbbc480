package dev.jgrad.web;

import dev.jgrad.engine.Value;
import dev.jgrad.loss.Loss;
import java.util.List;

/**
 * One point's loss from plain doubles, the very arithmetic of {@link Loss#sample}'s graph (LandscapeTest holds
 * them equal bit for bit), so that a surface of millions of points builds no graph: MSE (o + (−y))², the hinge
 * max(o·(−y) + 1, 0) with y = ±1, and BCE's softplus of ∓z with the graph's branch and operations. Other
 * losses, and more than one output, go through the graph.
 */
final class PointLoss {
    private PointLoss() {
    }

    /** The loss of a point of class {@code label} whose outputs are {@code out[at …]} ({@code k} of them). */
    static double of(Loss loss, double[] out, int at, int k, int label) {
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

    /** One output's loss, or NaN for a loss that goes through the graph (cross-entropy). */
    static double of(Loss loss, double o, int label) {
        return switch (loss) {
            case MSE -> squared(o, label);
            case HINGE -> Math.max(o * -(label == 1 ? 1.0 : -1.0) + 1, 0);
            case BCE -> softplus(label == 1 ? o * -1.0 : o);
            default -> Double.NaN;
        };
    }

    /** (o + (−t))²: squared error against a class's 0/1 target or a regression target, as its graph computes it. */
    static double squared(double o, double target) {
        double d = o + -target;
        return d * d;
    }

    /** {@code Losses.softplus}: u + log(e^(u·−1) + 1) for u > 0, else log(e^u + 1). */
    private static double softplus(double u) {
        return u > 0 ? u + StrictMath.log(StrictMath.exp(u * -1.0) + 1) : StrictMath.log(StrictMath.exp(u) + 1);
    }
}
