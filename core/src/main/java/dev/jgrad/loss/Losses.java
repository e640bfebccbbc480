package dev.jgrad.loss;

import dev.jgrad.engine.Value;
import dev.jgrad.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Loss functions as graphs, so that backward reaches every parameter: each is written from an
 * engine's primitives and needs no backward rule of its own. Where a composite must exist for both
 * engines (softplus), its two forms stand side by side here, computing the same numbers; {@link Loss}
 * pairs the losses the same way and {@link Penalty} the weight penalties.
 */
public final class Losses {
    private Losses() {
    }

    /**
     * Mean of the terms: their sum (one node) times 1/n.
     *
     * @param terms at least one
     * @return their mean, a graph over the terms
     * @throws IllegalArgumentException for no terms
     */
    public static Value mean(List<Value> terms) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("the mean of no terms is undefined");
        }
        return terms.size() == 1 ? terms.get(0) : Value.sum(terms).mul(1.0 / terms.size());
    }

    /**
     * Mean squared error, mean over i of (pᵢ − tᵢ)², as PyTorch's {@code mse_loss}.
     *
     * @param predictions the model's outputs, as graph nodes
     * @param targets one real target per prediction
     * @return the mean squared error, a graph over the predictions
     * @throws IllegalArgumentException when they differ in number
     */
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

    /**
     * micrograd's max-margin loss: mean over i of relu(1 − yᵢ·sᵢ), labels yᵢ = ±1.
     *
     * @param scores the model's scores, as graph nodes
     * @param labels one label per score, each −1 or +1
     * @return the mean hinge loss, a graph over the scores
     * @throws IllegalArgumentException for a label other than ±1 (0/1 labels want bce), or counts that differ
     */
    public static Value hinge(List<Value> scores, double[] labels) {
        check(scores, labels);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 1 && labels[i] != -1) {
                throw new IllegalArgumentException("hinge labels must be -1 or +1, got " + labels[i] + " at " + i
                        + " (for 0/1 labels use binaryCrossEntropyWithLogits)");
            }
        }
        List<Value> terms = new ArrayList<>(scores.size());
        for (int i = 0; i < labels.length; i++) {
            terms.add(hinge(scores.get(i), labels[i]));
        }
        return mean(terms);
    }

    static Value hinge(Value score, double label) {
        return score.mul(-label).add(1).relu();
    }

    /**
     * α · Σ p²: L2 regularisation, added to a data loss to keep weights small.
     *
     * @param parameters the weights to keep small, as graph leaves
     * @param alpha the penalty's weight α, a finite number ≥ 0
     * @return α · Σ p², a graph over the parameters
     * @throws IllegalArgumentException for a negative, NaN or infinite α
     */
    public static Value l2(List<Value> parameters, double alpha) {
        Penalty.check("L2", alpha);
        List<Value> squares = new ArrayList<>(parameters.size());
        for (Value p : parameters) {
            squares.add(p.mul(p));
        }
        return Value.sum(squares).mul(alpha);
    }

    /**
     * β · Σ |p|: L1 regularisation, which pulls every weight towards 0 by the same amount and so
     * zeroes the ones the data does not need. |p| is written relu(p) + relu(−p): its gradient is the
     * sign of p, and 0 at 0 (the subgradient PyTorch's abs gives), with no primitive of its own.
     *
     * @param parameters the weights to pull to 0, as graph leaves
     * @param beta the penalty's weight β, a finite number ≥ 0
     * @return β · Σ |p|, a graph over the parameters
     * @throws IllegalArgumentException for a negative, NaN or infinite β
     */
    public static Value l1(List<Value> parameters, double beta) {
        Penalty.check("L1", beta);
        List<Value> sizes = new ArrayList<>(parameters.size());
        for (Value p : parameters) {
            sizes.add(p.relu().add(p.neg().relu()));
        }
        return Value.sum(sizes).mul(beta);
    }

    /**
     * Binary cross-entropy of a logit z against a target t in [0, 1], as PyTorch's
     * {@code binary_cross_entropy_with_logits}: t·softplus(−z) + (1 − t)·softplus(z). Finite for
     * every finite z: softplus never takes e^x of a positive x.
     *
     * @param logit the model's output z, as a graph node
     * @param target the probability t of class 1, in [0, 1] (a class label is 0 or 1)
     * @return the loss, a graph over the logit
     * @throws IllegalArgumentException for a target outside [0, 1] or NaN
     */
    public static Value binaryCrossEntropyWithLogits(Value logit, double target) {
        if (!(target >= 0 && target <= 1)) {
            // outside [0, 1] the loss has no minimum and can be negative: a silent wrong answer
            throw new IllegalArgumentException("a binary cross-entropy target must be in [0, 1], got " + target);
        }
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
     * {@link #softplus(Value)} entry by entry: u·m + log(1 + e^(u − 2u·m)) with the constant mask
     * m = [u > 0], so e^x never sees a positive x and the gradient at 0 is exactly ½.
     */
    static Tensor softplus(Tensor u) {
        double[] mask = u.data();
        for (int i = 0; i < mask.length; i++) {
            mask[i] = mask[i] > 0 ? 1 : 0;
        }
        Tensor positive = u.mul(Tensor.of(mask, u.shape()));
        return positive.add(u.sub(positive.mul(2)).exp().add(1).log());
    }

    /**
     * Softmax cross-entropy of logits z for class y: log Σₖ e^(zₖ − m) + m − z_y with m = max z
     * taken as a constant (the result does not depend on m, and e^(zₖ − m) ≤ 1 cannot overflow).
     *
     * @param logits one logit per class, as graph nodes
     * @param label the true class, 0 … logits − 1
     * @return the loss, a graph over the logits
     * @throws IllegalArgumentException for a label outside the classes
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

    private static void check(List<Value> predictions, double[] targets) {
        if (predictions.size() != targets.length) {
            throw new IllegalArgumentException(predictions.size() + " predictions but " + targets.length + " targets");
        }
    }

    /** One number per label, as an n × 1 column: a tensor loss's targets or signs. */
    static Tensor column(int[] labels, IntToDoubleFunction f) {
        double[] d = new double[labels.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = f.applyAsDouble(labels[i]);
        }
        return Tensor.of(d, d.length, 1);
    }

    /** Row i holds {@code weights[i]} at column {@code labels[i]} and 0 elsewhere: a weighted cross-entropy's picker. */
    static Tensor weightedOneHot(int classes, int[] labels, double[] weights) {
        double[] d = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            d[i * classes + labels[i]] = weights[i];
        }
        return Tensor.of(d, labels.length, classes);
    }

    /** The 0/1 targets of squared error: the label itself for one output, one-hot rows for more. */
    static Tensor targets(int outputs, int[] labels) {
        if (outputs == 1) {
            return column(labels, y -> y);
        }
        double[] d = new double[labels.length * outputs];
        for (int i = 0; i < labels.length; i++) {
            d[i * outputs + labels[i]] = 1;
        }
        return Tensor.of(d, labels.length, outputs);
    }
}
