package dev.jgrad.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Elementwise rules whose fast form must keep the definition's bits. */
class ElementwiseTest {
    private static final double[] SPECIAL = {0.0, -0.0, Double.NaN, Double.longBitsToDouble(0xfff8000000000000L),
        Double.longBitsToDouble(0x7ff0000000000001L), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-310, -1e-310, 1, -1};

    /**
     * relu's gradient, a mask on g's bits, against its definition {@code a > 0 ? g : 0} for float64
     * and float32 inputs: signed zeros, subnormals, infinities and NaNs of either sign in a and in g.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void reluGradientIsGWhereTheInputIsPositiveElsePlusZero(long seed) {
        Rng rng = new Rng(seed);
        int n = SPECIAL.length * SPECIAL.length + 200;
        double[] a = new double[n], g = new double[n];
        float[] af = new float[n];
        for (int i = 0; i < n; i++) {
            boolean special = i < SPECIAL.length * SPECIAL.length;
            a[i] = special ? SPECIAL[i / SPECIAL.length] : rng.nextDouble(-2, 2);
            g[i] = special ? SPECIAL[i % SPECIAL.length] : rng.nextDouble(-2, 2);
            af[i] = (float) a[i];
        }
        af[0] = Float.intBitsToFloat(0x7f800001);
        af[1] = Float.intBitsToFloat(0xff800001);
        double[] wide = backward(Tensor.of(a, n), g), narrow = backward(Tensor.of(af, n), g);
        for (int i = 0; i < n; i++) {
            assertThat(bits(wide[i])).as("a = %s, g = %s", a[i], g[i]).isEqualTo(bits(a[i] > 0 ? g[i] : 0));
            assertThat(bits(narrow[i])).as("float a = %s, g = %s", af[i], g[i]).isEqualTo(bits(af[i] > 0 ? g[i] : 0));
        }
    }

    private static long bits(double x) {
        return Double.doubleToRawLongBits(x);
    }

    private static double[] backward(Tensor a, double[] g) {
        Elementwise.Relu relu = new Elementwise.Relu();
        relu.in = new Tensor[] {a};
        return relu.backward(g.clone())[0];
    }
}
