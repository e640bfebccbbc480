package dev.jgrad.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.engine.Anomaly;
import dev.jgrad.engine.NoGrad;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientsTest {
    private static Tensor x() {
        return Tensor.of(new double[] {-1.5, 0.5, 2}, 3).requireGrad();
    }

    @Test
    void aFloat32ReluHasTheSameGradientGraphAsAFloat64One() {
        Tensor x = Tensor.of(new float[] {-1.5f, 0.5f, 2}, 3).requireGrad();
        Tensor dRelu = Tensor.gradients(x.relu().mul(x).sum(), List.of(x), true).get(0);
        assertThat(dRelu.data()).containsExactly(0, 1, 4);
        assertThat(Tensor.gradients(dRelu.sum(), List.of(x), true).get(0).data()).containsExactly(0, 2, 2);
    }

    @Test
    void reluHasNoSecondDerivativeAndTanhHasItsOwn() {
        Tensor x = x();
        Tensor dRelu = Tensor.gradients(x.relu().sum(), List.of(x), true).get(0);
        assertThat(dRelu.data()).containsExactly(0, 1, 1);
        assertThat(Tensor.gradients(dRelu.sum(), List.of(x), true).get(0).data()).containsExactly(0, 0, 0);
        Tensor dTanh = Tensor.gradients(x.tanh().sum(), List.of(x), true).get(0);
        double[] second = Tensor.gradients(dTanh.sum(), List.of(x), true).get(0).data();
        for (int i = 0; i < 3; i++) {
            double t = Elementwise.tanh(x.data()[i]);
            assertThat(second[i]).isCloseTo(-2 * t * (1 - t * t), within(1e-14));
        }
    }

    @Test
    void aTensorTheOutputDoesNotUseGetsZerosAndNoGradIsTouched() {
        Tensor x = x();
        Tensor unused = Tensor.of(new double[] {1, 2}, 2).requireGrad();
        List<Tensor> grads = Tensor.gradients(x.mul(x).sum(), List.of(x, unused), true);
        assertThat(grads.get(0).data()).containsExactly(-3, 1, 4);
        assertThat(grads.get(1).data()).containsExactly(0, 0);
        assertThat(x.grad()).containsExactly(0, 0, 0);
    }

    @Test
    void underNoGradNothingIsRecorded() {
        Tensor x = x();
        Tensor y = x.exp().sum();
        try (NoGrad scope = NoGrad.enter()) {
            assertThat(Tensor.gradients(y, List.of(x), true).get(0).requiresGrad()).isFalse();
        }
        assertThat(Tensor.gradients(y, List.of(x), true).get(0).requiresGrad()).isTrue();
    }

    @Test
    void underAnomalyTheGradientPassNamesTheOp() {
        Tensor x = Tensor.of(new double[] {0, 1}, 2).requireGrad();
        Tensor y = x.log().sum();
        try (Anomaly scope = Anomaly.detect()) {
            assertThatThrownBy(() -> Tensor.gradients(y, List.of(x), true))
                    .isInstanceOf(ArithmeticException.class).hasMessageContaining("backward of log");
        }
    }
}
