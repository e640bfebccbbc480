package dev.jgrad.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.base.Rng;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** float32 tensors: each primitive is its double result rounded once, gradients repeat step after step. */
class FloatTensorTest {
    /** Graphs over a 4 × 3 parameter w, one per primitive (and the composites an MLP's loss uses). */
    static Map<String, UnaryOperator<Tensor>> graphs() {
        Map<String, UnaryOperator<Tensor>> g = new LinkedHashMap<>();
        g.put("neg", w -> w.neg());
        g.put("exp", w -> w.exp());
        g.put("log", w -> w.mul(w).add(0.5).log());
        g.put("reciprocal", w -> w.add(3).reciprocal());
        g.put("relu", w -> w.relu());
        g.put("tanh", w -> w.tanh());
        g.put("mul", w -> w.mul(w.mul(0.3)));
        g.put("sum axis", w -> w.sum(1, true));
        g.put("max axis", w -> w.max(0, false));
        g.put("permute", w -> w.transpose());
        g.put("expand", w -> w.sum(0, true).expand(4, 3));
        g.put("mean", w -> w.mean());
        g.put("cross-entropy", w -> w.crossEntropy(new int[] {0, 2, 1, 2}));
        g.put("mse", w -> w.mse(Tensor.of(new double[] {1, -1, 0.5}, 3)));
        return g;
    }

    static Stream<String> names() {
        return graphs().keySet().stream();
    }

    private static double[] values() {
        Rng r = new Rng(7);
        double[] v = new double[12];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextDouble(-2, 2);
        }
        return v;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void eachResultIsTheFloat64ResultOfTheSameNumbersRoundedOnce(String name) {
        Tensor w64 = Tensor.of(values(), 4, 3);
        Tensor w32 = w64.to(DType.FLOAT32);
        Tensor r32 = graphs().get(name).apply(w32);
        assertThat(r32.dtype()).isEqualTo(DType.FLOAT32);
        double[] r64 = graphs().get(name).apply(w64).data();
        double[] got = r32.data();
        for (int i = 0; i < got.length; i++) {
            // composites round after each primitive; a single primitive's result is exactly the rounded double
            assertThat(got[i]).as("%s[%d]", name, i).isCloseTo(r64[i], within(1e-6 * Math.max(1, Math.abs(r64[i]))));
            assertThat(got[i]).isEqualTo((double) (float) got[i]);
        }
    }

    /**
     * Each step reuses the last closed step's arrays: each step's gradient must be the first's, bit
     * for bit (a reshape's shared array was once handed back twice, and later steps read garbage).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void gradientsRepeatBitForBitStepAfterClosedStep(String name) {
        double[] first = null;
        for (int step = 0; step < 4; step++) {
            Tensor w = Tensor.of(values(), 4, 3).to(DType.FLOAT32).requireGrad();
            double[] g;
            try (Arena scope = Arena.open()) {
                graphs().get(name).apply(w).square().sum().backward();
                g = w.grad();
            }
            if (first == null) {
                first = g;
            }
            assertThat(g).as("step %d", step).containsExactly(first);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void gradientsAgreeWithFloat64ToFloatPrecision(String name) {
        double[][] grads = new double[2][];
        for (DType d : DType.values()) {
            Tensor w = Tensor.of(values(), 4, 3).to(d).requireGrad();
            graphs().get(name).apply(w).square().sum().backward();
            grads[d.ordinal()] = w.grad();
        }
        for (int i = 0; i < 12; i++) {
            assertThat(grads[1][i]).as("%s, d/dw[%d]", name, i)
                    .isCloseTo(grads[0][i], within(1e-5 * Math.max(1, Math.abs(grads[0][i]))));
        }
    }

    @Test
    void aConstantTakesTheOtherOperandsDtypeAndTwoParametersMustAgree() {
        Tensor w = Tensor.of(new double[] {1, 2}, 2).to(DType.FLOAT32).requireGrad();
        Tensor c = Tensor.of(new double[] {0.1, 0.2}, 2);
        assertThat(w.add(c).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(c.mul(w).data()).containsExactly((double) (0.1f * 1f), (double) (0.2f * 2f));
        Tensor v = Tensor.of(new double[] {1, 2}, 2).requireGrad();
        assertThatThrownBy(() -> w.add(v)).hasMessage("add: a float32 and a float64 operand both need gradients; build both in one dtype");
        assertThat(w.to(DType.FLOAT64).dtype()).isEqualTo(DType.FLOAT64);
        assertThat(Tensor.of(new double[] {0.1}, 1).to(DType.FLOAT32).item()).isEqualTo((double) 0.1f);
    }

    @Test
    void anOptimizerWritesFloat32ParametersRounded() {
        Tensor w = Tensor.of(new float[] {1, 2}, 2).requireGrad();
        w.setData(new double[] {0.1, 1e-9 + 2}, 0);
        assertThat(w.data()).containsExactly((double) 0.1f, 2.0);
        assertThat(w).hasToString("Tensor(shape=[2], float32, data=[0.1, 2.0])");
    }

    /**
     * Add, relu and expand compute in float32 itself (no widening): their bits must still be the
     * double result of the same numbers rounded once, over magnitudes from subnormal to near overflow.
     */
    @ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4})
    void addReluAndExpandInFloat32AreTheDoubleResultRoundedOnce(long seed) {
        Rng r = new Rng(seed);
        int m = 7, n = 13;
        double[] a = new double[m * n], b = new double[n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (r.nextDouble(-1, 1) * StrictMath.pow(2, r.nextInt(280) - 150));
        }
        for (int j = 0; j < n; j++) {
            b[j] = (float) (r.nextDouble(-1, 1) * StrictMath.pow(2, r.nextInt(280) - 150));
        }
        a[0] = Float.MAX_VALUE;
        b[0] = Float.MAX_VALUE;
        a[1] = -0.0;
        Tensor x = Tensor.of(a, m, n).to(DType.FLOAT32).requireGrad(), bias = Tensor.of(b, n).to(DType.FLOAT32).requireGrad();
        Tensor y = x.add(bias).relu();
        double[] got = y.data();
        for (int i = 0; i < got.length; i++) {
            double sum = (double) (float) (a[i] + b[i % n]);
            assertThat(got[i]).as("entry %d", i).isEqualTo(Math.max(sum, 0));
        }
        y.sum().backward();
        for (int i = 0; i < got.length; i++) {
            assertThat(x.grad()[i]).as("relu's gradient %d", i).isEqualTo(got[i] > 0 ? 1.0 : 0.0);
        }
        for (int j = 0; j < n; j++) {
            double rows = 0;
            for (int i = 0; i < m; i++) {
                rows += got[i * n + j] > 0 ? 1 : 0;
            }
            assertThat(bias.grad()[j]).as("bias gradient %d", j).isEqualTo(rows);
        }
    }
}
