package dev.jgrad.train;

import dev.jgrad.base.InvalidSetting;
import dev.jgrad.data.Preprocessing;
import dev.jgrad.data.Scaling;
import dev.jgrad.data.Task;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Engine;
import dev.jgrad.tensor.DType;
import dev.jgrad.nn.Init;
import dev.jgrad.optim.OptimizerKind;
import dev.jgrad.optim.ScheduleKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Every choice of one training run, checked once, here: what the CLI's options (and later the
 * playground's controls) become, what {@link Training} runs, and what a report reads back. Settings
 * are named as users name them ({@code epochs}, {@code lr}, {@code weight-decay}): an
 * {@link InvalidSetting} says which one is wrong.
 *
 * <pre>{@code
 * TrainingConfig config = TrainingConfig.builder().hidden(List.of(9)).activation(Activation.TANH)
 *         .loss(Loss.MSE).optimizer(OptimizerKind.SGD).learningRate(0.01).batchSize(1).epochs(200).build();
 * }</pre>
 *
 * @param task classification (the default) or regression: a numeric target, one linear output, mse
 * @param loss null: chosen by the task and the data, {@link #lossFor(int) bce for 2 classes,
 *     cross-entropy for more, mse for regression}
 * @param batchSize points per update, or {@link Trainer#FULL_BATCH}
 * @param validation the fraction of the data held out for validation, in [0, 1)
 * @param earlyStop stop after this many epochs without a lower validation loss, keeping the best
 *     epoch's weights ({@link Trainer#earlyStop}); 0 never stops early
 * @param scaling how features (and a regression target) are scaled, fitted on the training split only
 * @param engine null: chosen by the run's shape ({@link #engineFor})
 * @param preprocessing how a raw table becomes features ({@link Prepared}): columns, missing cells,
 *     categories; fitted on the training split only
 * @param classWeight how much each class's points weigh in the loss ({@link ClassWeight}); none for regression
 * @param dtype the tensor engine's numbers: float64 (the default) or float32; the scalar engine's are float64
 * @param layerActivations one activation per hidden layer, or empty for {@code activation} on every one
 */
public record TrainingConfig(Task task, List<Integer> hidden, Activation activation, Activation outputActivation, Init init,
        Loss loss, double l1, double l2, OptimizerKind optimizer, double learningRate, double momentum, double weightDecay,
        ScheduleKind schedule, int epochs, int batchSize, long seed, double validation, int earlyStop, Scaling scaling, Engine engine,
        Preprocessing preprocessing, ClassWeight classWeight, DType dtype, List<Activation> layerActivations) {

    /**
     * Each hidden layer's activation.
     *
     * @return {@code layerActivations} when given one per layer, else {@code activation} on every one
     */
    public List<Activation> hiddenActivations() {
        return layerActivations.isEmpty() ? java.util.Collections.nCopies(hidden.size(), activation) : layerActivations;
    }

    /** With {@code engine} unset, models of at most this many parameters train per sample on the scalar engine. */
    public static final int AUTO_SCALAR_UP_TO = 100;

    /**
     * Checks every setting and how they combine; a bad one is an {@link dev.jgrad.base.InvalidSetting}
     * named as the command line names it.
     *
     * @param task classification or regression
     * @param hidden the hidden layers' sizes, each ≥ 1
     * @param activation the hidden layers' activation
     * @param outputActivation the output layer's
     * @param init how the starting weights are drawn
     * @param loss the loss, or null to choose by the data
     * @param l1 β of the L1 penalty, ≥ 0
     * @param l2 α of the L2 penalty, ≥ 0
     * @param optimizer the optimizer's kind
     * @param learningRate the base learning rate, > 0
     * @param momentum sgd's μ, in [0, 1)
     * @param weightDecay λ ≥ 0
     * @param schedule the learning rate's schedule over the run
     * @param epochs how many epochs, ≥ 1
     * @param batchSize points per update, or {@link Trainer#FULL_BATCH}
     * @param seed the seed of every draw of the run
     * @param validation the fraction held out, in [0, 1)
     * @param earlyStop the patience, 0 for none
     * @param scaling how features are scaled
     * @param engine the engine, or null to choose by the run's shape
     * @param preprocessing how a raw table becomes features
     * @param classWeight how classes weigh in the loss
     * @param dtype the tensor engine's numbers
     * @param layerActivations one activation per hidden layer, or empty for {@code activation} on every one
     */
    public TrainingConfig {
        hidden = List.copyOf(hidden);
        layerActivations = List.copyOf(layerActivations);
        if (!layerActivations.isEmpty() && layerActivations.size() != hidden.size()) {
            throw new InvalidSetting("activation", layerActivations.size() + " activations for " + hidden.size() + " hidden "
                    + (hidden.size() == 1 ? "layer" : "layers") + "; give one for every layer, or one per hidden layer");
        }
        if (!layerActivations.isEmpty()) {
            activation = layerActivations.get(0);
        }
        for (int h : hidden) {
            InvalidSetting.atLeast("hidden sizes", h, 1);
        }
        if (task == null || activation == null || outputActivation == null || init == null || optimizer == null
                || schedule == null || scaling == null || preprocessing == null || classWeight == null) {
            throw new IllegalArgumentException("task, activation, output activation, init, optimizer, schedule, scaling, "
                    + "preprocessing and class weight must be given");
        }
        if (task == Task.REGRESSION && classWeight != ClassWeight.NONE) {
            throw new InvalidSetting("class-weight", "weighs classes; regression has none");
        }
        if (task == Task.REGRESSION && loss != null && !loss.fitsRegression()) {
            throw new InvalidSetting("loss", loss.id() + " does not fit regression, which trains with mse");
        }
        InvalidSetting.atLeast("l1", l1, 0);
        InvalidSetting.atLeast("l2", l2, 0);
        InvalidSetting.above("lr", learningRate, 0);
        InvalidSetting.in("momentum", momentum, 0, 1);
        if (momentum != 0 && optimizer != OptimizerKind.SGD) {
            throw new InvalidSetting("momentum", "applies to sgd only; adam and adamw have their own");
        }
        InvalidSetting.atLeast("weight-decay", weightDecay, 0);
        InvalidSetting.atLeast("epochs", epochs, 1);
        InvalidSetting.atLeast("batch", batchSize, 0);
        InvalidSetting.in("val", validation, 0, 1);
        InvalidSetting.atLeast("early-stop", earlyStop, 0);
        if (earlyStop > 0 && validation == 0) {
            throw new InvalidSetting("early-stop", "watches the validation loss, but val is 0");
        }
        if (dtype == null) {
            throw new IllegalArgumentException("dtype must be given");
        }
        if (dtype != DType.FLOAT64 && engine == Engine.SCALAR) {
            throw new InvalidSetting("dtype", dtype.id() + " needs the tensor engine; the scalar engine computes in float64");
        }
    }

    /**
     * The loss for data of {@code classes} classes: the one chosen, else bce for 2 and cross-entropy
     * for more; for regression mse.
     *
     * @param classes the data's classes (0 for regression)
     * @return the loss
     */
    public Loss lossFor(int classes) {
        return loss != null ? loss : task == Task.REGRESSION ? Loss.MSE : classes == 2 ? Loss.BCE : Loss.CROSS_ENTROPY;
    }

    /**
     * The layer sizes of a model for {@code classes} classes: the hidden ones, then the loss's
     * outputs (for regression, one).
     *
     * @param classes the data's classes (0 for regression)
     * @return every layer's size
     */
    public List<Integer> sizes(int classes) {
        List<Integer> sizes = new ArrayList<>(hidden);
        sizes.add(task == Task.REGRESSION ? 1 : lossFor(classes).outputs(classes));
        return sizes;
    }

    /**
     * How many weights and biases a model for this data has, in long arithmetic (a size check may need it before one exists).
     *
     * @param features the inputs
     * @param classes the data's classes (0 for regression)
     * @return the count
     */
    public long parameterCount(int features, int classes) {
        long n = 0;
        long fanIn = features;
        for (int size : sizes(classes)) {
            n += (fanIn + 1) * size;
            fanIn = size;
        }
        return n;
    }

    /**
     * The engine chosen, or for none the scalar engine for per-sample steps of a model of at most
     * {@link #AUTO_SCALAR_UP_TO} parameters (where the tensor engine's fixed cost per step outweighs
     * its few multiply-adds) and the tensor engine otherwise (and always for float32).
     *
     * @param parameters the model's weights and biases
     * @return the engine
     */
    public Engine engineFor(int parameters) {
        if (engine != null) {
            return engine;
        }
        if (dtype != DType.FLOAT64) {
            return Engine.TENSOR;
        }
        return batchSize == 1 && parameters <= AUTO_SCALAR_UP_TO ? Engine.SCALAR : Engine.TENSOR;
    }

    /** {@return a builder holding the defaults: two hidden layers of 16 relu, Adam, 100 epochs, full batches, seed 42} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The settings one by one, starting from the CLI's defaults (classification, 16,16 relu with a linear output,
     * PyTorch's init, adam at its default rate, constant schedule, 100 full-batch epochs, seed 42,
     * a fifth held out, no scaling, loss and engine chosen by the data). No scaling by default, so
     * that {@code run.model()} takes the data as it is; for real data choose
     * {@code scaling(Scaling.STANDARD)} (as {@code jgrad train --csv} does) and predict through
     * {@link Training#predictor()}, or save {@link Training#scaler()} in the model file.
     */
    public static final class Builder {
        private Task task = Task.CLASSIFICATION;
        private List<Integer> hidden = List.of(16, 16);
        private Activation activation = Activation.RELU;
        private Activation outputActivation = Activation.LINEAR;
        private Init init = Init.PYTORCH;
        private Loss loss;
        private double l1;
        private double l2;
        private OptimizerKind optimizer = OptimizerKind.ADAM;
        private Double learningRate;
        private double momentum;
        private Double weightDecay;
        private ScheduleKind schedule = ScheduleKind.CONSTANT;
        private int epochs = 100;
        private int batchSize = Trainer.FULL_BATCH;
        private long seed = 42;
        private double validation = 0.2;
        private int earlyStop;
        private Scaling scaling = Scaling.NONE;
        private Engine engine;
        private Preprocessing preprocessing = Preprocessing.DEFAULT;
        private ClassWeight classWeight = ClassWeight.NONE;
        private DType dtype = DType.FLOAT64;
        private List<Activation> layerActivations = List.of();

        private Builder() {
        }

        /**
         * Classification (the default) or regression.
         *
         * @param v the task
         * @return this builder
         */
        public Builder task(Task v) {
            task = v;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param v the hidden layers' sizes (default 16, 16)
         */
        public Builder hidden(List<Integer> v) {
            hidden = v;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param v the hidden layers' activation (default relu)
         */
        public Builder activation(Activation v) {
            activation = v;
            layerActivations = List.of();
            return this;
        }

        /**
         * One activation for every hidden layer, or one per hidden layer.
         *
         * @param v a list of one (every layer), or one per hidden layer, in order
         * @return this builder
         */
        public Builder activations(List<Activation> v) {
            if (v.size() == 1) {
                return activation(v.get(0));
            }
            layerActivations = v;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param v the output layer's activation (default linear)
         */
        public Builder outputActivation(Activation v) {
            outputActivation = v;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param v how the starting weights are drawn (default pytorch)
         */
        public Builder init(Init v) {
            init = v;
            return this;
        }

        /**
         * null: chosen by the data's classes.
         *
         * @param v the loss
         * @return this builder
         */
        public Builder loss(Loss v) {
            loss = v;
            return this;
        }

        /**
         * β of a β·Σ|p| penalty (0: none).
         *
         * @param v β
         * @return this builder
         */
        public Builder l1(double v) {
            l1 = v;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param v α of an α·Σp² penalty (default 0: none)
         */
        public Builder l2(double v) {
            l2 = v;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param v the optimizer (default adam)
         */
        public Builder optimizer(OptimizerKind v) {
            optimizer = v;
            return this;
        }

        /**
         * null: the optimizer's default.
         *
         * @param v the rate, or null
         * @return this builder
         */
        public Builder learningRate(Double v) {
            learningRate = v;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param v sgd's momentum μ (default 0)
         */
        public Builder momentum(double v) {
            momentum = v;
            return this;
        }

        /**
         * null: the optimizer's default.
         *
         * @param v λ, or null
         * @return this builder
         */
        public Builder weightDecay(Double v) {
            weightDecay = v;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param v the learning rate's schedule (default constant)
         */
        public Builder schedule(ScheduleKind v) {
            schedule = v;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param v how many epochs (default 100)
         */
        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param v points per update (default the full batch)
         */
        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param v the seed of every draw (default 42)
         */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param v the fraction held out for validation (default 0.2)
         */
        public Builder validation(double v) {
            validation = v;
            return this;
        }

        /**
         * 0: never stop early.
         *
         * @param v the patience in epochs
         * @return this builder
         */
        public Builder earlyStop(int v) {
            earlyStop = v;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param v how features are scaled (default none)
         */
        public Builder scaling(Scaling v) {
            scaling = v;
            return this;
        }

        /**
         * How much each class's points weigh in the loss (default: none, all 1).
         *
         * @param v the weighting
         * @return this builder
         */
        public Builder classWeight(ClassWeight v) {
            classWeight = v;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param v the engine; null: chosen by the run's shape
         */
        public Builder engine(Engine v) {
            engine = v;
            return this;
        }

        /**
         * How a raw table becomes features (default: every column, missing cells refused, text one-hot encoded).
         *
         * @param v the preprocessing
         * @return this builder
         */
        public Builder preprocessing(Preprocessing v) {
            preprocessing = v;
            return this;
        }

        /**
         * float64 (the default) or float32, for the tensor engine.
         *
         * @param v the dtype
         * @return this builder
         */
        public Builder dtype(DType v) {
            dtype = v;
            return this;
        }

        /** {@return the configuration, checked by its constructor} */
        public TrainingConfig build() {
            return new TrainingConfig(task, hidden, activation, outputActivation, init, loss, l1, l2, optimizer,
                    learningRate != null ? learningRate : optimizer.defaultLearningRate(), momentum,
                    weightDecay != null ? weightDecay : optimizer.defaultWeightDecay(), schedule, epochs, batchSize, seed,
                    validation, earlyStop, scaling, engine, preprocessing, classWeight, dtype, layerActivations);
        }
    }
}
