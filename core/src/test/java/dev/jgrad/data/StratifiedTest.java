package dev.jgrad.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.base.InvalidSetting;
import dev.jgrad.base.Rng;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StratifiedTest {

    /** 50, 30 and 20 points of three classes, in class order. */
    private static Dataset unbalanced() {
        int[] labels = new int[100];
        double[][] points = new double[100][];
        for (int i = 0; i < 100; i++) {
            labels[i] = i < 50 ? 0 : i < 80 ? 1 : 2;
            points[i] = new double[] {i};
        }
        return new Dataset("u", points, labels, 3);
    }

    private static int[] counts(Dataset d) {
        int[] c = new int[d.classes()];
        for (int l : d.labels()) {
            c[l]++;
        }
        return c;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aHeldOutTestSetKeepsEachClassesShareAndIsFixedByTheSeed(long seed) {
        Dataset.Split s = Stratified.holdOut(unbalanced(), 0.25, new Rng(seed));
        // 12.5, 7.5 and 5 points: the floors give 24 of the rounded 25, the first of the two largest remainders the last.
        assertThat(counts(s.validation())).containsExactly(13, 7, 5);
        assertThat(counts(s.train())).containsExactly(37, 23, 15);
        assertThat(s.validation().name()).isEqualTo("u/test");
        assertThat(IntStream.concat(Arrays.stream(s.trainIndices()), Arrays.stream(s.validationIndices())).sorted().toArray())
                .isEqualTo(IntStream.range(0, 100).toArray());
        assertThat(Stratified.holdOut(unbalanced(), 0.25, new Rng(seed)).validationIndices()).containsExactly(s.validationIndices());
        assertThat(Stratified.holdOut(unbalanced(), 0.25, new Rng(seed + 10)).validationIndices()).isNotEqualTo(s.validationIndices());
    }

    @Test
    void aClassesLastPointStaysToTrainOn() {
        Dataset d = new Dataset("d", new double[][] {{0}, {1}, {2}, {3}, {4}}, new int[] {0, 0, 0, 0, 1}, 2);
        Dataset.Split s = Stratified.holdOut(d, 0.6, new Rng(1));
        assertThat(counts(s.train())[1]).isEqualTo(1);
        assertThat(counts(s.validation())).containsExactly(3, 0);
    }

    @Test
    void aSplitThatHoldsOutNothingOrEverythingIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> Stratified.holdOut(unbalanced(), 0.001, new Rng(1))).isInstanceOf(InvalidSetting.class)
                .hasMessage("test-split 0.001 of 100 points holds out none to test on; raise it or use more points");
        assertThatThrownBy(() -> Stratified.holdOut(unbalanced(), 1, new Rng(1))).isInstanceOf(InvalidSetting.class)
                .hasMessage("test-split must be in (0, 1), got 1");
    }

    @Test
    void regressionDataIsSplitAtRandomAsOneGroup() {
        Dataset r = Dataset.regression("r", new double[][] {{0}, {1}, {2}, {3}, {4}, {5}, {6}}, new double[] {0, 1, 2, 3, 4, 5, 6});
        Dataset.Split s = Stratified.holdOut(r, 0.3, new Rng(3));
        assertThat(s.validation().size()).isEqualTo(2);
        assertThat(s.train().targets()).hasSize(5);
        assertThat(Stratified.folds(r, 3, new Rng(3))).extracting(f -> f.validation().size()).containsExactly(3, 2, 2);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 7})
    void foldsCoverEveryPointOnceAndSpreadEachClassEvenly(int k) {
        Dataset d = unbalanced();
        List<Dataset.Split> folds = Stratified.folds(d, k, new Rng(k));
        assertThat(folds).hasSize(k);
        int[] seen = new int[d.size()];
        for (Dataset.Split f : folds) {
            Arrays.stream(f.validationIndices()).forEach(i -> seen[i]++);
            assertThat(f.train().size() + f.validation().size()).isEqualTo(d.size());
            assertThat(f.validation().size()).isBetween(d.size() / k, d.size() / k + 1);
            int[] c = counts(f.validation());
            for (int cls = 0; cls < 3; cls++) {
                int n = counts(d)[cls];
                assertThat(c[cls]).as("class %d in %s", cls, f.validation().name()).isBetween(n / k, n / k + 1);
            }
        }
        assertThat(seen).containsOnly(1);
        assertThat(Stratified.folds(d, k, new Rng(k)).get(1).validationIndices()).containsExactly(folds.get(1).validationIndices());
    }

    @Test
    void moreFoldsThanPointsAreRefused() {
        Dataset three = new Dataset("t", new double[][] {{0}, {1}, {2}}, new int[] {0, 1, 0}, 2);
        assertThatThrownBy(() -> Stratified.folds(three, 4, new Rng(1))).isInstanceOf(InvalidSetting.class)
                .hasMessage("folds 4 is more than the 3 points: a fold would be empty");
        assertThatThrownBy(() -> Stratified.folds(three, 1, new Rng(1))).hasMessage("folds must be ≥ 2, got 1");
    }
}
