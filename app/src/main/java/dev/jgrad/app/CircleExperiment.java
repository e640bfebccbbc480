package dev.jgrad.app;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.data.Scorer;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.MLP;
import dev.jgrad.optim.Sgd;
import dev.jgrad.train.EpochListener;
import dev.jgrad.train.EpochMetrics;
import dev.jgrad.train.Learner;
import dev.jgrad.train.Trainer;
import java.util.List;

/**
 * The post's experiment: is a point inside the unit circle? A 2 → N tanh → 1 tanh network, squared
 * error against 0/1 targets, per-sample gradient descent with learning rate 0.01 for 200 epochs on
 * 300 training points, measured on 150 validation points.
 *
 * <p>One seed fixes everything, and the data does not depend on N: the seed's generator is split
 * into one stream for the training points, one for the validation points, one for the weights and
 * one for the shuffling, in that order.
 */
public final class CircleExperiment {
    public static final int TRAIN_POINTS = 300;
    public static final int VALIDATION_POINTS = 150;
    public static final int EPOCHS = 200;
    public static final double LEARNING_RATE = 0.01;

    /** One size's result: the trained model, its data, the metrics of every epoch, and its scorer. */
    public record Run(int hidden, MLP model, Dataset train, Dataset validation, List<EpochMetrics> history, Scorer scorer) {
        public EpochMetrics last() {
            return history.get(history.size() - 1);
        }
    }

    private CircleExperiment() {
    }

    /** Trains the post's network with {@code hidden} neurons for {@link #EPOCHS} epochs. */
    public static Run run(int hidden, long seed, EpochListener... listeners) {
        return run(hidden, seed, EPOCHS, listeners);
    }

    /** As {@link #run(int, long, EpochListener...)} for {@code epochs} epochs (fewer for quick checks). */
    public static Run run(int hidden, long seed, int epochs, EpochListener... listeners) {
        return setup(hidden, seed).fit(epochs, listeners);
    }

    /**
     * The experiment for one size with its data drawn and its model initialised, not yet trained:
     * what a listener needs to watch the model learn (a picture per epoch reads {@link Setup#scorer()}).
     */
    public static Setup setup(int hidden, long seed) {
        if (hidden < 1) {
            throw new IllegalArgumentException("the hidden layer needs at least 1 neuron, got " + hidden);
        }
        Rng root = new Rng(seed);
        Dataset train = rename(Datasets.circle(TRAIN_POINTS, 0, root.split()), "circle/train");
        Dataset validation = rename(Datasets.circle(VALIDATION_POINTS, 0, root.split()), "circle/validation");
        MLP model = new MLP(2, List.of(hidden, 1), Activation.TANH, Activation.TANH, Init.UNIFORM, root.split());
        Learner learner = new Learner(model, Loss.MSE, 0, new Sgd(model.trainable(), LEARNING_RATE));
        return new Setup(hidden, model, train, validation, learner, root.split().nextLong());
    }

    /** One size set up by {@link #setup}; {@link #fit} trains it (once). */
    public record Setup(int hidden, MLP model, Dataset train, Dataset validation, Learner learner, long shuffleSeed) {
        /** The model's decision as it is at the moment of each call (positive: inside). */
        public Scorer scorer() {
            return model.scorer(Loss.MSE);
        }

        /** Trains for {@code epochs} epochs with per-sample updates, telling the listeners after each. */
        public Run fit(int epochs, EpochListener... listeners) {
            Trainer trainer = new Trainer(epochs).batchSize(1).seed(shuffleSeed);
            for (EpochListener l : listeners) {
                trainer.listener(l);
            }
            List<EpochMetrics> history = trainer.fit(learner, train, validation);
            return new Run(hidden, model, train, validation, history, model.scorer(Loss.MSE));
        }
    }

    private static Dataset rename(Dataset d, String name) {
        return new Dataset(name, d.points(), d.labels(), d.classes(), d.classNames());
    }
}
