package dev.jgrad.train;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Batch;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.FloatPoints;
import dev.jgrad.data.Shuffle;
import dev.jgrad.tensor.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs epochs of updates and measures each one. An epoch visits every training point once, in an
 * order shuffled from the seed (or in data order), in batches of {@link #batchSize}: 1 updates
 * after every sample (the post's way), {@link #FULL_BATCH} once per epoch (micrograd's demo). The
 * trainer gathers each batch and hands it to the learner. After each epoch the learner measures
 * loss and accuracy (or, for regression, the fit) on the training and validation sets and every listener hears about it; with
 * {@link #earlyStop} it may end before the last epoch. Everything is drawn from the seed, and no
 * result depends on the matrix kernel or the thread count (docs/architecture.md, "Reproducible
 * runs"), so the same seed gives bit-identical metrics.
 *
 * <pre>{@code
 * List<EpochMetrics> history = new Trainer(200).batchSize(1).seed(42)
 *         .listener(m -> System.out.println(m))
 *         .fit(new Learner(model, Loss.MSE, 0, new Sgd(model.trainable(), 0.01)), train, val);
 * }</pre>
 */
public final class Trainer {
    /** A batch size that means "the whole training set". */
    public static final int FULL_BATCH = 0;

    private final int epochs;
    private int batchSize = 1;
    private boolean shuffle = true;
    private long seed;
    private int patience;
    private boolean running;
    private final List<EpochListener> listeners = new ArrayList<>();

    /**
     * A trainer of so many epochs, per sample, shuffled with seed 0.
     *
     * @param epochs how many epochs, ≥ 1
     * @throws IllegalArgumentException for fewer
     */
    public Trainer(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        this.epochs = epochs;
    }

    /**
     * Points per update: 1 (per sample, the default), B (mini-batches; the last may be smaller) or {@link #FULL_BATCH}.
     *
     * @param batchSize ≥ 1, or {@link #FULL_BATCH}
     * @return this trainer
     */
    public Trainer batchSize(int batchSize) {
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch size must be ≥ 1, or 0 for the full batch; got " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    /**
     * Whether each epoch visits the points in a fresh order drawn from the seed (default) or in data order.
     *
     * @param shuffle whether to shuffle
     * @return this trainer
     */
    public Trainer shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /**
     * The seed of the shuffling (default 0).
     *
     * @param seed the seed
     * @return this trainer
     */
    public Trainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Stops when the validation loss has not fallen for {@code patience} epochs in a row and puts
     * back the weights of the epoch with the lowest one (the first, on a tie); 0, the default, never
     * stops early. Needs a validation set.
     *
     * @param patience epochs without a lower validation loss, ≥ 1
     * @return this trainer
     */
    public Trainer earlyStop(int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be ≥ 0, got " + patience);
        }
        this.patience = patience;
        return this;
    }

    /**
     * Whether an epoch's training loss and accuracy are those of its updates ({@link Running}: the
     * mean of the batch losses, each before its update, and the points those outputs classified
     * right) instead of the default, the whole training set measured again after the epoch's last
     * update. A classifier's figures only: a regressor's training fit is always measured. The
     * validation set is always measured after the epoch.
     *
     * @param running true for the running figures
     * @return this trainer
     */
    public Trainer runningMetrics(boolean running) {
        this.running = running;
        return this;
    }

    /**
     * Adds a listener called after every epoch.
     *
     * @param listener called with each epoch's metrics
     * @return this trainer
     */
    public Trainer listener(EpochListener listener) {
        listeners.add(listener);
        return this;
    }

    /** {@return how many epochs {@link #fit} runs} */
    public int epochs() {
        return epochs;
    }

    /**
     * How many updates one epoch over {@code n} points makes.
     *
     * @param n the training points
     * @return the updates
     */
    public int stepsPerEpoch(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("the training set is empty");
        }
        int b = batchSize == FULL_BATCH ? n : batchSize;
        return (n + b - 1) / b;
    }

    /**
     * Trains for the configured epochs and returns every epoch's metrics. {@code validation} may be
     * null or empty (its metrics are then NaN). Throws {@link TrainingException} naming the epoch and
     * step when a loss stops being finite.
     *
     * @param learner the model, loss and optimizer
     * @param train the training points
     * @param validation the validation points, or null
     * @return one entry per epoch run
     */
    public List<EpochMetrics> fit(Learner learner, Dataset train, Dataset validation) {
        return fit(start(learner, train, validation));
    }

    /**
     * {@link #fit(Learner, Dataset, Dataset)} of a run already {@link #start started}: its data checked and its batches
     * ready (a float32 model's points rounded once), so that a caller timing the epochs times training alone.
     *
     * @param run a run of this trainer's, no step of it made
     * @return one entry per epoch run
     */
    public List<EpochMetrics> fit(Run run) {
        if (run.owner() != this || run.epoch != 0 || run.step != 0) {
            throw new IllegalArgumentException("fit takes a new run of this trainer's");
        }
        if (patience > 0 && run.held == null) {
            throw new IllegalArgumentException("early stopping needs a validation set");
        }
        List<EpochMetrics> history = new ArrayList<>(epochs);
        Best best = new Best(run.learner);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            EpochMetrics metrics = run.epoch();
            history.add(metrics);
            for (EpochListener l : listeners) {
                l.epochEnded(metrics);
            }
            if (patience > 0 && best.stop(metrics, patience)) {
                break;
            }
        }
        return history;
    }

    /**
     * The same training one update at a time, for a front end that draws between updates (the
     * playground): {@link #fit} is this run's epochs in a loop, so both train alike, bit for bit.
     * The run is not bounded by {@link #epochs()} and tells no listener.
     *
     * @param learner the model, loss and optimizer
     * @param train the training points
     * @param validation the validation points, or null
     * @return the run, before its first update
     */
    public Run start(Learner learner, Dataset train, Dataset validation) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("the training set " + train.name() + " is empty");
        }
        for (Dataset d : validation == null ? List.of(train) : List.of(train, validation)) {
            int[] missing = d.firstMissing();
            if (missing != null) {
                throw new IllegalArgumentException(d.name() + ": feature " + (missing[1] + 1) + " of point " + missing[0]
                        + " is missing (NaN); fill or drop missing cells before training");
            }
        }
        return new Run(learner, train, validation);
    }

    /** A training in progress: {@link #step()} makes the next update, {@link #epoch()} finishes the epoch. */
    public final class Run {
        private final Learner learner;
        private final Dataset train;
        private final int n;
        private final int b;
        private final int steps;
        private final Rng random = new Rng(seed);
        private final int[] order;
        private final Batch whole;
        private final Dataset held;
        /** The batch's arrays, gathered into step after step: one set a batch size (the last batch may be smaller). */
        private final Gathered full;
        private final Gathered rest;
        /** The epoch's updates so far, when they give its training figures; else null. */
        private final Running updates;
        private int epoch;
        private int step;
        private EpochMetrics last;

        private Trainer owner() {
            return Trainer.this;
        }

        private Run(Learner learner, Dataset train, Dataset validation) {
            this.learner = learner;
            this.train = train;
            n = train.size();
            b = batchSize == FULL_BATCH ? n : Math.min(batchSize, n);
            steps = Trainer.this.stepsPerEpoch(n);
            order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            // Only full-batch training needs the whole set as one flat copy; measuring goes a chunk at a time.
            whole = steps == 1 && !shuffle ? train.batch() : null;
            held = validation == null || validation.size() == 0 ? null : validation;
            // A float32 model gathers from the points rounded once (FloatPoints): half the bytes a step, no rounding pass.
            FloatPoints rows = whole == null && learner.model().dtype() == DType.FLOAT32 ? new FloatPoints(train) : null;
            full = whole != null ? null : new Gathered(train, rows, b);
            rest = whole != null || n % b == 0 ? full : new Gathered(train, rows, n % b);
            updates = running && learner.target() == null ? new Running() : null;
        }

        /**
         * One update on the next batch (shuffling first at an epoch's start); after an epoch's last
         * one, measures it ({@link #last()}). Returns the batch's loss before the update; throws
         * {@link TrainingException} naming the epoch and step when it is not finite.
         *
         * @return the batch's loss before the update
         */
        public double step() {
            if (step == 0 && shuffle) {
                Shuffle.shuffle(order, random);
            }
            // Unshuffled full batches are one batch, handed over again: an engine may keep what it made of it.
            int from = step * b, to = Math.min(n, from + b);
            Batch batch = steps == 1 && !shuffle ? whole : (to - from == b ? full : rest).gather(order, from, to);
            double loss = updates == null ? learner.step(batch) : learner.step(batch, updates);
            if (!Double.isFinite(loss) && epoch == 0 && step == 0) {
                // No update has happened yet: the learning rate cannot be the cause.
                throw new TrainingException("the loss is " + loss + " before any update: the features or the starting "
                        + "weights are too large for the model (scale the data, or choose another init)");
            }
            if (!Double.isFinite(loss)) {
                throw new TrainingException("the loss became " + loss + " at epoch " + (epoch + 1) + ", step " + (step + 1)
                        + " of " + steps + "; try a smaller learning rate");
            }
            if (++step == steps) {
                step = 0;
                epoch++;
                last = measure(learner, epoch, updates == null ? train : null, held);
                if (updates != null) {
                    last = new EpochMetrics(epoch, updates.loss(), updates.accuracy(), last.valLoss(), last.valAccuracy());
                    updates.reset();
                }
            }
            return loss;
        }

        /** {@return the rest of the current epoch (a whole one at an epoch's start), measured} */
        public EpochMetrics epoch() {
            do {
                step();
            } while (step != 0);
            return last;
        }

        /**
         * Epochs finished.
         *
         * @return their count
         */
        public int epochs() {
            return epoch;
        }

        /**
         * Updates made in the current epoch.
         *
         * @return their count
         */
        public int steps() {
            return step;
        }

        /**
         * Updates per epoch.
         *
         * @return their count
         */
        public int stepsPerEpoch() {
            return steps;
        }

        /** {@return the last finished epoch's metrics, or null before the first} */
        public EpochMetrics last() {
            return last;
        }
    }

    /** The weights of the epoch with the lowest validation loss so far, kept for early stopping. */
    private static final class Best {
        private final Learner learner;
        private double[] weights;
        private double loss = Double.POSITIVE_INFINITY;
        private int epoch;

        Best(Learner learner) {
            this.learner = learner;
        }

        /** Records this epoch if it is the best; at the end of patience, puts the best weights back and says stop. */
        boolean stop(EpochMetrics m, int patience) {
            if (m.valLoss() < loss) {
                loss = m.valLoss();
                epoch = m.epoch();
                weights = new double[learner.model().trainable().size()];
                learner.model().trainable().readData(weights, 0);
                return false;
            }
            if (m.epoch() - epoch < patience) {
                return false;
            }
            learner.model().trainable().writeData(weights, 0);
            return true;
        }
    }

    /**
     * A batch size's arrays, which each step's points are gathered into: from the dataset in float64, or from
     * {@code rows} (not null) in float32.
     */
    private record Gathered(Dataset data, FloatPoints rows, double[] x, float[] xf, int[] y, double[] t) {
        Gathered(Dataset data, FloatPoints rows, int size) {
            this(data, rows, rows == null ? new double[size * data.features()] : null,
                    rows == null ? null : new float[size * data.features()], new int[size],
                    data.targets() == null ? null : new double[size]);
        }

        Batch gather(int[] order, int from, int to) {
            return rows == null ? data.batch(order, from, to, x, y, t) : rows.batch(order, from, to, xf, y, t);
        }
    }

    /** The epoch's figures; {@code train} null when the updates give the training ones (they are then NaN here). */
    private static EpochMetrics measure(Learner learner, int epoch, Dataset train, Dataset validation) {
        Learner.Evaluation t = train == null ? new Learner.Evaluation(0, Double.NaN, null) : learner.evaluate(train);
        Learner.Evaluation v = validation == null ? new Learner.Evaluation(Double.NaN, Double.NaN, null) : learner.evaluate(validation);
        if (!Double.isFinite(t.loss())) {
            throw new TrainingException("the training loss became " + t.loss() + " after epoch " + epoch
                    + " (after its last step); try a smaller learning rate");
        }
        return new EpochMetrics(epoch, t.loss(), t.accuracy(), v.loss(), v.accuracy(), t.fit(), v.fit());
    }
}
