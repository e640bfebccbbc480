package dev.jgrad.train;

import dev.jgrad.data.Dataset;
import dev.jgrad.data.Scorer;
import dev.jgrad.loss.Loss;
import java.util.function.UnaryOperator;

/**
 * A model, its loss and its optimizer, as the {@link Trainer} drives them: one update on a batch,
 * and a measurement without one. The trainer owns epochs, batching, shuffling, metrics and
 * listeners; a learner owns the engine. {@link ScalarLearner} runs on the scalar {@code Value}
 * engine; another engine plugs in by implementing these three methods.
 */
public interface Learner {
    /**
     * Forward, loss, backward and one optimizer update on the points {@code order[from … to)} of
     * {@code data}; returns the batch's mean loss as computed before the update.
     */
    double step(Dataset data, int[] order, int from, int to);

    /** The mean loss and the accuracy over all of {@code data}, computed without building a graph. */
    Evaluation evaluate(Dataset data);

    /** The model's decision as a 2-D scorer (positive for class 1), reading the current weights. */
    Scorer scorer();

    /**
     * The scorer of a model of two inputs: the loss's {@link Loss#margin margin} of its outputs at
     * (x, y). Both engines' learners share it.
     */
    static Scorer scorer(int inputs, Loss loss, UnaryOperator<double[]> predict) {
        if (inputs != 2) {
            throw new IllegalStateException("a scorer needs a model of 2 inputs; this one takes " + inputs);
        }
        return (x, y) -> loss.margin(predict.apply(new double[] {x, y}));
    }

    /** The weight α of an α·Σp² penalty, checked: every learner refuses a negative or NaN one alike. */
    static double checkL2(double l2) {
        if (!(l2 >= 0)) {
            throw new IllegalArgumentException("the L2 weight must be ≥ 0, got " + l2);
        }
        return l2;
    }

    /** A loss and an accuracy in [0, 1]. */
    record Evaluation(double loss, double accuracy) {
    }
}
