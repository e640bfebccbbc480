package dev.jgrad.loss;

import dev.jgrad.data.Dataset;
import dev.jgrad.engine.Value;
import dev.jgrad.nn.MLP;
import java.util.ArrayList;
import java.util.List;

/**
 * Loss functions as graphs of {@link Value}s, so that backward reaches every parameter. Each is
 * written from the engine's primitives and needs no backward rule of its own.
 */
public final class Losses {
    private Losses() {
    }

    /** Mean of the terms: their sum (one node) times 1/n. */
    public static Value mean(List<Value> terms) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("the mean of no terms is undefined");
        }
        return terms.size() == 1 ? terms.get(0) : Value.sum(terms).mul(1.0 / terms.size());
    }

    /** Mean squared error, mean over i of (pᵢ − tᵢ)², as PyTorch's {@code mse_loss}. */
    public static Value mse(List<Value> predictions, double[] targets) {
        check(predictions, targets);
        List<Value> terms = new ArrayList<>(predictions.size());
        for (int i = 0; i < targets.length; i++) {
            terms.add(squaredError(predictions.get(i), targets[i]));
        }
        return mean(terms);
    }

    static Value squaredError(Value prediction, double target) {
        return prediction.sub(target).pow(2);
    }

    /** micrograd's max-margin loss: mean over i of relu(1 − yᵢ·sᵢ), labels yᵢ = ±1. */
    public static Value hinge(List<Value> scores, double[] labels) {
        check(scores, labels);
        List<Value> terms = new ArrayList<>(scores.size());
        for (int i = 0; i < labels.length; i++) {
            terms.add(hinge(scores.get(i), labels[i]));
        }
        return mean(terms);
    }

    static Value hinge(Value score, double label) {
        return score.mul(-label).add(1).relu();
    }

    /** α · Σ p²: L2 regularisation, added to a data loss to keep weights small. */
    public static Value l2(List<Value> parameters, double alpha) {
        List<Value> squares = new ArrayList<>(parameters.size());
        for (Value p : parameters) {
            squares.add(p.mul(p));
        }
        return Value.sum(squares).mul(alpha);
    }

    /**
     * Binary cross-entropy of a logit z against a target t in [0, 1], as PyTorch's
     * {@code binary_cross_entropy_with_logits}: t·softplus(−z) + (1 − t)·softplus(z). Finite for
     * every finite z: softplus never takes e^x of a positive x.
     */
    public static Value binaryCrossEntropyWithLogits(Value logit, double target) {
        if (target == 0 || target == 1) {
            return softplus(target == 0 ? logit : logit.neg());
        }
        return softplus(logit).mul(1 - target).add(softplus(logit.neg()).mul(target));
    }

    /**
     * log(1 + eᵘ), written as u + log(1 + e^−u) for u > 0: the branch is picked by the sign of u's
     * value, so e^x is only ever taken of x ≤ 0, and either branch has the derivative sigmoid(u).
     */
    static Value softplus(Value u) {
        return u.data() > 0 ? u.add(u.neg().exp().add(1).log()) : u.exp().add(1).log();
    }

    /**
     * Softmax cross-entropy of logits z for class y: log Σₖ e^(zₖ − m) + m − z_y with m = max z
     * taken as a constant (the result does not depend on m, and e^(zₖ − m) ≤ 1 cannot overflow).
     */
    public static Value crossEntropy(List<Value> logits, int label) {
        if (label < 0 || label >= logits.size()) {
            throw new IllegalArgumentException("label " + label + " is not in 0.." + (logits.size() - 1));
        }
        double max = Double.NEGATIVE_INFINITY;
        for (Value z : logits) {
            max = Math.max(max, z.data());
        }
        List<Value> exps = new ArrayList<>(logits.size());
        for (Value z : logits) {
            exps.add(z.sub(max).exp());
        }
        return Value.sum(exps).log().add(max).sub(logits.get(label));
    }

    /** The mean of {@code loss} over the points {@code order[from … to)} of {@code data}: a batch's loss as a graph. */
    public static Value batch(Loss loss, MLP model, Dataset data, int[] order, int from, int to) {
        List<Value> terms = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            int k = order[i];
            terms.add(loss.sample(model.forward(data.points()[k]), data.labels()[k]));
        }
        return mean(terms);
    }

    /** The mean of {@code loss} over all of {@code data}: micrograd's {@code loss = ...} line. */
    public static Value of(Loss loss, MLP model, Dataset data) {
        int[] all = new int[data.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return batch(loss, model, data, all, 0, all.length);
    }

    private static void check(List<Value> predictions, double[] targets) {
        if (predictions.size() != targets.length) {
            throw new IllegalArgumentException(predictions.size() + " predictions but " + targets.length + " targets");
        }
    }
}
