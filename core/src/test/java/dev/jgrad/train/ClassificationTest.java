package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The figures of scikit-learn's classification_report, computed by hand for small predictions
 * (and checked against scikit-learn 1.x: {@code classification_report(t, p, digits=4)}).
 */
class ClassificationTest {
    private static final double EPS = 1e-15;

    /** true a a a a b b b c c c, predicted a a b c b b a c c b. */
    private static Classification three() {
        return Classification.of(List.of("a", "b", "c"), new int[] {0, 0, 0, 0, 1, 1, 1, 2, 2, 2},
                new int[] {0, 0, 1, 2, 1, 1, 0, 2, 2, 1});
    }

    @Test
    void theConfusionMatrixHasTrueClassesAsRows() {
        assertThat(three().confusion()).isDeepEqualTo(new long[][] {{2, 1, 1}, {1, 2, 0}, {0, 1, 2}});
        assertThat(three().total()).isEqualTo(10);
        assertThat(three().accuracy()).isEqualTo(0.6);
    }

    @Test
    void perClassFiguresAreTheHandComputedOnes() {
        Classification c = three();
        assertThat(new double[] {c.precision(0), c.precision(1), c.precision(2)}).containsExactly(2.0 / 3, 0.5, 2.0 / 3);
        assertThat(new double[] {c.recall(0), c.recall(1), c.recall(2)}).containsExactly(0.5, 2.0 / 3, 2.0 / 3);
        assertThat(new double[] {c.f1(0), c.f1(1), c.f1(2)}).containsExactly(4.0 / 7, 4.0 / 7, 2.0 / 3);
        assertThat(new long[] {c.support(0), c.support(1), c.support(2)}).containsExactly(4, 3, 3);
    }

    @Test
    void macroAndWeightedAveragesAreTheHandComputedOnes() {
        Classification.Average macro = three().macro();
        assertThat(macro.precision()).isCloseTo(11.0 / 18, within(EPS));
        assertThat(macro.recall()).isCloseTo(11.0 / 18, within(EPS));
        assertThat(macro.f1()).isCloseTo(38.0 / 63, within(EPS));
        assertThat(macro.support()).isEqualTo(10);
        Classification.Average weighted = three().weighted();
        assertThat(weighted.precision()).isCloseTo(37.0 / 60, within(EPS));
        assertThat(weighted.recall()).isCloseTo(0.6, within(EPS));
        assertThat(weighted.f1()).isCloseTo(0.6, within(EPS));
    }

    /** scikit-learn's rules: no predictions means precision 0; a class in neither list is left out of the averages. */
    @Test
    void aClassNeverPredictedHasPrecisionZeroAndAnAbsentClassIsNotAveraged() {
        Classification c = Classification.of(List.of("x", "y", "z"), new int[] {0, 0, 1, 1}, new int[] {0, 0, 0, 0});
        assertThat(c.precision(1)).isZero();
        assertThat(c.f1(1)).isZero();
        assertThat(c.f1(0)).isCloseTo(2.0 / 3, within(EPS));
        assertThat(c.macro().precision()).isEqualTo(0.25);
        assertThat(c.macro().recall()).isEqualTo(0.5);
        assertThat(c.macro().f1()).isCloseTo(1.0 / 3, within(EPS));
        assertThat(c.weighted().precision()).isEqualTo(0.25);
    }

    @Test
    void theReportHasScikitLearnsLayoutAndTheMatrixWithClassNames() {
        String report = three().report();
        assertThat(report.lines().toList()).startsWith(
                "              precision    recall  f1-score   support",
                "",
                "           a       0.67      0.50      0.57         4",
                "           b       0.50      0.67      0.57         3",
                "           c       0.67      0.67      0.67         3",
                "",
                "    accuracy                           0.60        10",
                "   macro avg       0.61      0.61      0.60        10",
                "weighted avg       0.62      0.60      0.60        10");
        assertThat(report).contains("true \\ predicted      a      b      c\n           a      2      1      1\n");
    }

    @Test
    void theMapHoldsEveryFigureForJson() {
        Map<String, Object> m = three().toMap();
        assertThat(m).containsKeys("accuracy", "classes", "confusion", "perClass", "macro", "weighted");
        assertThat(m.get("confusion")).isEqualTo(List.of(List.of(2L, 1L, 1L), List.of(1L, 2L, 0L), List.of(0L, 1L, 2L)));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> perClass = (Map<String, Map<String, Object>>) m.get("perClass");
        assertThat(perClass.get("b")).containsEntry("precision", 0.5).containsEntry("support", 3L);
    }
}
