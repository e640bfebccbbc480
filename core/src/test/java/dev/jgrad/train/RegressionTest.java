package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.base.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegressionTest {

    @Test
    void theFiguresAreScikitLearnsOnItsDocumentationExample() {
        // y = [3, -0.5, 2, 7], ŷ = [2.5, 0, 2, 8]: errors 0.5, -0.5, 0, -1; ȳ = 2.875.
        Regression r = Regression.of(new double[] {3, -0.5, 2, 7}, new double[] {2.5, 0.0, 2, 8});
        double squares = 0.25 + 0.25 + 0 + 1;
        double total = 0.125 * 0.125 + 3.375 * 3.375 + 0.875 * 0.875 + 4.125 * 4.125;
        assertThat(r.points()).isEqualTo(4);
        assertThat(r.mse()).isCloseTo(squares / 4, within(1e-15));
        assertThat(r.mae()).isCloseTo((0.5 + 0.5 + 0 + 1) / 4, within(1e-15));
        assertThat(r.r2()).isCloseTo(1 - squares / total, within(1e-15));
        assertThat(r.r2()).isCloseTo(0.9486081370449679, within(1e-12)); // sklearn.metrics.r2_score's answer
    }

    @Test
    void constantTargetsScoreOneWhenExactAndZeroOtherwiseAsScikitLearn() {
        assertThat(Regression.of(new double[] {2, 2}, new double[] {2, 2}).r2()).isEqualTo(1);
        assertThat(Regression.of(new double[] {2, 2}, new double[] {2, 3}).r2()).isEqualTo(0);
        assertThatThrownBy(() -> Regression.of(new double[] {1}, new double[] {1, 2})).hasMessageContaining("1 targets but 2");
    }

    /** Predicting the mean scores R² 0; any affine change of units scales MSE by a², MAE by |a| and leaves R². */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void unitsChangeTheErrorsAsExpectedAndNotRSquared(long seed) {
        Rng r = new Rng(seed);
        int n = 5 + r.nextInt(30);
        double[] y = new double[n], p = new double[n], mean = new double[n];
        double a = r.nextDouble(-5, 5), b = r.nextDouble(-100, 100), m = 0;
        for (int i = 0; i < n; i++) {
            y[i] = r.nextGaussian();
            p[i] = y[i] + 0.3 * r.nextGaussian();
            m += y[i] / n;
        }
        java.util.Arrays.fill(mean, m);
        double[] y2 = new double[n], p2 = new double[n];
        for (int i = 0; i < n; i++) {
            y2[i] = a * y[i] + b;
            p2[i] = a * p[i] + b;
        }
        Regression plain = Regression.of(y, p), moved = Regression.of(y2, p2);
        assertThat(moved.mse()).isCloseTo(a * a * plain.mse(), within(1e-9 * (1 + moved.mse())));
        assertThat(moved.mae()).isCloseTo(Math.abs(a) * plain.mae(), within(1e-9 * (1 + moved.mae())));
        assertThat(moved.r2()).isCloseTo(plain.r2(), within(1e-9));
        assertThat(Regression.of(y, mean).r2()).isCloseTo(0, within(1e-12));
        assertThat(plain.r2()).isLessThan(1);
    }
}
