package dev.jgrad.train;

import dev.jgrad.base.InvalidSetting;
import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Engine;
import dev.jgrad.nn.Model;
import dev.jgrad.nn.Network;
import java.util.List;

/**
 * One run of a {@link TrainingConfig} on a dataset, set up and not yet trained: the split, the
 * starting network, its model on the chosen engine, the learner and the trainer. A front end adds
 * its listeners to {@link #trainer()} (progress, pictures) and calls {@link #fit()}.
 *
 * @param loss the config's loss, or the one the data's classes call for
 * @param start the network as initialised, before training
 */
public record Training(TrainingConfig config, Dataset train, Dataset validation, Loss loss, Network start, Engine engine,
        Learner learner, Trainer trainer) {

    /**
     * Sets up {@code config} on {@code data}, drawing from {@code random} in a fixed order: the
     * validation split, the starting weights, the shuffling seed. So the same seed gives the same
     * run, bit for bit, on either engine (each its own bits: they round differently).
     */
    public static Training start(TrainingConfig config, Dataset data, Rng random) {
        Dataset.Split split = data.split(config.validation(), random.split());
        if (split.train().size() == 0) {
            throw new InvalidSetting("val", InvalidSetting.shown(config.validation()) + " holds out all " + data.size()
                    + " points, leaving none to train on; lower it or use more points");
        }
        Loss loss = config.lossFor(data.classes());
        List<Integer> sizes = config.sizes(data.classes());
        Network start = Network.initialise(data.features(), sizes,
                Network.activations(sizes.size(), config.activation(), config.outputActivation()), config.init(), random.split());
        Trainer trainer = new Trainer(config.epochs()).batchSize(config.batchSize()).seed(random.split().nextLong());
        long totalSteps = (long) config.epochs() * trainer.stepsPerEpoch(split.train().size());
        Engine engine = config.engineFor(start.parameterCount());
        Model model = engine.build(start);
        Learner learner = new Learner(model, loss, config.l2(), config.optimizer()
                .create(model.trainable(), config.learningRate(), config.momentum(), config.weightDecay())
                .schedule(config.schedule().over(totalSteps)));
        return new Training(config, split.train(), split.validation(), loss, start, engine, learner, trainer);
    }

    /** Trains for the configured epochs; every epoch's metrics. */
    public List<EpochMetrics> fit() {
        return trainer.fit(learner, train, validation);
    }

    /** The model being trained (its weights now: {@code model().network()}). */
    public Model model() {
        return learner.model();
    }
}
