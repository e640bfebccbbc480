package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.engine.NoGrad;
import dev.jgrad.engine.Value;
import dev.jgrad.loss.Losses;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.MLP;
import dev.jgrad.optim.Adam;
import dev.jgrad.optim.AdamW;
import dev.jgrad.optim.Sgd;
import dev.jgrad.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public API misused as a careless caller would: one exception with one clear line, never a number. */
class ApiMisuseTest {
    private static final List<Value> SCORES = List.of(Value.of(0.5), Value.of(-0.5));

    @Test
    void optimizersRefuseAnEmptyParameterList() {
        assertThatThrownBy(() -> new Sgd(List.<Value>of(), 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no parameters");
        assertThatThrownBy(() -> new Adam(List.<Value>of(), 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no parameters");
        assertThatThrownBy(() -> new AdamW(List.<Value>of(), 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no parameters");
    }

    @Test
    void adamRefusesAnEpsilonOfZeroWhichMakesNaN() {
        assertThatThrownBy(() -> new Adam(List.of(Value.of(1)), 0.1, 0.9, 0.999, 0, 0))
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
        assertThatThrownBy(() -> new Dataset("d", new double[][] {{1, Double.NaN}}, new int[] {0}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("d: feature 2 of point 0 is NaN; features must be finite numbers");
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
}
