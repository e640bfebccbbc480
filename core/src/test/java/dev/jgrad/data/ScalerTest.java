package dev.jgrad.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.base.Rng;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScalerTest {
    /** Columns: 1 2 3 4 (mean 2.5, population σ √1.25), 10 10 10 10 (constant), −1 0 0 3 (min −1, max 3). */
    private static final Dataset FOUR = new Dataset("four", new double[][] {{1, 10, -1}, {2, 10, 0}, {3, 10, 0}, {4, 10, 3}},
            new int[] {0, 1, 0, 1}, 2);

    @Test
    void standardScalingSubtractsTheMeanAndDividesByThePopulationDeviation() {
        Scaler s = Scaling.STANDARD.fit(FOUR);
        assertThat(s.shift()).containsExactly(2.5, 10, 0.5);
        assertThat(s.scale()[0]).isEqualTo(Math.sqrt(1.25));
        assertThat(s.scale()[1]).isEqualTo(1);
        assertThat(s.apply(new double[] {4, 10, 0.5})).containsExactly(1.5 / Math.sqrt(1.25), 0, 0);
    }

    @Test
    void minMaxScalingMapsTheTrainingRangeOntoZeroToOne() {
        Scaler s = Scaling.MINMAX.fit(FOUR);
        assertThat(s.apply(new double[] {1, 10, -1})).containsExactly(0, 0, 0);
        assertThat(s.apply(new double[] {4, 10, 3})).containsExactly(1, 0, 1);
        assertThat(s.apply(new double[] {2.5, 11, 1})).containsExactly(0.5, 1, 0.5);
    }

    @Test
    void aConstantColumnIsListedAndBecomesZeroWithoutADivisionByZero() {
        for (Scaling kind : List.of(Scaling.STANDARD, Scaling.MINMAX)) {
            Scaler s = kind.fit(FOUR);
            assertThat(s.constant()).as(kind.id()).containsExactly(1);
            for (double[] p : s.apply(FOUR).points()) {
                assertThat(p[1]).isZero();
                assertThat(java.util.Arrays.stream(p).allMatch(Double::isFinite)).isTrue();
            }
        }
    }

    @Test
    void noneLeavesTheDataAsItIs() {
        Scaler s = Scaling.NONE.fit(FOUR);
        assertThat(s.isIdentity()).isTrue();
        assertThat(s.constant()).isEmpty();
        assertThat(s.apply(FOUR)).isSameAs(FOUR);
        assertThat(Scaling.CHOICES.ids()).containsExactly("standard", "minmax", "none");
    }

    /** Whatever the data's offset and spread, standard-scaled training columns have mean 0 and deviation 1. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void standardisedTrainingColumnsHaveMeanZeroAndDeviationOne(long seed) {
        Rng r = new Rng(seed);
        double offset = r.nextDouble(-1e4, 1e4), spread = Math.exp(r.nextDouble(-8, 8));
        double[][] p = new double[50][3];
        for (double[] row : p) {
            for (int j = 0; j < 3; j++) {
                row[j] = offset + spread * (j + 1) * r.nextGaussian();
            }
        }
        Dataset scaled = Scaling.STANDARD.fit(new Dataset("d", p, new int[50], 2)).apply(new Dataset("d", p, new int[50], 2));
        for (int j = 0; j < 3; j++) {
            double mean = 0, squares = 0;
            for (double[] row : scaled.points()) {
                mean += row[j] / 50;
            }
            for (double[] row : scaled.points()) {
                squares += (row[j] - mean) * (row[j] - mean) / 50;
            }
            assertThat(mean).isCloseTo(0, within(1e-9));
            assertThat(squares).isCloseTo(1, within(1e-9));
        }
    }

    /**
     * The statistics are those of one pass down each column, points in their order (as a saved model's were before
     * they were computed along the rows): a reordered sum would change the last bits on data far from 0.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void eachColumnsStatisticsAddItsPointsInTheirOrder(long seed) {
        Rng r = new Rng(seed);
        int n = 301, f = 7;
        double[][] p = new double[n][f];
        for (double[] row : p) {
            for (int j = 0; j < f; j++) {
                row[j] = j == 3 ? 2.5 : 1e6 * j + Math.exp(r.nextDouble(-3, 3)) * r.nextGaussian();
            }
        }
        Dataset d = new Dataset("d", p, new int[n], 2);
        Scaler standard = Scaling.STANDARD.fit(d), minmax = Scaling.MINMAX.fit(d);
        for (int j = 0; j < f; j++) {
            double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, squares = 0;
            for (double[] row : p) {
                sum += row[j];
                min = Math.min(min, row[j]);
                max = Math.max(max, row[j]);
            }
            double mean = sum / n;
            for (double[] row : p) {
                squares += (row[j] - mean) * (row[j] - mean);
            }
            boolean constant = j == 3;
            assertThat(standard.shift()[j]).as("mean of %d", j).isEqualTo(constant ? 2.5 : mean);
            assertThat(standard.scale()[j]).as("deviation of %d", j).isEqualTo(constant ? 1 : Math.sqrt(squares / n));
            assertThat(minmax.shift()[j]).isEqualTo(min);
            assertThat(minmax.scale()[j]).isEqualTo(constant ? 1 : max - min);
        }
        assertThat(standard.constant()).containsExactly(3);
        assertThat(minmax.constant()).containsExactly(3);
    }

    @Test
    void aScaleThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> new Scaler(Scaling.STANDARD, new double[] {0}, new double[] {0}, List.of()))
                .hasMessage("feature 1 has shift 0.0 and scale 0.0; a scale must be finite and > 0");
        assertThatThrownBy(() -> Scaler.none(2).apply(new double[] {1})).hasMessage("the scaler takes 2 features, got 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"STANDARD", "MINMAX"})
    void featureValuesTooLargeToScaleAreAnOverflowThatKnowsWhichFeature(String kind) {
        Dataset d = new Dataset("big", new double[][] {{1, 1e308}, {2, -1e308}, {3, 1e308}}, new int[] {0, 1, 0}, 2);
        assertThatThrownBy(() -> Scaling.valueOf(kind).fit(d)).isInstanceOfSatisfying(ScaleOverflow.class, e -> {
            assertThat(e.feature()).isEqualTo(1);
            assertThat(e).hasMessageStartingWith("feature 2 has shift ").hasMessageEndingWith(
                    "; a scale must be finite and > 0 (values too large to scale: divide them by a power of ten)");
            assertThat(e.named("column 'big'")).isInstanceOf(ArithmeticException.class)
                    .hasMessage(e.getMessage().replace("feature 2", "column 'big'"));
        });
    }

    @Test
    void aRegressionTargetIsScaledAsAFeatureAndInvertedBack() {
        Dataset data = Dataset.regression("t", new double[][] {{0}, {1}, {2}, {3}}, new double[] {1, 2, 3, 4});
        Scaler standard = Scaling.STANDARD.fitTargets(data);
        assertThat(standard.shift()).containsExactly(2.5);
        assertThat(standard.scale()).containsExactly(Math.sqrt(1.25));
        Dataset scaled = standard.applyToTargets(data);
        assertThat(scaled.points()).isSameAs(data.points());
        for (int i = 0; i < 4; i++) {
            assertThat(scaled.targets()[i]).isEqualTo((data.targets()[i] - 2.5) / Math.sqrt(1.25));
            assertThat(standard.invert(0, scaled.targets()[i])).isCloseTo(data.targets()[i], within(1e-12));
        }
        Scaler minmax = Scaling.MINMAX.fitTargets(data);
        assertThat(minmax.applyToTargets(data).targets()).containsExactly(0, 1.0 / 3, 2.0 / 3, 1);
        assertThat(Scaling.NONE.fitTargets(data).applyToTargets(data)).isSameAs(data);
        Scaler constant = Scaling.STANDARD.fitTargets(Dataset.regression("c", new double[][] {{0}, {1}}, new double[] {7, 7}));
        assertThat(constant.constant()).containsExactly(0);
        assertThat(constant.apply(0, 7)).isZero();
        assertThatThrownBy(() -> Scaling.STANDARD.fitTargets(FOUR)).hasMessageContaining("not regression targets");
        assertThatThrownBy(() -> Scaling.STANDARD.fit(FOUR).applyToTargets(data)).hasMessageContaining("1 feature");
        // Scaling the features keeps the targets.
        assertThat(Scaling.STANDARD.fit(data).apply(data).targets()).isSameAs(data.targets());
    }
}
