package dev.jgrad.web;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Batch;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.data.Scaling;
import dev.jgrad.data.Task;
import dev.jgrad.nn.Engine;
import dev.jgrad.nn.Network;
import dev.jgrad.train.EpochMetrics;
import dev.jgrad.train.Learner;
import dev.jgrad.train.Trainer;
import dev.jgrad.train.Training;
import dev.jgrad.train.TrainingConfig;
import dev.jgrad.train.TrainingException;
import java.util.ArrayList;
import java.util.List;

/**
 * One setup's data, network and training, as {@code jgrad train} makes them: the same
 * {@link Datasets} call on the seed's first stream, then {@link Training#start} on the transformed
 * points (split, weights and shuffling seed drawn in its order), then core's {@link Trainer} run one
 * update at a time. So the page's command line reproduces its data and starting weights on the JVM.
 *
 * <p>The raw 2-D points are kept beside the transformed ones, split by the indices {@link Training#draw} drew, for the
 * page to draw.
 */
final class Session {
    private final Setup setup;
    private String query;
    private final Dataset raw;
    private final Dataset rawTrain;
    private final Dataset rawTest;
    private final View view;
    private final TrainingConfig config;
    /** The split, starting network and engine, as {@link Training#draw} drew them. */
    private final Training.Draw draw;
    /** Null when there are no points yet (custom data before the first click). */
    private final Training training;
    private Dataset rawExtra;
    private Dataset train;
    private Batch trainBatch;
    private Batch testBatch;
    private Trainer.Run run;
    private long updates;
    private String stopped;
    /** Whether the learner went on past the setup's epoch budget. */
    private boolean beyond;

    private Session(Setup setup, Dataset raw, View fixed) {
        this.setup = setup;
        Rng root = new Rng(setup.seed());
        if (setup.generated()) {
            Datasets.Generator g = Datasets.CHOICES.parse(setup.data());
            raw = Datasets.generate(g.id(), setup.points(), setup.noise(), 2, root.split());
        }
        this.raw = raw;
        this.view = fixed != null ? fixed : View.around(raw);
        this.config = config(setup, setup.engine().equals("auto") ? null : Engine.CHOICES.parse(setup.engine()));
        // Regression points are read as they are (Setup holds their features to the raw ones), as jgrad train reads them.
        Dataset points = setup.regression() ? raw : setup.features().apply(raw);
        draw = Training.draw(config, points, setup.features().size(), root);
        // Without a point to train on yet (custom data before the first click), the draws still give the network the page shows.
        training = draw.split().train().size() == 0 ? null : Training.from(config, points, draw);
        if (training != null) {
            restart(training.train());
        }
        // The raw points split by the indices the transformed ones were split by.
        rawTrain = raw.subset(raw.name() + "/train", draw.split().trainIndices());
        rawTest = raw.subset(raw.name() + "/validation", draw.split().validationIndices());
    }

    /** A session of {@code setup}; {@code points} are the drawn or loaded points (ignored for generated data). */
    static Session of(Setup setup, Dataset points) {
        if (!setup.generated() && !setup.regression() && points.classes() != 2) {
            throw new IllegalArgumentException("the playground classifies 2 classes; the data has " + points.classes());
        }
        if (setup.generated()) {
            return new Session(setup, null, null);
        }
        // Drawn points keep the drawing box (clicks land where they were drawn); loaded ones get a box around them.
        return new Session(setup, points, setup.data().equals("custom") ? View.DRAWING.with(points) : null);
    }

    /**
     * The page's engine: the one asked for, else {@code jgrad train}'s own choice by shape
     * ({@link TrainingConfig#engineFor}, made by {@link Training#draw}: the scalar engine for per-sample steps of at most 100
     * parameters, the tensor engine otherwise), so the command line needs no {@code --engine}. Measured
     * in Node 20 (V8, Chromium's engine) with {@code web/scripts/engine-speed.mjs}, epochs per second on
     * 400 training points: 2-8-8-1 tanh (97 parameters) per sample scalar 40, tensor 32; in batches of 10
     * scalar 47, tensor 89; 2-9-1 per sample scalar 81, tensor 48, in batches of 10 scalar 97, tensor
     * 169; 2-16-16-16-1 (609 parameters) per sample scalar 8.6, tensor 11. The crossover is where it is
     * on the JVM.
     */
    Engine engine() {
        return draw.engine();
    }

    /** The training settings of {@code setup}, as {@code jgrad train}'s options of its command line give them. */
    static TrainingConfig config(Setup setup, Engine engine) {
        return TrainingConfig.builder().task(setup.regression() ? Task.REGRESSION : Task.CLASSIFICATION).hidden(setup.hidden()).activations(setup.activations())
                .outputActivation(setup.outputActivation()).init(setup.init()).loss(setup.loss())
                .l1(setup.reg().equals("l1") ? setup.rate() : 0).l2(setup.reg().equals("l2") ? setup.rate() : 0)
                .optimizer(setup.optimizer()).learningRate(setup.lr()).momentum(setup.momentum()).batchSize(setup.batch()).seed(setup.seed())
                .validation(setup.validation()).epochs(setup.epochs()).scaling(Scaling.NONE).engine(engine).build();
    }

    private void restart(Dataset trainSet) {
        train = trainSet;
        trainBatch = train.batch();
        Dataset test = training.validation();
        testBatch = test.size() == 0 ? null : test.batch();
        run = training.trainer().start(training.learner(), train, test);
    }

    /** Adds a drawn point to the training points, keeping the weights and the optimizer's state. */
    Session withPoint(double x1, double x2, int label) {
        double[] p = {x1, x2};
        if (training == null) {
            return new Session(setup, append(raw, p, label), view);
        }
        rawExtra = append(rawExtra == null ? new Dataset("drawn", new double[0][], new int[0], 2, raw.classNames()) : rawExtra, p, label);
        restart(append(train, setup.features().apply(p), label));
        return this;
    }

    /** Every point this session holds: its data and the points drawn since it started. */
    Dataset allPoints() {
        return rawExtra == null ? raw : concat(raw, rawExtra);
    }

    private static Dataset append(Dataset d, double[] point, int label) {
        return concat(d, new Dataset(d.name(), new double[][] {point}, new int[] {label}, 2, d.classNames()));
    }

    private static Dataset concat(Dataset a, Dataset b) {
        List<double[]> p = new ArrayList<>();
        int[] l = new int[a.size() + b.size()];
        for (int i = 0; i < a.size(); i++) {
            p.add(a.points()[i]);
            l[i] = a.labels()[i];
        }
        for (int i = 0; i < b.size(); i++) {
            p.add(b.points()[i]);
            l[a.size() + i] = b.labels()[i];
        }
        return new Dataset(a.name(), p.toArray(new double[0][]), l, 2, a.classNames());
    }

    /** One update; a diverged run stays stopped, saying where, and a run at its epoch budget waits for {@link #goOn}. */
    void step() {
        if (run == null || stopped != null || atBudget()) {
            return;
        }
        try {
            run.step();
            updates++;
        } catch (TrainingException e) {
            stopped = e.getMessage();
        }
    }

    /** The rest of the current epoch. */
    void epoch() {
        if (run == null) {
            return;
        }
        do {
            step();
        } while (stopped == null && run.steps() != 0);
    }

    /**
     * Train and test loss and accuracy of the weights now (NaN where there are no points); for regression data the
     * accuracy is NaN and the fit (MSE, MAE, R², core's {@code Regression}, as {@code jgrad train} reports them) is given.
     */
    Learner.Evaluation[] measure() {
        Learner.Evaluation none = new Learner.Evaluation(Double.NaN, Double.NaN, null);
        if (training == null) {
            return new Learner.Evaluation[] {none, none};
        }
        if (run.steps() == 0 && run.last() != null) {
            // At an epoch's end the trainer has just measured these weights: no need to measure them twice.
            EpochMetrics m = run.last();
            return new Learner.Evaluation[] {new Learner.Evaluation(m.trainLoss(), m.trainAccuracy(), m.trainFit()),
                testBatch == null ? none : new Learner.Evaluation(m.valLoss(), m.valAccuracy(), m.valFit())};
        }
        Learner learner = training.learner();
        return new Learner.Evaluation[] {learner.evaluate(trainBatch), testBatch == null ? none : learner.evaluate(testBatch)};
    }

    /**
     * While playing: the last finished epoch's losses and accuracies, which the trainer measured at that epoch's end (the
     * numbers {@code jgrad train} prints), rather than a pass over every point each frame for weights a frame will move
     * again; {@link #measure()} before the first epoch ends.
     */
    Learner.Evaluation[] lastEpoch() {
        if (training == null || run.last() == null) {
            return measure();
        }
        EpochMetrics m = run.last();
        // A regression's fit (its R²) comes along, as the trainer measured it.
        return new Learner.Evaluation[] {new Learner.Evaluation(m.trainLoss(), m.trainAccuracy(), m.trainFit()),
            testBatch == null ? new Learner.Evaluation(Double.NaN, Double.NaN, null) : new Learner.Evaluation(m.valLoss(), m.valAccuracy(), m.valFit())};
    }

    /** The weights now. */
    Network network() {
        return training == null ? draw.start() : training.model().network();
    }

    int epochs() {
        return run == null ? 0 : run.epochs();
    }

    /** Whether playing stops here: the setup's epochs done, and the learner has not chosen to go on. */
    boolean atBudget() {
        return run != null && !beyond && run.epochs() >= setup.epochs() && run.steps() == 0;
    }

    /** Lets training go on past the epoch budget (the command line then names the epochs trained). */
    void goOn() {
        beyond = true;
    }

    /** Whether training went on past the budget (an update beyond it, not just the permission). */
    boolean beyond() {
        return beyond && run != null && (run.epochs() > setup.epochs() || run.epochs() == setup.epochs() && run.steps() > 0);
    }

    /** The epochs {@code jgrad train} needs to reach what the page shows: the budget, or as far as the page went past it. */
    int commandEpochs() {
        return beyond ? Math.max(setup.epochs(), epochs()) : setup.epochs();
    }

    long updates() {
        return updates;
    }

    String stopped() {
        return stopped;
    }

    boolean hasPoints() {
        return training != null;
    }

    Setup setup() {
        return setup;
    }

    /** The setup's query ({@link Setup#query}), written once: every answer while playing repeats it. */
    String query() {
        if (query == null) {
            query = setup.query();
        }
        return query;
    }

    Network start() {
        return draw.start();
    }

    TrainingConfig config() {
        return config;
    }

    /** The box the pictures cover: fixed for drawn points (so that clicks land where they were), else around the data. */
    View view() {
        return view;
    }

    /** The raw training points (with those drawn since), then the test points. */
    Dataset rawTrain() {
        return rawExtra == null ? rawTrain : concat(rawTrain, rawExtra);
    }

    Dataset rawTest() {
        return rawTest;
    }

    /** The transformed training points the model trains on, in {@link #rawTrain()}'s order. */
    Dataset train() {
        return train;
    }

    Training training() {
        return training;
    }
}
