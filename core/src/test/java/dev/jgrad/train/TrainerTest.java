package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Batch;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.engine.Value;
import dev.jgrad.loss.Loss;
import dev.jgrad.loss.Penalty;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.MLP;
import dev.jgrad.nn.Model;
import dev.jgrad.nn.Network;
import dev.jgrad.nn.TensorMLP;
import dev.jgrad.optim.Adam;
import dev.jgrad.optim.Sgd;
import dev.jgrad.optim.Parameters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainerTest {

    private static List<EpochMetrics> train(long seed, int batch) {
        Rng r = new Rng(seed);
        Dataset data = Datasets.moons(60, 0.1, r.split());
        Dataset.Split split = data.split(0.25, r.split());
        MLP model = new MLP(2, List.of(6, 1), Activation.TANH, Activation.LINEAR, Init.XAVIER, r.split());
        Learner learner = new Learner(model, Loss.BCE, 1e-3, new Adam(model.trainable(), 0.05));
        return new Trainer(5).batchSize(batch).seed(seed).fit(learner, split.train(), split.validation());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8, Trainer.FULL_BATCH})
    void theSameSeedGivesBitIdenticalMetrics(int batch) {
        assertThat(train(4, batch)).isEqualTo(train(4, batch));
        assertThat(train(4, batch)).isNotEqualTo(train(5, batch));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8, Trainer.FULL_BATCH})
    void aRunStepByStepTrainsAsFitDoes(int batch) {
        Rng r = new Rng(9);
        Dataset data = Datasets.moons(60, 0.1, r.split());
        Network start = Network.initialise(2, List.of(6, 1), List.of(Activation.TANH, Activation.LINEAR), Init.XAVIER, r.split());
        MLP a = new MLP(start);
        MLP b = new MLP(start);
        Trainer trainer = new Trainer(3).batchSize(batch).seed(9);
        List<EpochMetrics> fitted = trainer.fit(new Learner(a, Loss.BCE, 1e-3, 1e-3, new Adam(a.trainable(), 0.05)), data, null);

        Trainer.Run run = trainer.start(new Learner(b, Loss.BCE, 1e-3, 1e-3, new Adam(b.trainable(), 0.05)), data, null);
        List<EpochMetrics> stepped = new ArrayList<>();
        while (run.epochs() < 3) {
            run.step();
            if (run.steps() == 0) {
                stepped.add(run.last());
            }
        }

        assertThat(stepped).isEqualTo(fitted);
        assertThat(b.network()).isEqualTo(a.network());
    }

    /** A run started before the clock (its data checked, its batches readied) trains as fit does; a used one is refused. */
    @Test
    void aRunStartedBeforehandFitsAsFitDoesAndOnlyOnce() {
        Rng r = new Rng(9);
        Dataset data = Datasets.moons(60, 0.1, r.split());
        Network start = Network.initialise(2, List.of(6, 1), List.of(Activation.TANH, Activation.LINEAR), Init.XAVIER, r.split());
        MLP a = new MLP(start);
        MLP b = new MLP(start);
        Trainer trainer = new Trainer(3).batchSize(8).seed(9);
        List<EpochMetrics> fitted = trainer.fit(new Learner(a, Loss.BCE, 1e-3, 1e-3, new Adam(a.trainable(), 0.05)), data, null);
        Trainer.Run run = trainer.start(new Learner(b, Loss.BCE, 1e-3, 1e-3, new Adam(b.trainable(), 0.05)), data, null);

        assertThat(trainer.fit(run)).isEqualTo(fitted);
        assertThat(b.network()).isEqualTo(a.network());
        assertThatThrownBy(() -> trainer.fit(run)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("new run");
        Trainer.Run other = new Trainer(3).start(new Learner(b, Loss.BCE, 0, new Adam(b.trainable(), 0.05)), data, null);
        assertThatThrownBy(() -> trainer.fit(other)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<EpochMetrics> trainSpiral(boolean running, double lr, boolean tensor, int batch) {
        Rng r = new Rng(21);
        Dataset data = Datasets.spiral(90, 3, 0.2, r.split());
        Dataset.Split split = data.split(0.2, r.split());
        Network start = Network.initialise(2, List.of(8, 3), List.of(Activation.TANH, Activation.LINEAR), Init.XAVIER, r.split());
        Model model = tensor ? new TensorMLP(start) : new MLP(start);
        Learner learner = new Learner(model, Loss.CROSS_ENTROPY, 1e-3, new Adam(model.trainable(), lr));
        return new Trainer(4).batchSize(batch).seed(5).runningMetrics(running).fit(learner, split.train(), split.validation());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    // a step of 1e-300 is lost to rounding: the weights stay as they started
    void withoutUpdatesTheRunningFiguresAreTheMeasuredOnes(boolean tensor) {
        List<EpochMetrics> measured = trainSpiral(false, 1e-300, tensor, 16);
        List<EpochMetrics> running = trainSpiral(true, 1e-300, tensor, 16);
        for (int e = 0; e < measured.size(); e++) {
            assertThat(running.get(e).trainLoss()).isCloseTo(measured.get(e).trainLoss(), within(1e-12));
            assertThat(running.get(e).trainAccuracy()).isEqualTo(measured.get(e).trainAccuracy());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, Trainer.FULL_BATCH})
    void runningFiguresAreTheBatchLossesBeforeEachUpdateAndChangeNothingElse(int batch) {
        List<EpochMetrics> measured = trainSpiral(false, 0.05, true, batch);
        List<EpochMetrics> running = trainSpiral(true, 0.05, true, batch);
        assertThat(running).extracting(EpochMetrics::valLoss).isEqualTo(measured.stream().map(EpochMetrics::valLoss).toList());
        // the updates' own figures lag the end of the epoch: the first epoch's loss is higher than measured after it
        assertThat(running.get(0).trainLoss()).isGreaterThan(measured.get(0).trainLoss());
    }

    @Test
    void theRunningLossIsTheSizeWeightedMeanOfTheStepsLosses() {
        Rng r = new Rng(8);
        Dataset data = Datasets.spiral(50, 2, 0.2, r.split());
        TensorMLP model = new TensorMLP(Network.initialise(2, List.of(8, 2), List.of(Activation.TANH, Activation.LINEAR),
                Init.XAVIER, r.split()));
        Trainer.Run run = new Trainer(2).batchSize(16).seed(3).runningMetrics(true)
                .start(new Learner(model, Loss.CROSS_ENTROPY, 0, new Adam(model.trainable(), 0.05)), data, null);
        double sum = 0;
        int[] sizes = {16, 16, 16, 2};
        for (int size : sizes) {
            sum += run.step() * size;
        }
        assertThat(run.last().trainLoss()).isEqualTo(sum / 50);
    }

    /** Ten points, point i at (i, 0), class i mod 2, so that a batch says which points it holds. */
    private static Dataset numbered(int n) {
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {i, 0};
            y[i] = i % 2;
        }
        return new Dataset("numbered", x, y, 2);
    }

    /** A model that records which points each step saw, outputs 0, and can turn the loss to NaN on a chosen step. */
    private static final class Recorder implements Model {
        final List<int[]> batches = new ArrayList<>();
        final Value weight = Value.of(0);
        int failAt = -1;

        @Override
        public double forwardBackward(Batch batch, Loss loss, Penalty penalty) {
            int[] seen = new int[batch.size()];
            for (int i = 0; i < seen.length; i++) {
                seen[i] = (int) batch.point(i)[0];
            }
            batches.add(seen);
            return batches.size() == failAt ? Double.NaN : 1.0;
        }

        @Override
        public double[] outputs(Batch batch) {
            return new double[batch.size()];
        }

        @Override
        public double[] predict(double... x) {
            return new double[1];
        }

        @Override
        public int inputs() {
            return 2;
        }

        @Override
        public int outputs() {
            return 1;
        }

        @Override
        public Network network() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Parameters trainable() {
            return Parameters.of(weight);
        }

        Learner learner() {
            return new Learner(this, Loss.MSE, 0, new Sgd(trainable(), 0.1));
        }
    }

    @Test
    void eachEpochVisitsEveryPointOnceInBatches() {
        Dataset data = numbered(10);
        Recorder r = new Recorder();
        List<EpochMetrics> seen = new ArrayList<>();
        new Trainer(2).batchSize(4).seed(3).listener(seen::add).fit(r.learner(), data, null);
        assertThat(r.batches).extracting(b -> b.length).containsExactly(4, 4, 2, 4, 4, 2);
        int[] firstEpoch = java.util.stream.Stream.of(r.batches.get(0), r.batches.get(1), r.batches.get(2))
                .flatMapToInt(java.util.Arrays::stream).sorted().toArray();
        assertThat(firstEpoch).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(r.batches.get(0)).isNotEqualTo(r.batches.get(3));
        assertThat(seen).extracting(EpochMetrics::epoch).containsExactly(1, 2);
        // Outputs of 0 say class 0 (below MSE's 0.5) everywhere: right for half the points, squared error 1 on the others.
        assertThat(seen.get(0).trainAccuracy()).isEqualTo(0.5);
        assertThat(seen.get(0).trainLoss()).isEqualTo(0.5);
        assertThat(seen.get(0).valLoss()).isNaN();
    }

    @Test
    void withoutShufflingPointsComeInDataOrder() {
        Recorder r = new Recorder();
        new Trainer(1).batchSize(1).shuffle(false).fit(r.learner(), numbered(5), null);
        assertThat(r.batches).extracting(b -> b[0]).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void aNonFiniteLossStopsTrainingNamingEpochAndStep() {
        Recorder r = new Recorder();
        r.failAt = 17;
        assertThatThrownBy(() -> new Trainer(5).batchSize(1).fit(r.learner(), numbered(10), null))
                .isInstanceOf(TrainingException.class)
                .hasMessage("the loss became NaN at epoch 2, step 7 of 10; try a smaller learning rate");
    }

    @Test
    void aLossThatIsNotFiniteBeforeAnyUpdateBlamesTheDataNotTheLearningRate() {
        Recorder r = new Recorder();
        r.failAt = 1;
        assertThatThrownBy(() -> new Trainer(5).batchSize(1).fit(r.learner(), numbered(10), null))
                .isInstanceOf(TrainingException.class)
                .hasMessageStartingWith("the loss is NaN before any update: the features or the starting weights are too large")
                .hasMessageNotContaining("learning rate");
    }

    @Test
    void aHugeLearningRateDivergesWithAClearError() {
        Rng random = new Rng(1);
        Dataset data = Datasets.circle(50, 0, random.split());
        MLP model = new MLP(2, List.of(8, 1), Activation.RELU, random.split());
        Learner learner = new Learner(model, Loss.MSE, 0, new dev.jgrad.optim.Sgd(model.trainable(), 1e6));
        assertThatThrownBy(() -> new Trainer(50).fit(learner, data, null))
                .isInstanceOf(TrainingException.class).hasMessageContaining("at epoch 1");
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new Trainer(0)).hasMessageContaining("epochs must be at least 1");
        assertThatThrownBy(() -> new Trainer(1).batchSize(-2)).hasMessageContaining("batch size");
        assertThatThrownBy(() -> new Trainer(1).batchSize(Trainer.FULL_BATCH).stepsPerEpoch(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the training set is empty");
    }

    /** Validation: the training points with their labels flipped, so the better the fit, the higher its loss. */
    @Test
    void earlyStoppingEndsAfterThePatienceAndPutsBackTheBestWeights() {
        Rng r = new Rng(3);
        Dataset data = Datasets.moons(60, 0.1, r.split());
        Dataset opposite = new Dataset("opposite", data.points(), java.util.Arrays.stream(data.labels()).map(y -> 1 - y).toArray(), 2);
        MLP model = new MLP(2, List.of(6, 1), Activation.TANH, Activation.LINEAR, Init.XAVIER, r.split());
        Learner learner = new Learner(model, Loss.BCE, 0, new Adam(model.trainable(), 0.05));
        List<Network> weights = new ArrayList<>();
        List<EpochMetrics> history = new Trainer(50).batchSize(Trainer.FULL_BATCH).earlyStop(3)
                .listener(m -> weights.add(model.network())).fit(learner, data, opposite);
        int best = 0;
        for (int e = 1; e < history.size(); e++) {
            best = history.get(e).valLoss() < history.get(best).valLoss() ? e : best;
        }
        assertThat(history).hasSizeLessThan(50).hasSize(best + 1 + 3);
        assertThat(model.network()).isEqualTo(weights.get(best)).isNotEqualTo(weights.get(history.size() - 1));
    }

    @Test
    void earlyStoppingWithoutAValidationSetIsRefused() {
        MLP model = new MLP(2, List.of(2, 1), Activation.TANH, new Rng(1));
        Learner learner = new Learner(model, Loss.BCE, 0, new Sgd(model.trainable(), 0.1));
        assertThatThrownBy(() -> new Trainer(5).earlyStop(2).fit(learner, numbered(4), null))
                .hasMessage("early stopping needs a validation set");
    }
}
