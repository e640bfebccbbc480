package dev.jgrad.train;

import dev.jgrad.base.InvalidSetting;
import dev.jgrad.data.Batch;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Scaler;
import dev.jgrad.engine.NoGrad;
import dev.jgrad.engine.Value;
import dev.jgrad.loss.Loss;
import dev.jgrad.loss.Penalty;
import dev.jgrad.loss.PointLoss;
import dev.jgrad.nn.Model;
import dev.jgrad.optim.Optimizer;
import java.util.Arrays;
import java.util.List;

/**
 * A model, its loss and its optimizer, as the {@link Trainer} drives them: one update on a batch,
 * and a measurement without one. The trainer owns epochs, batching, shuffling, metrics and
 * listeners; the {@link Model} owns the engine, so one learner serves every engine. A regression
 * learner also knows how its targets were scaled, so that it measures in the target's units.
 *
 * <pre>{@code
 * Learner learner = new Learner(model, Loss.MSE, 0, new Sgd(model.trainable(), 0.01));
 * }</pre>
 */
public final class Learner {
    private final Model model;
    private final Loss loss;
    private final Penalty penalty;
    private final Optimizer optimizer;
    private final Scaler target;
    private final double[] classWeights;

    /**
     * {@code optimizer} must update {@code model.trainable()}; {@code l2} is the weight α of an
     * α·Σp² penalty added to the loss (0 for none).
     *
     * @param model the model to train, whose trainable() the optimizer updates
     * @param loss how outputs and labels become the loss
     * @param l2 α ≥ 0
     * @param optimizer the optimizer over {@code model.trainable()}
     */
    public Learner(Model model, Loss loss, double l2, Optimizer optimizer) {
        this(model, loss, 0, l2, optimizer, null);
    }

    /**
     * As {@link #Learner(Model, Loss, double, Optimizer)} with a β·Σ|p| penalty as well ({@code l1}, 0 for none).
     *
     * @param model the model to train, whose trainable() the optimizer updates
     * @param loss how outputs and labels become the loss
     * @param l1 β ≥ 0
     * @param l2 α ≥ 0
     * @param optimizer the optimizer over {@code model.trainable()}
     */
    public Learner(Model model, Loss loss, double l1, double l2, Optimizer optimizer) {
        this(model, loss, l1, l2, optimizer, null);
    }

    /**
     * A learner for regression when {@code target} is not null: the one-feature scaler the batches'
     * targets were scaled by ({@link Scaler#none none(1)} for raw targets), which turns outputs and
     * targets back into the target's units for the measured figures.
     *
     * @param model the model to train, whose trainable() the optimizer updates
     * @param loss how outputs and labels become the loss
     * @param l2 α ≥ 0
     * @param optimizer the optimizer over {@code model.trainable()}
     * @param target the targets' scaler, or null for a classifier
     */
    public Learner(Model model, Loss loss, double l2, Optimizer optimizer, Scaler target) {
        this(model, loss, 0, l2, optimizer, target);
    }

    /**
     * The learner with every penalty and, for regression, the target's scaler (else null).
     *
     * @param model the model to train, whose trainable() the optimizer updates
     * @param loss how outputs and labels become the loss
     * @param l1 β ≥ 0
     * @param l2 α ≥ 0
     * @param optimizer the optimizer over {@code model.trainable()}
     * @param target the targets' scaler, or null for a classifier
     */
    public Learner(Model model, Loss loss, double l1, double l2, Optimizer optimizer, Scaler target) {
        this(model, loss, l1, l2, optimizer, target, null);
    }

    /**
     * As {@link #Learner(Model, Loss, double, double, Optimizer, Scaler)}, with each point's loss
     * multiplied by its class's weight in {@code classWeights} (null: all 1; {@link ClassWeight}), in
     * every step and every measured loss.
     *
     * @param model the model to train, whose trainable() the optimizer updates
     * @param loss how outputs and labels become the loss
     * @param l1 β ≥ 0
     * @param l2 α ≥ 0
     * @param optimizer the optimizer over {@code model.trainable()}
     * @param target the targets' scaler, or null for a classifier
     * @param classWeights one weight per class, or null
     * @throws IllegalArgumentException for a negative penalty or parts that do not fit together
     * @throws dev.jgrad.base.InvalidSetting for a penalty that is ∞ on the starting weights
     */
    public Learner(Model model, Loss loss, double l1, double l2, Optimizer optimizer, Scaler target, double[] classWeights) {
        if (target != null && (target.features() != 1 || model.outputs() != 1 || !loss.fitsRegression())) {
            throw new IllegalArgumentException("regression trains 1 output with mse against a 1-feature target scaler; got "
                    + model.outputs() + " outputs, " + loss.id() + " loss, a scaler of " + target.features());
        }
        this.model = model;
        this.loss = loss;
        this.penalty = new Penalty(l1, l2);
        this.optimizer = optimizer;
        this.target = target;
        // one output stands for two classes
        int classes = model.outputs() == 1 ? 2 : model.outputs();
        if (classWeights != null && (target != null || classWeights.length != classes)) {
            throw new IllegalArgumentException("class weights are one per class of a classifier; got " + classWeights.length
                    + (target != null ? " for a regression model" : " for " + classes + " classes"));
        }
        this.classWeights = classWeights == null ? null : classWeights.clone();
        if (!Double.isFinite(penalty())) {
            // Else the first loss is Infinity and the message would blame the features.
            boolean l1Overflows = !Double.isFinite(new Penalty(l1, 0).of(weights()));
            throw new InvalidSetting(l1Overflows ? "l1" : "l2", InvalidSetting.shown(l1Overflows ? l1 : l2)
                    + " is too large: its penalty on the starting weights, " + (l1Overflows ? "β·Σ|p|" : "α·Σp²") + ", is Infinity");
        }
    }

    private double[] weights() {
        double[] p = new double[model.trainable().size()];
        model.trainable().readData(p, 0);
        return p;
    }

    /**
     * Forward, loss, backward and one optimizer update on {@code batch}; returns the loss before the update.
     *
     * @param batch the points of this update
     * @return the loss before the update
     */
    public double step(Batch batch) {
        optimizer.zeroGrad();
        double value = model.forwardBackward(classWeights == null ? batch : batch.weightedByClass(classWeights), loss, penalty);
        optimizer.step();
        return value;
    }

    /**
     * {@link #step(Batch)}, adding to {@code running} the batch's loss and, for a classifier, how many
     * of its points the outputs it was computed from (before the update) classified right.
     */
    double step(Batch batch, Running running) {
        double[] out = running.outputs(batch.size() * model.outputs());
        optimizer.zeroGrad();
        double value = model.forwardBackward(classWeights == null ? batch : batch.weightedByClass(classWeights), loss, penalty, out);
        optimizer.step();
        int correct = 0;
        int k = model.outputs();
        for (int i = 0; target == null && i < batch.size(); i++) {
            correct += loss.predict(Arrays.copyOfRange(out, i * k, (i + 1) * k)) == batch.labels()[i] ? 1 : 0;
        }
        running.add(value, batch.size(), correct);
        return value;
    }

    /**
     * The mean loss (plus the penalty) and the accuracy over {@code data}, or for regression the
     * {@link Regression} figures in the target's units, without a graph. The outputs come from the
     * model's engine; the loss of each is the scalar form's arithmetic ({@link PointLoss}, the bits of
     * its graph on constants, built only for the losses it does not cover), so every engine is measured
     * by the same arithmetic.
     *
     * @param data the points to measure
     * @return the loss and the accuracy (or the fit)
     */
    public Evaluation evaluate(Batch data) {
        return evaluate(model.outputs(data), data.labels(), data.targets());
    }

    /**
     * {@link #evaluate(Batch)} over a dataset, its outputs computed {@link #CHUNK} points at a
     * time: the same figures to the bit (each point's outputs do not depend on its batch, and the
     * losses are summed in point order), without a flat copy of the whole set.
     *
     * @param data the points to measure
     * @return the loss and the accuracy (or the fit)
     */
    public Evaluation evaluate(Dataset data) {
        return evaluate(outputs(data), data.labels(), data.targets());
    }

    /** Points per batch when a whole dataset is run through the model. */
    static final int CHUNK = 4096;

    /**
     * The model's outputs for every point of {@code data}, row-major, a chunk at a time.
     *
     * @param data the points
     * @return n × outputs numbers, row-major
     */
    public double[] outputs(Dataset data) {
        int k = model.outputs(), n = data.size();
        double[] all = new double[n * k];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            double[] out = model.outputs(data.batch(order, from, to));
            System.arraycopy(out, 0, all, from * k, out.length);
        }
        return all;
    }

    /** The figures of outputs already computed ({@link #outputs(Dataset)}) against their labels or targets. */
    Evaluation evaluate(double[] all, int[] labels, double[] targets) {
        if ((target != null) != (targets != null)) {
            throw new IllegalArgumentException(target != null ? "a regression learner needs a batch with targets"
                    : "a classification learner needs a batch of classes, not targets");
        }
        int k = model.outputs();
        int n = labels.length;
        double sum = 0;
        int correct = 0;
        try (NoGrad scope = NoGrad.enter()) {
            for (int i = 0; i < n; i++) {
                if (target != null) {
                    sum += regressionLoss(all, i, k, targets[i]);
                } else {
                    double each = PointLoss.of(loss, all, i * k, k, labels[i]);
                    sum += classWeights == null ? each : each * classWeights[labels[i]];
                    correct += loss.predict(Arrays.copyOfRange(all, i * k, (i + 1) * k)) == labels[i] ? 1 : 0;
                }
            }
        }
        double mean = sum / n + penalty();
        return target == null ? new Evaluation(mean, (double) correct / n, null)
                : new Evaluation(mean, Double.NaN, fit(all, targets));
    }

    /**
     * Point i's regression loss: one mse output from plain doubles ({@link PointLoss}, the graph's bits, with
     * no graph built for every point of every epoch), anything else through the graph, which refuses it.
     */
    private double regressionLoss(double[] all, int i, int k, double target) {
        if (k == 1 && loss == Loss.MSE) {
            return PointLoss.squared(all[i], target);
        }
        return loss.regressionSample(constants(Arrays.copyOfRange(all, i * k, (i + 1) * k)), target).data();
    }

        /** The regression figures of scaled outputs against scaled targets, both unscaled first. */
    private Regression fit(double[] outputs, double[] targets) {
        double[] predicted = new double[outputs.length];
        double[] truth = new double[targets.length];
        for (int i = 0; i < truth.length; i++) {
            predicted[i] = target.invert(0, outputs[i]);
            truth[i] = target.invert(0, targets[i]);
        }
        return Regression.of(truth, predicted);
    }

    /** The penalty of the current weights. */
    private double penalty() {
        return penalty.of(weights());
    }

    private static List<Value> constants(double[] out) {
        Value[] v = new Value[out.length];
        for (int i = 0; i < out.length; i++) {
            v[i] = Value.of(out[i]);
        }
        return Arrays.asList(v);
    }

    /** {@return the model being trained} */
    public Model model() {
        return model;
    }

    /** {@return the loss it trains with} */
    public Loss loss() {
        return loss;
    }

    /** {@return the optimizer that updates it} */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** {@return each class's weight in the loss (a copy), or null when every point weighs 1} */
    public double[] classWeights() {
        return classWeights == null ? null : classWeights.clone();
    }

    /** {@return the scaler of a regression learner's targets; null for a classifier} */
    public Scaler target() {
        return target;
    }

    /**
     * A loss and an accuracy in [0, 1], or for regression NaN and the fit.
     *
     * @param fit null for a classifier
     */
    public record Evaluation(double loss, double accuracy, Regression fit) {
    }
}
