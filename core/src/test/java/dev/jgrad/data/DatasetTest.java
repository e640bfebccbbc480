package dev.jgrad.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.base.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void gatheringIntoReusedArraysGivesTheBatchACopyGives(long seed) {
        Rng r = new Rng(seed);
        Dataset data = Datasets.spiral(97, 3, 0.2, r.split());
        int[] order = Shuffle.permutation(data.size(), r.split());
        double[] x = new double[10 * data.features()];
        int[] y = new int[10];
        for (int from = 0; from + 10 <= data.size(); from += 10) {
            Batch copied = data.batch(order, from, from + 10);
            Batch gathered = data.batch(order, from, from + 10, x, y, null);
            assertThat(gathered.points()).isSameAs(x).containsExactly(copied.points());
            assertThat(gathered.labels()).isSameAs(y).containsExactly(copied.labels());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void regressionTargetsAreGatheredToo(long seed) {
        Rng r = new Rng(seed);
        Dataset data = Datasets.sine(40, 0.1, r.split());
        int[] order = Shuffle.permutation(data.size(), r.split());
        Batch copied = data.batch(order, 5, 12);
        Batch gathered = data.batch(order, 5, 12, new double[7 * data.features()], new int[7], new double[7]);
        assertThat(gathered.targets()).containsExactly(copied.targets());
        assertThat(gathered.points()).containsExactly(copied.points());
    }

    @ParameterizedTest
    @ValueSource(ints = {9, 11})
    void arraysOfTheWrongSizeAreRefused(int points) {
        Dataset data = Datasets.spiral(30, 3, 0.2, new Rng(1));
        int[] order = Shuffle.permutation(data.size(), new Rng(2));
        assertThatThrownBy(() -> data.batch(order, 0, 10, new double[points * 2], new int[points], null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 points");
    }
}
