package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.base.InvalidSetting;
import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.data.Scaler;
import dev.jgrad.data.Scaling;
import dev.jgrad.data.Task;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Engine;
import dev.jgrad.nn.Predictor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Regression through the classification seam: one TrainingConfig, one Training, one Learner and Trainer. */
class RegressionTrainingTest {

    /** sin x moved to units far from the network's: y = 500 + 200·sin x, x in [1000 − π, 1000 + π]. */
    private static Dataset far(long seed) {
        Dataset sine = Datasets.sine(120, 0.05, new Rng(seed));
        double[][] x = new double[sine.size()][];
        double[] y = new double[sine.size()];
        for (int i = 0; i < y.length; i++) {
            x[i] = new double[] {sine.points()[i][0] + 1000};
            y[i] = 500 + 200 * sine.targets()[i];
        }
        return Dataset.regression("far", x, y);
    }

    private static TrainingConfig.Builder config() {
        return TrainingConfig.builder().task(Task.REGRESSION).hidden(List.of(16)).activation(Activation.TANH).epochs(300)
                .scaling(Scaling.STANDARD);
    }

    @Test
    void aScaledRegressionFitsAndPredictsInTheTargetsUnits() {
        Dataset data = far(1);
        Training run = Training.start(config().build(), data, new Rng(5));
        assertThat(run.loss()).isEqualTo(Loss.MSE);
        assertThat(run.start().outputs()).isEqualTo(1);
        assertThat(run.start().layers().get(1).activation()).isEqualTo(Activation.LINEAR);
        List<EpochMetrics> history = run.fit();
        EpochMetrics last = history.get(history.size() - 1);
        assertThat(last.isRegression()).isTrue();
        assertThat(last.trainAccuracy()).isNaN();
        assertThat(last.valFit().r2()).isGreaterThan(0.9);
        assertThat(last.trainFit().mse()).isLessThan(0.1 * 200 * 200);

        // The measurement is in the target's units: recompute it by hand from raw points and the predictor.
        Dataset validation = run.validation();
        Predictor p = run.predictor();
        double squares = 0, absolute = 0, mean = 0, total = 0;
        double[] truth = new double[validation.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = run.target().invert(0, validation.targets()[i]);
            mean += truth[i] / truth.length;
        }
        for (int i = 0; i < truth.length; i++) {
            double[] raw = {run.scaler().invert(0, validation.points()[i][0])};
            double e = truth[i] - p.value(raw);
            squares += e * e;
            absolute += Math.abs(e);
            total += (truth[i] - mean) * (truth[i] - mean);
        }
        Measurement m = run.measure("validation", validation);
        assertThat(m.regression().mse()).isCloseTo(squares / truth.length, within(1e-6 * squares));
        assertThat(m.regression().mae()).isCloseTo(absolute / truth.length, within(1e-6 * absolute));
        assertThat(m.regression().r2()).isCloseTo(1 - squares / total, within(1e-9));
        assertThat(m.regression()).isEqualTo(last.valFit());
        assertThat(m.accuracy()).isNaN();
        assertThat(m.toMap()).containsKeys("points", "loss", "mse", "mae", "r2").doesNotContainKey("accuracy");
    }

    @Test
    void theTargetScalerIsFittedOnTheTrainingSplitOnly() {
        Dataset data = far(2);
        TrainingConfig c = config().epochs(1).build();
        Training run = Training.start(c, data, new Rng(9));
        Dataset.Split split = data.split(c.validation(), new Rng(9).split());
        Scaler expected = Scaling.STANDARD.fitTargets(split.train());
        assertThat(run.target()).isEqualTo(expected);
        assertThat(run.target()).isNotEqualTo(Scaling.STANDARD.fitTargets(data));
        double mean = 0;
        for (double t : run.train().targets()) {
            mean += t / run.train().size();
        }
        assertThat(mean).isCloseTo(0, within(1e-9));
    }

    @ParameterizedTest
    @EnumSource(value = Loss.class, names = {"BCE", "HINGE", "CROSS_ENTROPY"})
    void aClassificationLossIsRefusedForRegression(Loss loss) {
        assertThatThrownBy(() -> config().loss(loss).build()).isInstanceOf(InvalidSetting.class)
                .hasMessage("loss " + loss.id() + " does not fit regression, which trains with mse");
        assertThat(config().loss(Loss.MSE).build().lossFor(0)).isEqualTo(Loss.MSE);
    }

    @Test
    void dataOfTheOtherTaskIsRefused() {
        assertThatThrownBy(() -> Training.start(config().build(), Datasets.moons(20, 0.1, new Rng(1)), new Rng(1)))
                .hasMessage("the configuration is for regression, but moons has classes, not numeric targets");
        assertThatThrownBy(() -> Training.start(TrainingConfig.builder().build(), far(1), new Rng(1)))
                .hasMessage("the configuration is for classification, but far has numeric targets, not classes");
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 4})
    void bothEnginesTrainTheSameRegressionToRoundingAndASeedRepeatsItsBits(long seed) {
        Dataset data = Datasets.plane(60, 0.1, new Rng(seed));
        TrainingConfig.Builder b = config().epochs(20).batchSize(8).hidden(List.of(5));
        List<EpochMetrics> scalar = Training.start(b.engine(Engine.SCALAR).build(), data, new Rng(seed)).fit();
        List<EpochMetrics> tensor = Training.start(b.engine(Engine.TENSOR).build(), data, new Rng(seed)).fit();
        List<EpochMetrics> again = Training.start(b.engine(Engine.TENSOR).build(), data, new Rng(seed)).fit();
        assertThat(again).isEqualTo(tensor);
        for (int e = 0; e < scalar.size(); e++) {
            assertThat(tensor.get(e).valFit().mse()).isCloseTo(scalar.get(e).valFit().mse(), within(1e-9));
        }
        assertThat(tensor.get(19).trainLoss()).isLessThan(tensor.get(0).trainLoss());
    }

    @Test
    void earlyStoppingOnTheValidationLossKeepsTheBestEpochsWeights() {
        Dataset data = far(6);
        Training run = Training.start(config().epochs(400).earlyStop(5).learningRate(0.2).build(), data, new Rng(3));
        List<EpochMetrics> history = run.fit();
        assertThat(history.size()).isLessThan(400);
        EpochMetrics best = history.stream().min(java.util.Comparator.comparingDouble(EpochMetrics::valLoss)).orElseThrow();
        assertThat(run.measure("validation", run.validation()).loss()).isEqualTo(best.valLoss());
    }
}
