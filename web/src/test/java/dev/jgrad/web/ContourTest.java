package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContourTest {
    private static double[] grid(int n, java.util.function.DoubleBinaryOperator f) {
        double[] v = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                v[j * n + i] = f.applyAsDouble((i + 0.5) / n, (j + 0.5) / n);
            }
        }
        return v;
    }

    @Test
    void aVerticalBoundaryIsAVerticalLineWhereTheValueCrossesZero() {
        double[] s = Contour.segments(grid(10, (x, y) -> x - 0.43), 10);
        assertThat(s.length / 4).isEqualTo(9);
        for (int k = 0; k < s.length; k += 4) {
            assertThat(s[k]).isCloseTo(0.43, offset(1e-12));
            assertThat(s[k + 2]).isCloseTo(0.43, offset(1e-12));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 40, 60})
    void aCirclesContourPointsLieOnTheCircle(int n) {
        double[] s = Contour.segments(grid(n, (x, y) -> 0.09 - (x - 0.5) * (x - 0.5) - (y - 0.5) * (y - 0.5)), n);
        assertThat(s).isNotEmpty();
        for (int k = 0; k < s.length; k += 2) {
            assertThat(Math.hypot(s[k] - 0.5, s[k + 1] - 0.5)).isCloseTo(0.3, offset(2.0 / n));
        }
    }

    @Test
    void oneSignOrAGridTooSmallHasNoContour() {
        assertThat(Contour.segments(grid(8, (x, y) -> 1), 8)).isEmpty();
        assertThat(Contour.segments(new double[] {1}, 1)).isEmpty();
    }
}
