package dev.jgrad.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vector passes give the plain loops' bits: rows as wide as a vector, narrower, wider with a ragged end; numbers
 * around tanh's and exp's seams (0.55, 20), beyond them, and the odd ones (±0, ±∞, NaN, subnormals; ∞ makes the
 * negative NaN of an invalid operation, 1 − ∞·∞ times 0). The first cases run before the JIT has compiled the vector
 * loops, on the Vector API's Java fallback, whose lane shifts and conversions of a second part made that NaN positive.
 * Only one NaN's bits are asked for: where two NaNs meet, which one's payload an operation keeps is the hardware's.
 */
class VectorPassesTest {
    private static final Passes PLAIN = new PlainPasses(), VECTOR = new VectorPasses();

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        int[] widths = {1, 3, 7, 8, 10, 16, 17, 31, 33, 64, 128, 190};
        for (int w = 0; w < widths.length; w++) {
            all.add(Arguments.of(widths[w], 3 + w % 3, 500L + w));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{1} rows of {0}, seed {2}")
    @MethodSource("cases")
    void biasAndActivationGiveThePlainBits(int n, int rows, long seed) {
        Rng r = new Rng(seed);
        double[] c = numbers(rows * n, r), b = numbers(n, r);
        for (boolean relu : new boolean[] {true, false}) {
            double[] plain = c.clone(), vector = c.clone();
            float[] plainF = narrow(c), vectorF = narrow(c), bf = narrow(b);
            if (relu) {
                PLAIN.biasRelu(plain, b, 1, rows, n);
                VECTOR.biasRelu(vector, b, 1, rows, n);
                PLAIN.biasRelu(plainF, bf, 1, rows, n);
                VECTOR.biasRelu(vectorF, bf, 1, rows, n);
            } else {
                PLAIN.biasTanh(plain, b, 1, rows, n);
                VECTOR.biasTanh(vector, b, 1, rows, n);
                PLAIN.biasTanh(plainF, bf, 1, rows, n);
                VECTOR.biasTanh(vectorF, bf, 1, rows, n);
            }
            assertThat(bits(vector)).as(relu ? "relu" : "tanh").containsExactly(bits(plain));
            assertThat(bits(vectorF)).as(relu ? "relu float32" : "tanh float32").containsExactly(bits(plainF));
        }
    }

    @ParameterizedTest(name = "{1} rows of {0}, seed {2}")
    @MethodSource("cases")
    void slopesAndColumnSumsGiveThePlainBits(int n, int rows, long seed) {
        Rng r = new Rng(seed);
        double[] o = numbers(rows * n, r), g = numbers(rows * n, r), start = numbers(n, r);
        for (int i = 0; i < o.length; i += 3) {
            o[i] = Math.max(o[i], 0); // relu's outputs are mostly +0 or positive
        }
        float[] of = narrow(o);
        for (boolean relu : new boolean[] {true, false}) {
            double[] dzP = new double[g.length], dzV = new double[g.length];
            float[] dzfP = new float[g.length], dzfV = new float[g.length];
            double[] sP = start.clone(), sV = start.clone(), sfP = start.clone(), sfV = start.clone();
            if (relu) {
                PLAIN.reluSlopes(o, g, dzP, sP, n);
                VECTOR.reluSlopes(o, g, dzV, sV, n);
                PLAIN.reluSlopes(of, g, dzfP, sfP, n);
                VECTOR.reluSlopes(of, g, dzfV, sfV, n);
            } else {
                PLAIN.tanhSlopes(o, g, dzP, sP, n);
                VECTOR.tanhSlopes(o, g, dzV, sV, n);
                PLAIN.tanhSlopes(of, g, dzfP, sfP, n);
                VECTOR.tanhSlopes(of, g, dzfV, sfV, n);
            }
            String what = relu ? "relu" : "tanh";
            assertThat(bits(dzV)).as(what).containsExactly(bits(dzP));
            assertThat(bits(sV)).as(what + " sums").containsExactly(bits(sP));
            assertThat(bits(dzfV)).as(what + " float32").containsExactly(bits(dzfP));
            assertThat(bits(sfV)).as(what + " float32 sums").containsExactly(bits(sfP));
        }
    }

    @ParameterizedTest(name = "{0} numbers, seed {2}")
    @MethodSource("cases")
    void wideningGivesThePlainBits(int n, int rows, long seed) {
        Rng r = new Rng(seed);
        float[] g = narrow(numbers(rows * n + rows, r));
        double[] d = numbers(g.length, r);
        for (boolean add : new boolean[] {true, false}) {
            double[] plain = d.clone(), vector = d.clone();
            PLAIN.widen(plain, g, add);
            VECTOR.widen(vector, g, add);
            assertThat(bits(vector)).as(add ? "added" : "written").containsExactly(bits(plain));
        }
    }

    /** Mostly around tanh's seams and within a layer's range, some far out, some odd. */
    private static double[] numbers(int n, Rng r) {
        double[] odd = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            -Double.MIN_NORMAL, 0.55, -0.55, Math.nextDown(0.55), 20, -20, Math.nextUp(20.0), 1e-300, 3e38, -3e38};
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(10);
            x[i] = kind == 0 ? odd[r.nextInt(odd.length)] : kind < 3 ? r.nextDouble(-25, 25)
                    : kind < 5 ? r.nextDouble(-0.6, 0.6) : kind == 5 ? r.nextDouble(19.5, 20.5) * (r.nextInt(2) * 2 - 1)
                    : r.nextDouble(-3, 3);
        }
        return x;
    }

    private static float[] narrow(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static long[] bits(double[] d) {
        long[] b = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            b[i] = Double.doubleToRawLongBits(d[i]);
        }
        return b;
    }

    private static int[] bits(float[] f) {
        int[] b = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            b[i] = Float.floatToRawIntBits(f[i]);
        }
        return b;
    }
}
