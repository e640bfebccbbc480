package dev.jgrad.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.base.Rng;
import dev.jgrad.engine.Value;
import dev.jgrad.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The losses' and the penalty's two forms, side by side in {@link Loss} and {@link Losses}, against
 * each other: on the same outputs and labels the scalar and the tensor form give the same loss and
 * the same gradient for every output.
 */
class LossFormsTest {
    static Stream<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        for (Loss l : Loss.values()) {
            for (long seed = 1; seed <= 3; seed++) {
                args.add(Arguments.of(l, seed));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("cases")
    void scalarAndTensorFormsGiveTheSameLossAndGradients(Loss loss, long seed) {
        Rng rng = new Rng(seed);
        int classes = loss == Loss.CROSS_ENTROPY || loss == Loss.MSE ? 3 : 2;
        int k = loss.outputs(classes), n = 17;
        double[] out = new double[n * k];
        int[] labels = new int[n];
        for (int i = 0; i < out.length; i++) {
            out[i] = rng.nextDouble(-4, 4);
        }
        out[0] = 0;
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(classes);
        }

        List<List<Value>> scalar = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Value> row = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                row.add(Value.of(out[i * k + j]));
            }
            scalar.add(row);
        }
        Value s = loss.mean(scalar, labels);
        s.backward();
        Tensor t = Tensor.of(out, n, k).requireGrad();
        Tensor total = loss.mean(t, labels);
        total.backward();

        assertThat(total.item()).isCloseTo(s.data(), within(1e-13 * Math.max(1, Math.abs(s.data()))));
        double[] g = t.grad();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                assertThat(g[i * k + j]).as("d loss / d out[%d][%d]", i, j).isCloseTo(scalar.get(i).get(j).grad(), within(1e-14));
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theL2PenaltysTwoFormsAgree(long seed) {
        Rng rng = new Rng(seed);
        double[] a = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
        double[] b = {rng.nextGaussian(), rng.nextGaussian()};
        List<Value> values = new ArrayList<>();
        for (double d : a) {
            values.add(Value.of(d));
        }
        for (double d : b) {
            values.add(Value.of(d));
        }
        Penalty penalty = new Penalty(2e-3, 1e-3);
        Value s = penalty.addTo(Value.of(0), values);
        s.backward();
        Tensor ta = Tensor.of(a, 2, 2).requireGrad(), tb = Tensor.of(b, 2).requireGrad();
        Tensor t = penalty.addTo(Tensor.scalar(0), List.of(ta, tb));
        t.backward();
        assertThat(t.item()).isCloseTo(s.data(), within(1e-18));
        double[] ga = ta.grad(), gb = tb.grad();
        for (int i = 0; i < a.length; i++) {
            assertThat(ga[i]).isEqualTo(values.get(i).grad());
        }
        for (int i = 0; i < b.length; i++) {
            assertThat(gb[i]).isEqualTo(values.get(a.length + i).grad());
        }
    }

    static Stream<Long> seeds() {
        return Stream.of(1L, 2L, 3L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void regressionsTwoFormsGiveTheSameLossAndGradients(long seed) {
        Rng rng = new Rng(seed);
        int n = 1 + rng.nextInt(20);
        double[] out = new double[n], targets = new double[n];
        List<List<Value>> scalar = new ArrayList<>();
        double expected = 0;
        for (int i = 0; i < n; i++) {
            out[i] = rng.nextDouble(-3, 3);
            targets[i] = rng.nextGaussian();
            scalar.add(List.of(Value.of(out[i])));
            expected += (out[i] - targets[i]) * (out[i] - targets[i]) / n;
        }
        Value s = Loss.MSE.regressionMean(scalar, targets);
        s.backward();
        Tensor t = Tensor.of(out, n, 1).requireGrad();
        Tensor total = Loss.MSE.regressionMean(t, targets);
        total.backward();
        assertThat(s.data()).isCloseTo(expected, within(1e-12 * Math.max(1, expected)));
        assertThat(total.item()).isCloseTo(s.data(), within(1e-13 * Math.max(1, s.data())));
        for (int i = 0; i < n; i++) {
            assertThat(t.grad()[i]).isCloseTo(scalar.get(i).get(0).grad(), within(1e-14));
            assertThat(t.grad()[i]).isCloseTo(2 * (out[i] - targets[i]) / n, within(1e-12));
        }
        assertThat(Loss.MSE.fitsRegression()).isTrue();
        for (Loss other : List.of(Loss.BCE, Loss.HINGE, Loss.CROSS_ENTROPY)) {
            assertThat(other.fitsRegression()).isFalse();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.regressionMean(scalar, targets))
                    .hasMessageContaining("regression trains one output with mse");
        }
    }
}
