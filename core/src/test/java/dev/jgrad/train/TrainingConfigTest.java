package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.base.InvalidSetting;
import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Engine;
import dev.jgrad.optim.OptimizerKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainingConfigTest {

    @Test
    void unsetChoicesAreResolvedByTheOptimizerTheDataAndTheRunsShape() {
        TrainingConfig sgd = TrainingConfig.builder().optimizer(OptimizerKind.SGD).build();
        assertThat(sgd.learningRate()).isEqualTo(0.1);
        assertThat(TrainingConfig.builder().optimizer(OptimizerKind.ADAMW).build().weightDecay()).isEqualTo(0.01);
        assertThat(sgd.lossFor(2)).isEqualTo(Loss.BCE);
        assertThat(sgd.lossFor(3)).isEqualTo(Loss.CROSS_ENTROPY);
        assertThat(sgd.sizes(3)).containsExactly(16, 16, 3);
        TrainingConfig perSample = TrainingConfig.builder().batchSize(1).build();
        assertThat(perSample.engineFor(37)).isEqualTo(Engine.SCALAR);
        assertThat(perSample.engineFor(337)).isEqualTo(Engine.TENSOR);
        assertThat(sgd.engineFor(37)).as("full batch").isEqualTo(Engine.TENSOR);
        assertThat(TrainingConfig.builder().engine(Engine.SCALAR).build().engineFor(10_000)).isEqualTo(Engine.SCALAR);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "epochs | epochs must be ≥ 1, got 0",
        "lr | lr must be > 0, got -1",
        "momentum | momentum applies to sgd only; adam and adamw have their own",
        "val | val must be in [0, 1), got 1",
        "hidden sizes | hidden sizes must be ≥ 1, got 0",
        "weight-decay | weight-decay must be ≥ 0, got -0.5",
        "early-stop | early-stop watches the validation loss, but val is 0"})
    void aBadSettingIsNamedAsUsersNameIt(String setting, String message) {
        TrainingConfig.Builder b = TrainingConfig.builder();
        switch (setting) {
            case "epochs" -> b.epochs(0);
            case "lr" -> b.learningRate(-1.0);
            case "momentum" -> b.momentum(0.9);
            case "val" -> b.validation(1);
            case "hidden sizes" -> b.hidden(List.of(4, 0));
            case "early-stop" -> b.earlyStop(3).validation(0);
            default -> b.weightDecay(-0.5);
        }
        assertThatThrownBy(b::build).isInstanceOf(InvalidSetting.class).hasMessage(message)
                .extracting(e -> ((InvalidSetting) e).setting()).isEqualTo(setting);
    }

    @Test
    void aRunIsFixedByItsSeedAndTrainsOnEitherEngine() {
        TrainingConfig config = TrainingConfig.builder().hidden(List.of(6)).activation(Activation.TANH).epochs(20).batchSize(8)
                .build();
        Dataset data = Datasets.moons(80, 0.1, new Rng(5));
        Training a = Training.start(config, data, new Rng(9));
        Training b = Training.start(config, data, new Rng(9));
        assertThat(a.start()).isEqualTo(b.start());
        assertThat(a.engine()).isEqualTo(Engine.TENSOR);
        assertThat(a.train().size()).isEqualTo(64);
        List<EpochMetrics> first = a.fit();
        assertThat(first).isEqualTo(b.fit());
        assertThat(first.get(19).trainAccuracy()).isGreaterThan(0.8);

        Training scalar = Training.start(TrainingConfig.builder().hidden(List.of(6)).activation(Activation.TANH).epochs(20)
                .batchSize(8).engine(Engine.SCALAR).build(), data, new Rng(9));
        assertThat(scalar.start()).isEqualTo(a.start());
        assertThat(scalar.fit().get(19).trainAccuracy()).isEqualTo(first.get(19).trainAccuracy());
    }

    /** A caller reads the split's indices and the engine from the run, never replays its draws. */
    @Test
    void aRunKeepsTheIndicesItSplitByTheNetworkItDrewAndTheEngineItChose() {
        TrainingConfig config = TrainingConfig.builder().hidden(List.of(3)).batchSize(1).validation(0.25).build();
        Dataset data = Datasets.moons(40, 0.1, new Rng(5));
        Training run = Training.start(config, data, new Rng(9));
        Dataset.Split split = run.draw().split();
        assertThat(data.subset("x", split.trainIndices()).points()).isDeepEqualTo(run.train().points());
        assertThat(data.subset("x", split.validationIndices()).labels()).containsExactly(run.validation().labels());
        assertThat(split.trainIndices().length + split.validationIndices().length).isEqualTo(40);
        assertThat(java.util.stream.IntStream.concat(java.util.Arrays.stream(split.trainIndices()),
                java.util.Arrays.stream(split.validationIndices())).sorted().toArray()).isEqualTo(java.util.stream.IntStream.range(0, 40).toArray());
        assertThat(run.engine()).isEqualTo(Engine.SCALAR).isEqualTo(config.engineFor(run.start().parameterCount()));
        Training.Draw again = Training.draw(config, data, 2, new Rng(9));
        assertThat(again.start()).isEqualTo(run.start());
        assertThat(again.shuffleSeed()).isEqualTo(run.draw().shuffleSeed());
        assertThat(again.split().trainIndices()).containsExactly(split.trainIndices());
    }

    @Test
    void holdingOutEveryPointIsRefusedNamingTheSetting() {
        TrainingConfig config = TrainingConfig.builder().validation(0.9).build();
        Dataset two = Datasets.xor(2, 0, new Rng(1));
        assertThatThrownBy(() -> Training.start(config, two, new Rng(1))).isInstanceOf(InvalidSetting.class)
                .hasMessage("val 0.9 holds out all 2 points, leaving none to train on; lower it or use more points");
    }

    /** The statistics come from the training split alone, and the run's predictor applies them to raw points. */
    @Test
    void scalingIsFittedOnTheTrainingSplitAndTheMeasuredSetsAreScaledAlike() {
        Dataset raw = Datasets.moons(100, 0.1, new Rng(5));
        double[][] far = new double[raw.size()][];
        for (int i = 0; i < far.length; i++) {
            far[i] = new double[] {1000 + 50 * raw.points()[i][0], -3 * raw.points()[i][1]};
        }
        Dataset data = new Dataset("far", far, raw.labels(), 2);
        assertThat(TrainingConfig.builder().build().scaling()).isEqualTo(dev.jgrad.data.Scaling.NONE);
        Training run = Training.start(TrainingConfig.builder().hidden(List.of(8)).epochs(60).scaling(dev.jgrad.data.Scaling.STANDARD)
                .build(), data, new Rng(2));
        dev.jgrad.data.Scaler fromTrain = dev.jgrad.data.Scaling.STANDARD.fit(unscaled(run.train(), run.scaler()));
        assertThat(run.scaler().shift()).containsExactly(fromTrain.shift(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(run.scaler().shift()[0]).isNotCloseTo(dev.jgrad.data.Scaling.STANDARD.fit(data).shift()[0],
                org.assertj.core.api.Assertions.within(1e-6));
        run.fit();
        Measurement m = run.measure("validation", run.validation());
        assertThat(m.classification().total()).isEqualTo(20);
        assertThat(m.loss()).isEqualTo(run.learner().evaluate(run.validation().batch()).loss());
        assertThat(m.accuracy()).isEqualTo(run.learner().evaluate(run.validation().batch()).accuracy());
        assertThat(run.train().points()[0]).containsExactly(run.scaler().apply(unscaled(run.train(), run.scaler()).points()[0]),
                org.assertj.core.api.Assertions.within(1e-12));
        double[] point = far[7];
        assertThat(run.predictor().outputs(point)).containsExactly(run.model().predict(run.scaler().apply(point)));
    }

    /** The points before scaling (to rounding). */
    private static Dataset unscaled(Dataset scaled, dev.jgrad.data.Scaler s) {
        double[][] p = new double[scaled.size()][];
        for (int i = 0; i < p.length; i++) {
            p[i] = new double[scaled.features()];
            for (int j = 0; j < p[i].length; j++) {
                p[i][j] = scaled.points()[i][j] * s.scale()[j] + s.shift()[j];
            }
        }
        return new Dataset(scaled.name(), p, scaled.labels(), scaled.classes(), scaled.classNames());
    }
}
