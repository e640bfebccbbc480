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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Adam, AdamW and SGD on float32 parameters give the same bits with the vector loops as with the plain loops: every
 * size (whole vectors of 8 or 16 floats and ragged tails), with and without weight decay, over several steps, and
 * lane by lane on the edges of float32 (zeros of either sign, subnormals, infinities, gradients beyond float's range).
 */
class VectorStepsTest {
    private static final int[] SIZES = {1, 7, 8, 15, 16, 17, 31, 33, 1000, 4099};

    /** Compiled by the optimising compiler, as training uses them, rather than the interpreter's lane-by-lane fallback. */
    @BeforeAll
    static void compileTheVectorLoops() {
        VectorSteps.warmUp();
    }

    @AfterAll
    static void leaveThemUnregistered() {
        Loops.registerSteps(null);
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (int s = 0; s < SIZES.length; s++) {
            for (int kind = 0; kind < 6; kind++) {
                all.add(Arguments.of(SIZES[s], kind, 100L + 7 * s + kind));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} numbers, rule {1}, seed {2}")
    @MethodSource("cases")
    void theVectorLoopGivesThePlainLoopsBits(int n, int kind, long seed) {
        Loops.registerSteps(null);
        double[] plain = train(n, kind, seed);
        Loops.registerSteps(new VectorSteps());
        Loops.stepsWarmed();
        double[] vector = train(n, kind, seed);
        assertThat(bits(vector)).containsExactly(bits(plain));
    }

    /** The moments too, which p alone might hide: every lane against the plain loop, on ordinary numbers and edges. */
    @ParameterizedTest(name = "{0} numbers, rule {1}, seed {2}")
    @MethodSource("cases")
    void eachLaneIsThePlainRule(int n, int kind, long seed) {
        Rng rng = new Rng(seed);
        boolean edges = seed % 2 == 0;
        float[] p = new float[n], m = new float[n], v = new float[n];
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = edges && rng.nextInt(3) == 0 ? (float) edge(rng) : (float) rng.nextGaussian();
            g[i] = edges && rng.nextInt(3) == 0 ? edge(rng) : rng.nextGaussian() * Math.pow(10, rng.nextInt(9) - 4);
            m[i] = edges && rng.nextInt(4) == 0 ? (float) edge(rng) : (float) (rng.nextGaussian() * 0.1);
            v[i] = edges && rng.nextInt(4) == 0 ? Math.abs((float) edge(rng)) : (float) (rng.nextDouble() * 0.01);
        }
        float[] p1 = p.clone(), m1 = m.clone(), v1 = v.clone(), p2 = p.clone(), m2 = m.clone(), v2 = v.clone();
        step(new VectorSteps(), kind, p, g, m, v);
        step(PlainSteps.LOOPS, kind, p1, g, m1, v1);
        if (kind < 3) {
            // the plain loops' two-pass form, the fallback until the vector loop is warm
            PlainSteps.adam(p2, g, m2, v2, adam(kind), new float[n]);
        } else {
            step(PlainSteps.LOOPS, kind, p2, g, m2, v2);
        }
        // floatToIntBits: a NaN's payload is the hardware's pick of operand, the same NaN to every reader
        for (int i = 0; i < n; i++) {
            for (float[][] other : List.of(new float[][] {p1, m1, v1}, new float[][] {p2, m2, v2})) {
                assertThat(Float.floatToIntBits(p[i])).as("p[%d]", i).isEqualTo(Float.floatToIntBits(other[0][i]));
                assertThat(Float.floatToIntBits(m[i])).as("m[%d]", i).isEqualTo(Float.floatToIntBits(other[1][i]));
                assertThat(Float.floatToIntBits(v[i])).as("v[%d]", i).isEqualTo(Float.floatToIntBits(other[2][i]));
            }
        }
    }

    /** A number at an edge of float32, or of its rounding from double. */
    private static double edge(Rng rng) {
        double[] edges = {0.0, -0.0, Double.MIN_VALUE, Float.MIN_VALUE, -Float.MIN_NORMAL / 3, 1e-300, -1e-42,
            Float.MAX_VALUE, 3.4028235677973366e38, -1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NaN, 1e-20, 65504.0, -1.0000001};
        return edges[rng.nextInt(edges.length)];
    }

    /** Adam (kinds 0–2, 2 decoupled) or SGD (3–5, which leaves m and v as they are). */
    private static void step(FloatSteps loops, int kind, float[] p, double[] g, float[] m, float[] v) {
        if (kind < 3) {
            loops.adam(p, g, m, v, adam(kind));
        } else {
            loops.sgd(p, g, 0.0123f, decay(kind));
        }
    }

    private static float decay(int kind) {
        return kind == 2 ? 0.999f : kind == 1 || kind == 4 ? 0.05f : 0;
    }

    private static FloatAdam adam(int kind) {
        return FloatAdam.of(0.9, 0.999, 0.0123, 0.37, 1e-8, decay(kind), kind == 2);
    }

    /** Five steps on a float32 parameter; rule 0 Adam, 1 Adam with L2 decay, 2 AdamW, 3 SGD, 4 SGD with decay, 5 with momentum. */
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
            case 4 -> new Sgd(ps, 0.07).weightDecay(0.03);
            default -> new Sgd(ps, 0.07).momentum(0.9).weightDecay(0.03);
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
