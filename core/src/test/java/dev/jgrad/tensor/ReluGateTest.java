package dev.jgrad.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gate by masks gives the branch's bits, for ordinary numbers and for every special one. */
class ReluGateTest {
    private static final double[] SPECIAL = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
        -Double.NaN, Double.longBitsToDouble(0x7ff0000000000001L), Double.longBitsToDouble(0xfff0000000000001L),
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 1, -1};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void masksGiveTheBranchsBitsInBothDtypes(long seed) {
        Rng rng = new Rng(seed);
        int n = 1000;
        double[] x = new double[n], g = new double[n];
        float[] xf = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextInt(4) == 0 ? SPECIAL[rng.nextInt(SPECIAL.length)] : rng.nextGaussian();
            g[i] = rng.nextInt(4) == 0 ? SPECIAL[rng.nextInt(SPECIAL.length)] : rng.nextGaussian();
            xf[i] = (float) x[i];
        }
        assertThat(bits(gate(x, g, true))).containsExactly(bits(gate(x, g, false)));
        assertThat(bits(gate(xf, g, true))).containsExactly(bits(gate(xf, g, false)));
    }

    @Test
    void everySpecialActivationAgainstEverySpecialGradient() {
        int s = SPECIAL.length;
        double[] x = new double[s * s], g = new double[s * s];
        float[] xf = new float[s * s];
        for (int i = 0; i < s * s; i++) {
            x[i] = SPECIAL[i / s];
            xf[i] = (float) x[i];
            g[i] = SPECIAL[i % s];
        }
        double[] gated = gate(x, g, true);
        assertThat(bits(gated)).containsExactly(bits(gate(x, g, false)));
        assertThat(bits(gate(xf, g, true))).containsExactly(bits(gate(xf, g, false)));
        // a closed gate gives +0, never −0 or NaN; an open one g itself
        assertThat(Double.doubleToRawLongBits(gated[s * 1 + 4])).isZero();
        assertThat(Double.doubleToRawLongBits(gated[s * 4 + 2])).isZero();
        assertThat(Double.doubleToRawLongBits(gated[s * 2 + 1])).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    private static double[] gate(double[] x, double[] g, boolean masks) {
        double[] out = new double[x.length];
        if (masks) {
            ReluGate.bitwise(x, g, out);
        } else {
            ReluGate.branching(x, g, out);
        }
        return out;
    }

    private static double[] gate(float[] x, double[] g, boolean masks) {
        double[] out = new double[x.length];
        if (masks) {
            ReluGate.bitwise(x, g, out);
        } else {
            ReluGate.branching(x, g, out);
        }
        return out;
    }

    private static long[] bits(double[] d) {
        long[] b = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            b[i] = Double.doubleToRawLongBits(d[i]);
        }
        return b;
    }
}
