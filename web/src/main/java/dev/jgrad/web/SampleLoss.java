package dev.jgrad.web;

import dev.jgrad.engine.Value;
import dev.jgrad.loss.Loss;
import java.util.List;

/**
 * What one point's loss compares the network's output with, as training does: a class (0 or 1), which the loss turns
 * into its own target, or on regression data the point's number, against which the loss is the squared error (MSE).
 *
 * @param loss the setup's loss (mse for regression)
 * @param y the point's class, or its target on regression data
 * @param regression whether y is a number to fit rather than a class
 */
record SampleLoss(Loss loss, double y, boolean regression) {
    /** The loss of a point of class {@code label}. */
    static SampleLoss ofClass(Loss loss, int label) {
        return new SampleLoss(loss, label, false);
    }

    /** The squared error against a regression point's {@code target}. */
    static SampleLoss ofTarget(double target) {
        return new SampleLoss(Loss.MSE, target, true);
    }

    /** The point's loss of the outputs, a graph over them. */
    Value of(List<Value> out) {
        return regression ? loss.regressionSample(out, y) : loss.sample(out, (int) y);
    }
}
