package dev.jgrad.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.base.Rng;
import dev.jgrad.engine.Value;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loss values and gradients against PyTorch 1.13 (float64), and against central differences. */
class LossesTest {

    @Test
    void binaryCrossEntropyOnLogitsMatchesPyTorchEvenForHugeLogits() {
        double[] z = {-1000, -3, 0, 2.5, 1000};
        double[] t = {1, 0, 1, 0.3, 0};
        double[] torchLoss = {1000.0, 0.048587351573741965, 0.6931471805599453, 1.8288897342925496, 1000.0};
        double[] torchGrad = {-1.0, 0.04742587317756678, -0.5, 0.6241418199787565, 1.0};
        for (int i = 0; i < z.length; i++) {
            Value logit = Value.of(z[i]);
            Value loss = Losses.binaryCrossEntropyWithLogits(logit, t[i]);
            loss.backward();
            assertThat(loss.data()).as("loss at z=%s", z[i]).isCloseTo(torchLoss[i], within(1e-12));
            assertThat(logit.grad()).as("grad at z=%s", z[i]).isCloseTo(torchGrad[i], within(1e-12));
        }
    }

    @Test
    void softmaxCrossEntropyMatchesPyTorchEvenForHugeLogits() {
        double[][] z = {{1000, -1000, 3}, {0.5, -2, 1.5}};
        int[] y = {1, 2};
        double[] torchLoss = {2000.0, 0.3350975955161672};
        double[][] torchGrad = {{1.0, -1.0, 0.0}, {0.2631324936512963, 0.021599230379269717, -0.2847317240305661}};
        for (int i = 0; i < 2; i++) {
            List<Value> logits = List.of(Value.of(z[i][0]), Value.of(z[i][1]), Value.of(z[i][2]));
            Value loss = Losses.crossEntropy(logits, y[i]);
            loss.backward();
            assertThat(loss.data()).isCloseTo(torchLoss[i], within(1e-12));
            for (int k = 0; k < 3; k++) {
                assertThat(logits.get(k).grad()).isCloseTo(torchGrad[i][k], within(1e-12));
            }
        }
    }

    @Test
    void mseAndHingeAreTheirFormulas() {
        List<Value> p = List.of(Value.of(0.5), Value.of(-2), Value.of(3));
        assertThat(Losses.mse(p, new double[] {1, 0, 1}).data()).isCloseTo((0.25 + 4 + 4) / 3, within(1e-15));
        assertThat(Losses.hinge(p, new double[] {1, -1, -1}).data()).isCloseTo((0.5 + 0 + 4) / 3, within(1e-15));
        assertThat(Losses.l2(p, 0.1).data()).isCloseTo(0.1 * (0.25 + 4 + 9), within(1e-15));
        assertThat(Losses.l1(p, 0.1).data()).isCloseTo(0.1 * (0.5 + 2 + 3), within(1e-15));
        assertThatThrownBy(() -> Losses.mse(p, new double[] {1})).hasMessageContaining("3 predictions but 1 targets");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void everyLossBackpropagatesItsCentralDifference(int seed) {
        Rng random = new Rng(seed);
        double[] z = {random.nextDouble(-3, 3), random.nextDouble(-3, 3), random.nextDouble(-3, 3)};
        checkGradient(v -> Losses.crossEntropy(v, 2), z);
        checkGradient(v -> Losses.binaryCrossEntropyWithLogits(v.get(0), 0.3), z);
        checkGradient(v -> Losses.mse(v, new double[] {1, 0, -1}), z);
        checkGradient(v -> Losses.l2(v, 0.5), z);
        checkGradient(v -> Losses.l1(v, 0.5), z);
        for (Loss loss : Loss.values()) {
            checkGradient(v -> loss.sample(loss == Loss.CROSS_ENTROPY ? v : v.subList(0, 1), 1), z);
        }
    }

    private static void checkGradient(Function<List<Value>, Value> f, double[] z) {
        List<Value> in = List.of(Value.of(z[0]), Value.of(z[1]), Value.of(z[2]));
        f.apply(in).backward();
        for (int i = 0; i < 3; i++) {
            double h = 1e-6;
            double[] up = z.clone();
            double[] down = z.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (eval(f, up) - eval(f, down)) / (2 * h);
            assertThat(in.get(i).grad()).isCloseTo(numeric, within(1e-6));
        }
    }

    private static double eval(Function<List<Value>, Value> f, double[] z) {
        return f.apply(List.of(Value.of(z[0]), Value.of(z[1]), Value.of(z[2]))).data();
    }

    @Test
    void lossesReadOutputsAsClassesAndMargins() {
        assertThat(Loss.MSE.predict(new double[] {0.6})).isEqualTo(1);
        assertThat(Loss.MSE.predict(new double[] {0.4})).isEqualTo(0);
        assertThat(Loss.MSE.margin(new double[] {0.4})).isCloseTo(-0.1, within(1e-15));
        assertThat(Loss.HINGE.predict(new double[] {-0.1})).isEqualTo(0);
        assertThat(Loss.CROSS_ENTROPY.predict(new double[] {0.1, 2, -1})).isEqualTo(1);
        assertThat(Loss.CROSS_ENTROPY.outputs(3)).isEqualTo(3);
        assertThat(Loss.MSE.outputs(2)).isEqualTo(1);
        assertThatThrownBy(() -> Loss.HINGE.outputs(3)).hasMessageContaining("hinge loss needs 2 classes");
        assertThat(Loss.CHOICES.parse("cross-entropy")).isEqualTo(Loss.CROSS_ENTROPY);
        assertThatThrownBy(() -> Loss.CHOICES.parse("l1")).hasMessage("unknown loss 'l1'; expected one of mse, hinge, bce, cross-entropy");
    }
}
