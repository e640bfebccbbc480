package dev.jgrad.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RngTest {

    /** SplitMix64 is SplittableRandom's algorithm: the same seed gives the same 64-bit stream. */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, -7, Long.MIN_VALUE})
    void nextLongIsSplittableRandomsStream(long seed) {
        Rng rng = new Rng(seed);
        SplittableRandom jdk = new SplittableRandom(seed);
        for (int i = 0; i < 1000; i++) {
            assertThat(rng.nextLong()).isEqualTo(jdk.nextLong());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void nextDoubleMatchesSplittableRandomAndStaysInRange(long seed) {
        Rng rng = new Rng(seed);
        SplittableRandom jdk = new SplittableRandom(seed);
        for (int i = 0; i < 1000; i++) {
            double d = rng.nextDouble();
            assertThat(d).isEqualTo(jdk.nextDouble()).isGreaterThanOrEqualTo(0).isLessThan(1);
        }
        for (int i = 0; i < 10_000; i++) {
            assertThat(rng.nextDouble(-1.5, 2)).isGreaterThanOrEqualTo(-1.5).isLessThan(2);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 1000, Integer.MAX_VALUE})
    void nextIntIsUniformBelowItsBound(int bound) {
        Rng rng = new Rng(bound);
        int[] counts = new int[Math.min(bound, 7)];
        int n = 70_000;
        for (int i = 0; i < n; i++) {
            int r = rng.nextInt(bound);
            assertThat(r).isBetween(0, bound - 1);
            if (bound <= 7) {
                counts[r]++;
            }
        }
        if (bound <= 7) {
            for (int c : counts) {
                assertThat((double) c / n).isCloseTo(1.0 / bound, within(0.01));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6})
    void nextGaussianHasMeanZeroAndUnitVariance(long seed) {
        Rng rng = new Rng(seed);
        int n = 200_000;
        double sum = 0, squares = 0;
        for (int i = 0; i < n; i++) {
            double g = rng.nextGaussian();
            sum += g;
            squares += g * g;
        }
        assertThat(sum / n).isCloseTo(0, within(0.01));
        assertThat(squares / n).isCloseTo(1, within(0.01));
    }

    @ParameterizedTest
    @ValueSource(longs = {9, 10})
    void aSeedFixesEveryDrawAndSplitsDiffer(long seed) {
        Rng a = new Rng(seed), b = new Rng(seed);
        Rng childA = a.split(), childB = b.split();
        for (int i = 0; i < 100; i++) {
            assertThat(childA.nextGaussian()).isEqualTo(childB.nextGaussian());
            assertThat(a.nextInt(10)).isEqualTo(b.nextInt(10));
        }
        assertThat(new Rng(seed).split().nextLong()).isNotEqualTo(new Rng(seed).split().split().nextLong());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void badBoundsAreRefused(int bound) {
        assertThatThrownBy(() -> new Rng(1).nextInt(bound)).hasMessageContaining("bound must be at least 1");
        assertThatThrownBy(() -> new Rng(1).nextDouble(1, bound)).hasMessageContaining("lo < hi");
    }
}
