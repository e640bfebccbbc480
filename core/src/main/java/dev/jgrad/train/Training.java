package dev.jgrad.train;

import dev.jgrad.base.InvalidSetting;
import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Scaler;
import dev.jgrad.data.Task;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Engine;
import dev.jgrad.nn.Model;
import dev.jgrad.nn.Network;
import dev.jgrad.nn.Predictor;
import java.util.List;

/**
 * One run of a {@link TrainingConfig} on a dataset, set up and not yet trained: the split, the
 * scaler fitted on its training part, the starting network, its model on the chosen engine, the
 * learner and the trainer. A front end adds
 * its listeners to {@link #trainer()} (progress, pictures) and calls {@link #fit()}.
 *
 * @param draw what the run drew from its generator: the split (with the indices of each part), the starting
 *     network, the engine its size chose, the shuffling seed
 * @param train the training split, scaled
 * @param validation the validation split, scaled as the training split was
 * @param scaler the config's scaling fitted on the training split; new points pass through it first
 * @param target for regression, the same scaling fitted on the training split's targets (outputs
 *     are unscaled by it); null for classification
 * @param loss the config's loss, or the one the data's classes call for
 */
public record Training(TrainingConfig config, Draw draw, Dataset train, Dataset validation, Scaler scaler, Scaler target,
        Loss loss, Learner learner, Trainer trainer) {

    /**
     * What a run draws from its generator, in this order: the validation split, the starting
     * weights, the shuffling seed; and the engine the starting network's size chooses. Drawn in one
     * place, so that a caller that must split other points alike (the playground's raw points beside
     * the transformed ones) reads {@link Dataset.Split#trainIndices the split's indices} instead of
     * replaying the draws.
     *
     * @param split the data's split, unscaled, with the indices of each part
     * @param start the network as initialised, before training
     * @param engine the config's engine, or the one chosen by the network's size ({@link TrainingConfig#engineFor})
     */
    public record Draw(Dataset.Split split, Network start, Engine engine, long shuffleSeed) {
    }

    /** Every layer's activation: the hidden layers' as configured, then the output's. */
    private static List<Activation> layers(TrainingConfig config) {
        List<Activation> a = new java.util.ArrayList<>(config.hiddenActivations());
        a.add(config.outputActivation());
        return a;
    }

    /**
     * The draws of a run of {@code config} on {@code data}, whose points have {@code features}
     * numbers each (given, since data without points has no width): what {@link #start} trains
     * from, and what a front end without training points yet (the playground before its first
     * click) shows.
     *
     * @param config the run's settings
     * @param data all the points
     * @param features the model's inputs
     * @param random the run's generator
     * @return the draws
     */
    public static Draw draw(TrainingConfig config, Dataset data, int features, Rng random) {
        Dataset.Split split = data.split(config.validation(), random.split());
        List<Integer> sizes = config.sizes(data.classes());
        Network start = Network.initialise(features, sizes,
                layers(config), config.init(), random.split());
        long shuffleSeed = random.split().nextLong();
        return new Draw(split, start, config.engineFor(start.parameterCount()), shuffleSeed);
    }

    /**
     * Sets up {@code config} on {@code data}, drawing from {@code random} in a fixed order
     * ({@link #draw}). The scaling is fitted on the
     * training split alone, so that the validation points are as new to it as to the model. So the
     * same seed gives the same run, bit for bit, on either engine (each its own bits: they round
     * differently).
     *
     * @param config the run's settings
     * @param data all the points
     * @param random the run's generator
     * @return the run, set up
     */
    public static Training start(TrainingConfig config, Dataset data, Rng random) {
        if (data.task() != config.task()) {
            throw new IllegalArgumentException("the configuration is for " + config.task().id() + ", but " + data.name()
                    + (data.task() == Task.REGRESSION ? " has numeric targets, not classes" : " has classes, not numeric targets"));
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException(data.name() + " has no points to train on");
        }
        return from(config, data, draw(config, data, data.features(), random));
    }

    /**
     * {@link #start} with its draws made: {@code draw} is {@link #draw}'s on {@code data}.
     *
     * @param config the run's settings
     * @param data all the points
     * @param draw the draws made on it
     * @return the run, set up
     */
    public static Training from(TrainingConfig config, Dataset data, Draw draw) {
        Dataset.Split split = draw.split();
        if (split.train().size() == 0) {
            throw new InvalidSetting("val", InvalidSetting.shown(config.validation()) + " holds out all " + data.size()
                    + " points, leaving none to train on; lower it or use more points");
        }
        Scaler scaler = config.scaling().fit(split.train());
        Scaler target = config.task() == Task.REGRESSION ? config.scaling().fitTargets(split.train()) : null;
        Dataset train = scaled(scaler, target, split.train());
        Dataset validation = scaled(scaler, target, split.validation());
        Loss loss = config.lossFor(data.classes());
        Trainer trainer = new Trainer(config.epochs()).batchSize(config.batchSize()).seed(draw.shuffleSeed())
                .earlyStop(config.earlyStop());
        long totalSteps = (long) config.epochs() * trainer.stepsPerEpoch(train.size());
        Model model = draw.engine().build(draw.start(), config.dtype());
        Learner learner = new Learner(model, loss, config.l1(), config.l2(), config.optimizer()
                .create(model.trainable(), config.learningRate(), config.momentum(), config.weightDecay())
                .schedule(config.schedule().over(totalSteps)), target, config.classWeight().weights(split.train()));
        return new Training(config, draw, train, validation, scaler, target, loss, learner, trainer);
    }

    /** {@return the network as initialised, before training} */
    public Network start() {
        return draw.start();
    }

    /** {@return the engine the model trains on: the config's, or the one chosen by the network's size} */
    public Engine engine() {
        return draw.engine();
    }

    /** The split {@link #start} makes: its first draw from {@code random}, so that {@link Prepared} can make it first. */
    static Dataset.Split split(TrainingConfig config, Dataset data, Rng random) {
        return data.split(config.validation(), random.split());
    }

    private static Dataset scaled(Scaler scaler, Scaler target, Dataset raw) {
        Dataset points = scaler.apply(raw);
        return target == null ? points : target.applyToTargets(points);
    }

    /**
     * New data of the training data's kind (a test file's, say) scaled as this run's: features, and regression targets.
     *
     * @param raw the points in the data's units
     * @return the scaled copy
     */
    public Dataset scaled(Dataset raw) {
        return scaled(scaler, target, raw);
    }

    /**
     * This run with its draw's split holding no points: the split keeps its indices, and its sets their names and
     * classes. For a caller that has no further use for the unscaled points and holds none itself, so that they
     * can be collected while the run trains: the split's sets share their rows with the data the run started from,
     * the same size again as the scaled points it trains on (Fashion-MNIST's 60,000 × 784: 376 MB, a third of
     * what its float32 training held in a heap of 1 GiB). Training, measuring and {@link #scaled} are as before.
     *
     * @return the same run, its draw's split without points
     */
    public Training withoutUnscaledPoints() {
        Dataset.Split s = draw.split();
        Dataset.Split bare = new Dataset.Split(none(s.train()), none(s.validation()), s.trainIndices(),
                s.validationIndices());
        return new Training(config, new Draw(bare, draw.start(), draw.engine(), draw.shuffleSeed()), train, validation,
                scaler, target, loss, learner, trainer);
    }

    /** {@code d}'s name and classes, no points. */
    private static Dataset none(Dataset d) {
        return d.subset(d.name(), new int[0]);
    }

    /**
     * Trains for the configured epochs; every epoch's metrics.
     *
     * @return one entry per epoch run
     */
    public List<EpochMetrics> fit() {
        return trainer.fit(learner, train, validation);
    }

    /**
     * The model as it is now, measured on {@code data}, whose points are scaled as this run's
     * ({@link #train()}, {@link #validation()}, or {@link #scaled scaled(raw)}); a regression
     * model's figures are in the target's units.
     *
     * @param set the set's name in reports
     * @param data the points, scaled as this run's
     * @return the measurement
     */
    public Measurement measure(String set, Dataset data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("the " + set + " set is empty");
        }
        if (data.task() != train.task()) {
            throw new IllegalArgumentException("the " + set + " set is for " + data.task().id() + ", the model for "
                    + train.task().id());
        }
        if (data.features() != train.features() || !data.classNames().equals(train.classNames())) {
            throw new IllegalArgumentException("the " + set + " set has " + data.features() + " features and classes "
                    + data.classNames() + "; the model takes " + train.features() + " and knows " + train.classNames());
        }
        // one pass of the model over the set serves the loss and the predictions (two cost Fashion-MNIST's command
        // 0.5 s)
        double[] out = learner.outputs(data);
        Learner.Evaluation evaluation = learner.evaluate(out, data.labels(), data.targets());
        if (target != null) {
            return new Measurement(set, evaluation.loss(), evaluation.fit());
        }
        double loss = evaluation.loss();
        int k = model().outputs();
        int[] predicted = new int[data.size()];
        double[] scores = new double[data.size()];
        for (int i = 0; i < predicted.length; i++) {
            double[] one = java.util.Arrays.copyOfRange(out, i * k, (i + 1) * k);
            predicted[i] = this.loss.predict(one);
            scores[i] = this.loss.margin(one);
        }
        Classification classification = Classification.of(train.classNames(), data.labels(), predicted);
        return new Measurement(set, loss, classification, null, data.classes() == 2 ? Ranking.of(data.labels(), scores) : null);
    }

    /** {@return the model behind its scaler, for raw features of the data's kind} */
    public Predictor predictor() {
        return new Predictor(model(), scaler, loss, train.classNames(), target);
    }

    /** {@return the model being trained (its weights now: {@code model().network()})} */
    public Model model() {
        return learner.model();
    }
}
