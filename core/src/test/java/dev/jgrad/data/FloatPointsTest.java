package dev.jgrad.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.base.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FloatPointsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aFloatBatchHoldsTheDoubleBatchsPointsRoundedOnce(long seed) {
        Rng r = new Rng(seed);
        Dataset data = Datasets.spiral(97, 3, 0.2, r.split());
        FloatPoints rows = new FloatPoints(data);
        int[] order = Shuffle.permutation(data.size(), r.split());
        float[] x = new float[10 * data.features()];
        int[] y = new int[10];
        for (int from = 0; from + 10 <= data.size(); from += 10) {
            Batch wide = data.batch(order, from, from + 10);
            Batch narrow = rows.batch(order, from, from + 10, x, y, null);
            float[] rounded = new float[wide.points().length];
            for (int i = 0; i < rounded.length; i++) {
                rounded[i] = (float) wide.points()[i];
            }
            assertThat(narrow.floats()).isSameAs(x).containsExactly(rounded);
            assertThat(narrow.labels()).isSameAs(y).containsExactly(wide.labels());
            assertThat(narrow.weightedByClass(new double[] {1, 2, 3}).floats()).isSameAs(x);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void regressionTargetsAreGatheredAndPointsWidenExactly(long seed) {
        Rng r = new Rng(seed);
        Dataset data = Datasets.sine(40, 0.1, r.split());
        int[] order = Shuffle.permutation(data.size(), r.split());
        Batch wide = data.batch(order, 5, 12);
        Batch narrow = new FloatPoints(data).batch(order, 5, 12, new float[7 * data.features()], new int[7], new double[7]);
        assertThat(narrow.targets()).containsExactly(wide.targets());
        for (int i = 0; i < 7; i++) {
            assertThat(narrow.point(i)[0]).isEqualTo((double) (float) wide.point(i)[0]);
            assertThat(narrow.points()[i]).isEqualTo((double) (float) wide.points()[i]);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 8})
    void arraysOfTheWrongSizeAreRefused(int length) {
        Dataset data = Datasets.spiral(20, 2, 0.2, new Rng(1));
        int[] order = Shuffle.permutation(data.size(), new Rng(2));
        assertThatThrownBy(() -> new FloatPoints(data).batch(order, 0, 3, new float[length], new int[3], null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arrays for 3 points of 2 features");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aBatchHoldsItsPointsInExactlyOneDtype(boolean both) {
        assertThatThrownBy(() -> new Batch(both ? new double[2] : null, new int[1], 2, null, null, both ? new float[2] : null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one of the two arrays");
    }
}
