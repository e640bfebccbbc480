package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.base.Choices;
import dev.jgrad.base.InvalidSetting;
import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.data.Scaling;
import dev.jgrad.engine.NoGrad;
import dev.jgrad.engine.Value;
import dev.jgrad.loss.Loss;
import dev.jgrad.loss.Losses;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.MLP;
import dev.jgrad.optim.Adam;
import dev.jgrad.optim.AdamW;
import dev.jgrad.optim.Parameters;
import dev.jgrad.optim.Sgd;
import dev.jgrad.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public API misused as a careless caller would: one exception with one clear line, never a number. */
class ApiMisuseTest {
    private static final List<Value> SCORES = List.of(Value.of(0.5), Value.of(-0.5));

    @Test
    void optimizersRefuseAnEmptyParameterList() {
        assertThatThrownBy(() -> new Sgd(Parameters.of(List.<Value>of()), 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no parameters");
        assertThatThrownBy(() -> new Adam(Parameters.of(List.<Value>of()), 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no parameters");
        assertThatThrownBy(() -> new AdamW(Parameters.of(List.<Value>of()), 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no parameters");
    }

    @Test
    void adamRefusesAnEpsilonOfZeroWhichMakesNaN() {
        assertThatThrownBy(() -> new Adam(Parameters.of(Value.of(1)), 0.1).eps(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("eps must be a finite number > 0, got 0.0");
    }

    @Test
    void hingeTakesSignsNotClasses() {
        assertThatThrownBy(() -> Losses.hinge(SCORES, new double[] {0, 1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hinge labels must be -1 or +1, got 0.0");
        assertThat(Losses.hinge(SCORES, new double[] {1, -1}).data()).isEqualTo(0.5);
    }

    @Test
    void binaryCrossEntropyRefusesATargetOutsideZeroToOne() {
        assertThatThrownBy(() -> Losses.binaryCrossEntropyWithLogits(Value.of(3), 2.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be in [0, 1], got 2.0");
    }

    @Test
    void penaltiesRefuseNegativeWeights() {
        assertThatThrownBy(() -> Losses.l2(SCORES, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the L2 weight must be a finite number ≥ 0, got -1.0");
        assertThatThrownBy(() -> Losses.l1(SCORES, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the L1 weight must be a finite number ≥ 0, got -1.0");
    }

    @Test
    void aDatasetRefusesNonFiniteFeaturesAndASingleClass() {
        assertThatThrownBy(() -> new Dataset("d", new double[][] {{1, Double.POSITIVE_INFINITY}}, new int[] {0}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("d: feature 2 of point 0 is Infinity; features must be finite numbers");
        // NaN is a missing cell of a table as read: the dataset holds it, training refuses it.
        Dataset missing = new Dataset("d", new double[][] {{1, Double.NaN}, {0, 1}}, new int[] {0, 1}, 2);
        MLP model = new MLP(2, List.of(1), Activation.TANH, new Rng(1));
        assertThatThrownBy(() -> new Trainer(1).fit(new Learner(model, Loss.MSE, 0, new Sgd(model.trainable(), 0.1)), missing, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("d: feature 2 of point 0 is missing (NaN); fill or drop missing cells before training");
        assertThatThrownBy(() -> new Dataset("d", new double[][] {{1, 2}}, new int[] {0}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a classifier needs at least 2");
    }

    @Test
    void trainingRefusesADatasetWithNoPoints() {
        Dataset none = new Dataset("none", new double[0][], new int[0], 2);
        TrainingConfig config = TrainingConfig.builder().hidden(List.of(2)).build();
        assertThatThrownBy(() -> Training.start(config, none, new Rng(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("none has no points to train on");
    }

    @Test
    void anMlpRefusesANegativeNumberOfInputs() {
        assertThatThrownBy(() -> new MLP(-1, List.of(4, 1), Activation.TANH, new Rng(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a network needs at least 1 input, got -1");
    }

    @Test
    void backwardOfAValueComputedUnderNoGradSaysWhyNoGradientFlows() {
        Value a = Value.of(2);
        Value c;
        try (NoGrad scope = NoGrad.enter()) {
            c = a.mul(a);
        }
        assertThatThrownBy(c::backward).isInstanceOf(IllegalStateException.class).hasMessageContaining("NoGrad");
        a.mul(a).backward();
        assertThat(a.grad()).isEqualTo(4);
    }

    @Test
    void backwardOfATensorComputedUnderNoGradSaysWhyNoGradientFlows() {
        Tensor p = Tensor.of(new double[] {1, 2}, 2).requireGrad();
        Tensor loss;
        try (NoGrad scope = NoGrad.enter()) {
            loss = p.square().sum();
        }
        assertThatThrownBy(loss::backward).isInstanceOf(IllegalStateException.class).hasMessageContaining("NoGrad");
    }

    @Test
    void rSquaredOfOnePointIsUndefinedNotZero() {
        Regression one = Regression.of(new double[] {3}, new double[] {2});
        assertThat(one.r2()).isNaN();
        assertThat(one.summary()).endsWith("R² undefined (1 point)");
        assertThat(one.toMap()).containsEntry("r2", null);
        assertThat(Regression.of(new double[] {1, 3}, new double[] {1, 3}).r2()).isEqualTo(1);
    }

    @Test
    void aTargetTooLargeToScaleIsNamedAsTheTargetAndIsADataProblem() {
        Dataset d = Dataset.regression("big", new double[][] {{1}, {2}, {3}}, new double[] {1, 1e308, -1e308});
        assertThatThrownBy(() -> Scaling.STANDARD.fitTargets(d)).isInstanceOf(ArithmeticException.class)
                .hasMessageStartingWith("the regression target: ");
    }

    @Test
    void anL1WeightWhosePenaltyOverflowsIsNamedNotBlamedOnTheFeatures() {
        TrainingConfig config = TrainingConfig.builder().hidden(List.of(16, 16)).l1(1e308).build();
        Dataset moons = Datasets.moons(20, 0.1, new Rng(1));
        assertThatThrownBy(() -> Training.start(config, moons, new Rng(1))).isInstanceOf(InvalidSetting.class)
                .hasMessageStartingWith("l1 1.0E308 is too large");
    }

    @Test
    void noiseThatWouldBuryTheDataIsRefused() {
        assertThatThrownBy(() -> Datasets.moons(20, 1e300, new Rng(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("noise must be a number from 0 to 1000, got 1.0E300");
    }

    @Test
    void anUnknownNameCloseToAChoiceSuggestsIt() {
        assertThatThrownBy(() -> Datasets.CHOICES.parse("moonz")).hasMessage("unknown dataset 'moonz' (did you mean moons?); "
                + "expected one of circle, moons, xor, spiral, gauss, sine, plane, gaussian-mixture");
        assertThat(Choices.nearest("trian", List.of("train", "predict"))).isEqualTo("train");
        assertThat(Choices.nearest("frobnicate", List.of("train", "predict"))).isNull();
        assertThat(Choices.nearest("x9", List.of("x1", "x2", "x1sq"))).as("two as close: no guess").isNull();
    }
}
