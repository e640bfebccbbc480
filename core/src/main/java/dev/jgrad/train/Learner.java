package dev.jgrad.train;

import dev.jgrad.base.InvalidSetting;
import dev.jgrad.data.Batch;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Scaler;
import dev.jgrad.engine.NoGrad;
import dev.jgrad.engine.Value;
import dev.jgrad.loss.Loss;
import dev.jgrad.loss.Penalty;
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
     */
    public Learner(Model model, Loss loss, double l2, Optimizer optimizer) {
        this(model, loss, 0, l2, optimizer, null);
    }

    /** As {@link #Learner(Model, Loss, double, Optimizer)} with a β·Σ|p| penalty as well ({@code l1}, 0 for none). */
    public Learner(Model model, Loss loss, double l1, double l2, Optimizer optimizer) {
        this(model, loss, l1, l2, optimizer, null);
    }

    /**
     * A learner for regression when {@code target} is not null: the one-feature scaler the batches'
     * targets were scaled by ({@link Scaler#none none(1)} for raw targets), which turns outputs and
     * targets back into the target's units for the measured figures.
     */
    public Learner(Model model, Loss loss, double l2, Optimizer optimizer, Scaler target) {
        this(model, loss, 0, l2, optimizer, target);
    }

    /** The learner with every penalty and, for regression, the target's scaler (else null). */
    public Learner(Model model, Loss loss, double l1, double l2, Optimizer optimizer, Scaler target) {
        this(model, loss, l1, l2, optimizer, target, null);
    }

    /**
     * As {@link #Learner(Model, Loss, double, double, Optimizer, Scaler)}, with each point's loss
     * multiplied by its class's weight in {@code classWeights} (null: all 1; {@link ClassWeight}), in
     * every step and every measured loss.
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

    /** Forward, loss, backward and one optimizer update on {@code batch}; returns the loss before the update. */
    public double step(Batch batch) {
        optimizer.zeroGrad();
        double value = model.forwardBackward(classWeights == null ? batch : batch.weightedByClass(classWeights), loss, penalty);
        optimizer.step();
        return value;
    }

    /**
     * The mean loss (plus the penalty) and the accuracy over {@code data}, or for regression the
     * {@link Regression} figures in the target's units, without a graph. The outputs come from the
     * model's engine; the loss of each is the scalar form on constants, so every engine is measured
     * by the same arithmetic.
     */
    public Evaluation evaluate(Batch data) {
        return evaluate(model.outputs(data), data.labels(), data.targets());
    }

    /**
     * {@link #evaluate(Batch)} over a dataset, its outputs computed {@link #CHUNK} points at a
     * time: the same figures to the bit (each point's outputs do not depend on its batch, and the
     * losses are summed in point order), without a flat copy of the whole set.
     */
    public Evaluation evaluate(Dataset data) {
        return evaluate(outputs(data), data.labels(), data.targets());
    }

    /** Points per batch when a whole dataset is run through the model. */
    static final int CHUNK = 4096;

    /** The model's outputs for every point of {@code data}, row-major, a chunk at a time. */
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

    private Evaluation evaluate(double[] all, int[] labels, double[] targets) {
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
                double[] out = Arrays.copyOfRange(all, i * k, (i + 1) * k);
                if (target != null) {
                    sum += loss.regressionSample(constants(out), targets[i]).data();
                } else {
                    double each = loss.sample(constants(out), labels[i]).data();
                    sum += classWeights == null ? each : each * classWeights[labels[i]];
                    correct += loss.predict(out) == labels[i] ? 1 : 0;
                }
            }
        }
        double mean = sum / n + penalty();
        return target == null ? new Evaluation(mean, (double) correct / n, null)
                : new Evaluation(mean, Double.NaN, fit(all, targets));
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

    public Model model() {
        return model;
    }

    public Loss loss() {
        return loss;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** Each class's weight in the loss (a copy), or null when every point weighs 1. */
    public double[] classWeights() {
        return classWeights == null ? null : classWeights.clone();
    }

    /** The scaler of a regression learner's targets; null for a classifier. */
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
