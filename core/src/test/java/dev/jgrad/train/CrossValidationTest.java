package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.data.Scaling;
import dev.jgrad.nn.Activation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossValidationTest {
    private static final TrainingConfig CONFIG = TrainingConfig.builder().hidden(List.of(6)).activation(Activation.TANH).epochs(40)
            .build();

    @Test
    void everyPointIsTestedOncePerRepeatAndTheSeedFixesEveryScore() {
        Dataset data = Datasets.moons(60, 0.1, new Rng(5));
        List<CrossValidation.Fold> seen = new ArrayList<>();
        CrossValidation cv = CrossValidation.run(CONFIG, data, 3, 2, new Rng(7), seen::add);
        assertThat(seen).isEqualTo(cv.folds());
        assertThat(cv.folds()).extracting(f -> f.repeat() + "/" + f.fold()).containsExactly("1/1", "1/2", "1/3", "2/1", "2/2", "2/3");
        assertThat(cv.folds()).extracting(f -> f.test().points()).containsOnly(20L);
        // 40 points train each fold, less its fifth held out for validation
        assertThat(cv.folds()).extracting(CrossValidation.Fold::trainPoints).containsOnly(32);
        assertThat(cv.metric()).isEqualTo("accuracy");
        assertThat(cv.mean()).isGreaterThan(0.75);
        double[] s = cv.scores();
        double mean = Arrays.stream(s).average().orElseThrow();
        assertThat(cv.mean()).isCloseTo(mean, within(1e-15));
        assertThat(cv.std()).isCloseTo(Math.sqrt(Arrays.stream(s).map(x -> (x - mean) * (x - mean)).sum() / 6), within(1e-15));
        assertThat(s[0]).isEqualTo(cv.folds().get(0).test().accuracy());
        assertThat(CrossValidation.run(CONFIG, data, 3, 2, new Rng(7), f -> { }).folds()).isEqualTo(cv.folds());
        assertThat(CrossValidation.run(CONFIG, data, 3, 1, new Rng(8), f -> { }).scores()).isNotEqualTo(Arrays.copyOf(s, 3));
    }

    @Test
    void regressionIsScoredByRSquared() {
        Dataset data = Datasets.generate("sine", 80, 0.05, 0, new Rng(3));
        TrainingConfig config = TrainingConfig.builder().task(dev.jgrad.data.Task.REGRESSION).hidden(List.of(8))
                .activation(Activation.TANH).epochs(60).scaling(Scaling.STANDARD).build();
        CrossValidation cv = CrossValidation.run(config, data, 4, 1, new Rng(1), f -> { });
        assertThat(cv.metric()).isEqualTo("R²");
        assertThat(cv.folds()).hasSize(4);
        assertThat(cv.scores()[2]).isEqualTo(cv.folds().get(2).test().regression().r2());
    }
}
