package dev.jgrad.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Value#tanh(double)}: StrictMath's bits everywhere on the JVM, its guard included. */
class PlainTanhTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void isStrictMathsTanhBitForBit(long seed) {
        Rng rng = new Rng(seed);
        for (int i = 0; i < 20_000; i++) {
            double x = rng.nextDouble(-40, 40) * (i % 4 == 0 ? 30 : 1);
            assertThat(Value.tanh(x)).as("tanh(%s)", x).isEqualTo(StrictMath.tanh(x));
        }
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {22, -22, 21.999999999999996, 30, -710, 800, -1e308, Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 1e-300, Double.NaN})
    void theEdgesAreStrictMathsToo(double x) {
        assertThat(Double.doubleToRawLongBits(Value.tanh(x))).isEqualTo(Double.doubleToRawLongBits(StrictMath.tanh(x)));
        assertThat(Double.doubleToRawLongBits(Value.of(x).tanh().data())).isEqualTo(Double.doubleToRawLongBits(StrictMath.tanh(x)));
    }
}
