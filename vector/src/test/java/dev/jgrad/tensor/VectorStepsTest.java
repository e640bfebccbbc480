package dev.jgrad.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import dev.jgrad.optim.Adam;
import dev.jgrad.optim.AdamW;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.optim.Parameters;
import dev.jgrad.optim.Sgd;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Adam, AdamW and SGD on float32 parameters give the same bits with the vector loops as with the optimizers' plain
 * loops: every size (whole vectors and a ragged tail), with and without weight decay, over several steps.
 */
class VectorStepsTest {
    @AfterAll
    static void leaveThemUnregistered() {
        Kernels.registerSteps(null);
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        int[] sizes = {1, 7, 8, 17, 1000, 4099};
        for (int s = 0; s < sizes.length; s++) {
            for (int kind = 0; kind < 5; kind++) {
                all.add(Arguments.of(sizes[s], kind, 100L + 3 * s + kind));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} numbers, rule {1}, seed {2}")
    @MethodSource("cases")
    void theVectorLoopGivesThePlainLoopsBits(int n, int kind, long seed) {
        Kernels.registerSteps(null);
        double[] plain = train(n, kind, seed);
        Kernels.registerSteps(new VectorSteps());
        Kernels.stepsWarmed();
        double[] vector = train(n, kind, seed);
        assertThat(bits(vector)).containsExactly(bits(plain));
    }

    /** The moments too, which rounding p to float32 hides: each lane against the loop's scalar tail, number by number. */
    @ParameterizedTest(name = "{0} numbers, rule {1}, seed {2}")
    @MethodSource("cases")
    void eachLaneIsTheScalarRule(int n, int kind, long seed) {
        Rng rng = new Rng(seed);
        float[] p = new float[n];
        double[] g = new double[n], m = new double[n], v = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = (float) rng.nextGaussian();
            g[i] = rng.nextGaussian() * Math.pow(10, rng.nextInt(9) - 4);
            m[i] = rng.nextGaussian() * 0.1;
            v[i] = rng.nextDouble() * 0.01;
        }
        float[] p1 = p.clone();
        double[] m1 = m.clone(), v1 = v.clone();
        double decay = kind == 2 ? 0.999 : kind == 1 || kind == 4 ? 0.05 : 0;
        VectorSteps loops = new VectorSteps();
        step(loops, kind, p, g, m, v, decay);
        for (int i = 0; i < n; i++) {
            float[] pi = {p1[i]};
            double[] mi = {m1[i]}, vi = {v1[i]};
            step(loops, kind, pi, new double[] {g[i]}, mi, vi, decay);
            assertThat(Float.floatToRawIntBits(p[i])).as("p[%d]", i).isEqualTo(Float.floatToRawIntBits(pi[0]));
            assertThat(Double.doubleToRawLongBits(m[i])).as("m[%d]", i).isEqualTo(Double.doubleToRawLongBits(mi[0]));
            assertThat(Double.doubleToRawLongBits(v[i])).as("v[%d]", i).isEqualTo(Double.doubleToRawLongBits(vi[0]));
        }
    }

    /** Adam (kinds 0–2, 2 decoupled) or SGD (3–4, which leaves m and v as they are). */
    private static void step(VectorSteps loops, int kind, float[] p, double[] g, double[] m, double[] v, double decay) {
        if (kind < 3) {
            loops.adam(p, g, m, v, 0.9, 0.999, 0.0123, 0.37, 1e-8, decay, kind == 2);
        } else {
            loops.sgd(p, g, 0.0123, decay);
        }
    }

    /** Five steps on a float32 parameter; rule 0 Adam, 1 Adam with L2 decay, 2 AdamW, 3 SGD, 4 SGD with decay. */
    private static double[] train(int n, int kind, long seed) {
        Rng rng = new Rng(seed);
        double[] start = new double[n], scale = new double[n];
        for (int i = 0; i < n; i++) {
            start[i] = rng.nextGaussian();
            scale[i] = rng.nextInt(10) == 0 ? 0 : rng.nextGaussian() * Math.pow(10, rng.nextInt(7) - 3);
        }
        Tensor w = Tensor.of(start, n).to(DType.FLOAT32).requireGrad();
        Parameters ps = Parameters.ofTensors(List.of(w));
        Optimizer opt = switch (kind) {
            case 0 -> new Adam(ps, 0.01);
            case 1 -> new Adam(ps, 0.01).weightDecay(0.05);
            case 2 -> new AdamW(ps, 0.01).weightDecay(0.1);
            case 3 -> new Sgd(ps, 0.07);
            default -> new Sgd(ps, 0.07).weightDecay(0.03);
        };
        Tensor c = Tensor.of(scale, n).to(DType.FLOAT32);
        for (int step = 0; step < 5; step++) {
            opt.zeroGrad();
            w.mul(c).sum().add(w.mul(w).sum().mul(0.5)).backward();
            opt.step();
        }
        return w.data();
    }

    private static long[] bits(double[] d) {
        long[] b = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            b[i] = Double.doubleToRawLongBits(d[i]);
        }
        return b;
    }
}
