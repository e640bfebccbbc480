package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.data.Scaling;
import dev.jgrad.nn.Engine;
import dev.jgrad.tensor.DType;
import java.lang.ref.WeakReference;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Training#withoutUnscaledPoints}: the run lets go of the points it started from (the CLI's Fashion-MNIST
 * training held them beside the scaled ones, a third of its heap) and trains, measures and scales new points as
 * before, to the bit.
 */
class UnscaledPointsTest {

    private static TrainingConfig config(long seed, DType dtype, double validation) {
        return TrainingConfig.builder().seed(seed).epochs(3).hidden(List.of(8)).batchSize(16).validation(validation)
                .scaling(Scaling.STANDARD).engine(Engine.TENSOR).dtype(dtype).build();
    }

    @ParameterizedTest(name = "seed {0}, {1}, validation {2}")
    @CsvSource({"1, FLOAT64, 0", "2, FLOAT32, 0.25", "3, FLOAT64, 0.25"})
    void aRunWithoutItsUnscaledPointsTrainsAndMeasuresToTheSameBits(long seed, DType dtype, double validation) {
        Dataset data = Datasets.spiral(60, 3, 0.2, new Rng(seed)), test = Datasets.spiral(20, 3, 0.2, new Rng(seed + 10));
        TrainingConfig config = config(seed, dtype, validation);
        Training kept = Training.start(config, data, new Rng(seed));
        Training bare = Training.start(config, data, new Rng(seed)).withoutUnscaledPoints();

        kept.fit();
        bare.fit();

        assertThat(bare.model().network()).isEqualTo(kept.model().network());
        Measurement a = kept.measure("test", kept.scaled(test)), b = bare.measure("test", bare.scaled(test));
        assertThat(Double.doubleToRawLongBits(b.loss())).isEqualTo(Double.doubleToRawLongBits(a.loss()));
        assertThat(b.classification().accuracy()).isEqualTo(a.classification().accuracy());
        assertThat(bare.scaled(test).points()).isDeepEqualTo(kept.scaled(test).points());
    }

    @Test
    void theSplitKeepsItsIndicesNamesAndClassesButNoPoints() {
        Dataset data = Datasets.spiral(40, 3, 0.2, new Rng(4));
        Training kept = Training.start(config(4, DType.FLOAT64, 0.25), data, new Rng(4));
        Dataset.Split before = kept.draw().split(), after = kept.withoutUnscaledPoints().draw().split();

        assertThat(before.train().size()).isPositive();
        assertThat(after.train().size()).isZero();
        assertThat(after.validation().size()).isZero();
        assertThat(after.trainIndices()).containsExactly(before.trainIndices());
        assertThat(after.validationIndices()).containsExactly(before.validationIndices());
        assertThat(after.train().name()).isEqualTo(before.train().name());
        assertThat(after.train().classNames()).isEqualTo(before.train().classNames());
        assertThat(kept.withoutUnscaledPoints().train()).isSameAs(kept.train());
    }

    @Test
    void theUnscaledRowsCanBeCollectedOnceTheCallerDropsThem() throws InterruptedException {
        Dataset data = Datasets.spiral(50, 3, 0.2, new Rng(5));
        WeakReference<double[]> row = new WeakReference<>(data.points()[0]);
        Training bare = Training.start(config(5, DType.FLOAT64, 0.2), data, new Rng(5)).withoutUnscaledPoints();
        data = null;
        for (int i = 0; i < 20 && row.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(row.get()).as("a row of the data the run started from").isNull();
        assertThat(bare.train().size()).isEqualTo(40);
    }
}
