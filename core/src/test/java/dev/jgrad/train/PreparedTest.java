package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.MissingPolicy;
import dev.jgrad.data.Preprocessing;
import dev.jgrad.data.RawColumn;
import dev.jgrad.data.RawTable;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreparedTest {

    /** Row i has the value i in its one column, a missing cell every fifth row; labels alternate. */
    private static RawTable table(int n) {
        double[][] rows = new double[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = new double[] {i % 5 == 0 ? Double.NaN : i};
            labels[i] = i % 2;
        }
        return new RawTable("t", new Dataset("t", rows, labels, 2), List.of(RawColumn.numbers("x")), null, 0);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 42})
    void theFillIsTheMeanOfExactlyTheTrainingSplitThatTrainingStartMakes(long seed) {
        TrainingConfig config = TrainingConfig.builder().seed(seed).epochs(1).hidden(List.of(2))
                .preprocessing(Preprocessing.DEFAULT.withMissing(MissingPolicy.MEAN).withIndicator(true)).build();
        Prepared prepared = Prepared.of(config, table(50), "y");
        Training run = Training.start(config, prepared.all(), new Rng(config.seed()));
        // The training split's rows, seen through the indicator: where it is 0, the value is the raw one.
        double[] observed = Arrays.stream(run.train().points()).filter(p -> p[1] == 0).mapToDouble(p -> p[0]).toArray();
        double mean = Arrays.stream(observed).average().orElseThrow();
        assertThat(prepared.pipeline().steps().get(0).fill()).isEqualTo(mean);
        assertThat(run.train().size()).isEqualTo(40);
        assertThat(prepared.pipeline().names()).containsExactly("x", "missing(x)");
    }
}
