package dev.jgrad.loss;

import dev.jgrad.base.Choices;
import dev.jgrad.base.Named;
import dev.jgrad.engine.Value;
import dev.jgrad.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A training objective for classification: how many outputs a model needs for k classes, how a
 * class label becomes that model's target, the per-sample loss as a graph, and how outputs are read
 * back as a class ({@link #predict}) or as a signed score for pictures ({@link #margin}). Squared
 * error also trains regression: one output against a real target ({@link #regressionMean}).
 */
public enum Loss implements Named {
    /** Squared error against 0/1 targets (the post's), one output per class beyond two; class 1 above 0.5. */
    MSE,
    /** micrograd's max-margin loss relu(1 − y·s) with y = ±1 for classes 1 and 0; two classes, one output, class 1 above 0. */
    HINGE,
    /** Binary cross-entropy on a logit (stable for any logit); two classes, one output, class 1 above 0. */
    BCE,
    /** Softmax cross-entropy over one logit per class; the class is the largest. */
    CROSS_ENTROPY;

    /**
     * The loss of one sample of class {@code label} whose model outputs are {@code out}.
     *
     * @param out the model's outputs for the sample, as graph nodes: one, or one per class
     * @param label the sample's class, 0 … classes − 1
     * @return the sample's loss, a graph over {@code out}
     */
    public Value sample(List<Value> out, int label) {
        return switch (this) {
            case MSE -> out.size() == 1 ? Losses.squaredError(out.get(0), label) : Losses.mse(out, oneHot(out.size(), label));
            case HINGE -> Losses.hinge(out.get(0), label == 1 ? 1 : -1);
            case BCE -> Losses.binaryCrossEntropyWithLogits(out.get(0), label);
            case CROSS_ENTROPY -> Losses.crossEntropy(out, label);
        };
    }

    private static double[] oneHot(int size, int label) {
        double[] oneHot = new double[size];
        oneHot[label] = 1;
        return oneHot;
    }

    /**
     * The mean of {@link #sample} over a batch on the scalar engine: {@code outputs.get(i)} are point i's.
     *
     * @param outputs each point's outputs, as graph nodes
     * @param labels each point's class, as many as the outputs
     * @return the batch's mean loss, a graph over every output
     * @throws IllegalArgumentException when the outputs and the labels differ in number
     */
    public Value mean(List<List<Value>> outputs, int[] labels) {
        return mean(outputs, labels, null);
    }

    /**
     * The mean over a batch of {@code weights[i]} times point i's {@link #sample} (divided by the
     * points, not by the weights' sum, so that balanced class weights, which sum to the points over
     * the data, keep the loss's scale); null weights are all 1.
     *
     * @param outputs each point's outputs, as graph nodes
     * @param labels each point's class, as many as the outputs
     * @param weights each point's weight in the mean, or null
     * @return the batch's weighted mean loss, a graph over every output
     * @throws IllegalArgumentException when the outputs and the labels differ in number
     */
    public Value mean(List<List<Value>> outputs, int[] labels, double[] weights) {
        if (outputs.size() != labels.length) {
            throw new IllegalArgumentException(outputs.size() + " outputs but " + labels.length + " labels");
        }
        List<Value> terms = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            Value term = sample(outputs.get(i), labels[i]);
            terms.add(weights == null ? term : term.mul(weights[i]));
        }
        return Losses.mean(terms);
    }

    /**
     * {@link #mean(List, int[])} on the tensor engine: {@code out} holds one row of outputs per
     * point, {@code labels} one class per row. Written from the same operations in the same order as
     * the scalar loss, so both engines compute the same numbers.
     *
     * @param out the outputs, points × outputs
     * @param labels each row's class
     * @return the mean loss, a 0-dimensional tensor
     */
    public Tensor mean(Tensor out, int[] labels) {
        return mean(out, labels, null);
    }

    /**
     * {@link #mean(List, int[], double[])} on the tensor engine: each point's loss times its weight, then the mean.
     *
     * @param out the outputs, points × outputs
     * @param labels each row's class
     * @param weights each row's weight, or null for all 1
     * @return the weighted mean loss, a 0-dimensional tensor
     */
    public Tensor mean(Tensor out, int[] labels, double[] weights) {
        return switch (this) {
            case MSE -> weighted(out.sub(Losses.targets(out.shape()[1], labels)).square(), weights).mean();
            case HINGE -> weighted(out.mul(Losses.column(labels, y -> y == 1 ? -1 : 1)).add(1).relu(), weights).mean();
            case BCE -> weighted(Losses.softplus(out.mul(Losses.column(labels, y -> y == 1 ? -1 : 1))), weights).mean();
            case CROSS_ENTROPY -> weights == null ? out.crossEntropy(labels)
                    : out.logSoftmax(1).mul(Losses.weightedOneHot(out.shape()[1], labels, weights)).sum().mul(-1.0 / labels.length);
        };
    }

    /** Each row of per-point losses times its point's weight (the rows as they are for null weights). */
    private static Tensor weighted(Tensor each, double[] weights) {
        return weights == null ? each : each.mul(Tensor.of(weights, weights.length, 1));
    }

    /**
     * Whether this loss trains regression: only squared error compares an output with a number.
     *
     * @return true for mse only
     */
    public boolean fitsRegression() {
        return this == MSE;
    }

    /**
     * The squared error (o − t)² of one regression output against its real target.
     *
     * @param out the model's one output, as a graph node
     * @param target the real number it should be
     * @return (o − t)², a graph over the output
     * @throws IllegalArgumentException for a loss other than mse, or more than one output
     */
    public Value regressionSample(List<Value> out, double target) {
        checkRegression(out.size());
        return Losses.squaredError(out.get(0), target);
    }

    /**
     * The mean of {@link #regressionSample} over a batch on the scalar engine.
     *
     * @param outputs each point's one output, as graph nodes
     * @param targets each point's real target
     * @return the mean squared error, a graph over every output
     * @throws IllegalArgumentException when outputs and targets differ in number, or as {@link #regressionSample}
     */
    public Value regressionMean(List<List<Value>> outputs, double[] targets) {
        if (outputs.size() != targets.length) {
            throw new IllegalArgumentException(outputs.size() + " outputs but " + targets.length + " targets");
        }
        List<Value> terms = new ArrayList<>(targets.length);
        for (int i = 0; i < targets.length; i++) {
            terms.add(regressionSample(outputs.get(i), targets[i]));
        }
        return Losses.mean(terms);
    }

    /**
     * {@link #regressionMean(List, double[])} on the tensor engine, from the same operations in the same order.
     *
     * @param out the outputs, points × 1
     * @param targets each row's real target
     * @return the mean squared error, a 0-dimensional tensor
     * @throws IllegalArgumentException for a loss other than mse, or more than one output column
     */
    public Tensor regressionMean(Tensor out, double[] targets) {
        checkRegression(out.shape()[1]);
        return out.sub(Tensor.of(targets, targets.length, 1)).square().mean();
    }

    private void checkRegression(int outputs) {
        if (!fitsRegression() || outputs != 1) {
            throw new IllegalArgumentException("regression trains one output with mse; got " + id() + " loss and "
                    + outputs + " outputs");
        }
    }

    /**
     * How many outputs a model needs for {@code classes} classes; the message says which loss fits when none.
     *
     * @param classes how many classes the data has, ≥ 2
     * @return 1 for two classes (but cross-entropy's 2), else one per class
     * @throws IllegalArgumentException for more than two classes under hinge or bce
     */
    public int outputs(int classes) {
        if (this == CROSS_ENTROPY) {
            return classes;
        }
        if (this != MSE && classes != 2) {
            throw new IllegalArgumentException(id() + " loss needs 2 classes, the data has " + classes + "; use cross-entropy or mse");
        }
        return classes == 2 ? 1 : classes;
    }

    /**
     * The class the outputs stand for.
     *
     * @param out one point's outputs
     * @return the class: for one output, 1 when the {@link #margin} is positive; else the largest output's index
     */
    public int predict(double[] out) {
        if (out.length == 1) {
            return margin(out) > 0 ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < out.length; k++) {
            if (out[k] > out[best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * A score whose sign is the decision between classes 0 and 1 (positive for 1): what a picture
     * draws, with its 0 contour as the boundary. For more than two classes, class 1 against class 0.
     *
     * @param out one point's outputs
     * @return the decision score, positive for class 1
     */
    public double margin(double[] out) {
        return switch (this) {
            case MSE -> out.length == 1 ? out[0] - 0.5 : out[1] - out[0];
            case HINGE, BCE -> out[0];
            case CROSS_ENTROPY -> out[1] - out[0];
        };
    }

    /**
     * Whether the outputs are logits of probabilities ({@link #probabilities}): bce and cross-entropy.
     *
     * @return true for bce and cross-entropy
     */
    public boolean givesProbabilities() {
        return this == BCE || this == CROSS_ENTROPY;
    }

    /**
     * One probability per class, summing to 1: for bce the logistic sigmoid of the logit (class 1's;
     * class 0's is the sigmoid of its negative, not 1 − p, which would lose the small ones); for
     * cross-entropy the softmax, less the largest logit first so that no exponential overflows.
     * mse and hinge train scores, not probabilities: an {@link IllegalStateException}.
     *
     * @param out one point's outputs (logits)
     * @return one probability per class (two for bce's single logit)
     */
    public double[] probabilities(double[] out) {
        if (this == BCE) {
            return new double[] {Value.sigmoid(-out[0]), Value.sigmoid(out[0])};
        }
        if (this != CROSS_ENTROPY) {
            throw new IllegalStateException(id() + " loss gives scores, not probabilities");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double o : out) {
            max = Math.max(max, o);
        }
        double[] p = new double[out.length];
        double sum = 0;
        for (int k = 0; k < out.length; k++) {
            p[k] = Math.exp(out[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < out.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** Every loss by the name used on the command line and in model files. */
    public static final Choices<Loss> CHOICES = Choices.of("loss", List.of(values()));

    @Override
    public String description() {
        return switch (this) {
            case MSE -> "squared error against 0/1 targets (the post's); any number of classes";
            case HINGE -> "max-margin relu(1 − y·s) with y = ±1 (micrograd's); 2 classes";
            case BCE -> "binary cross-entropy on a logit; 2 classes";
            case CROSS_ENTROPY -> "softmax cross-entropy over one logit per class; any number of classes";
        };
    }
}
