package dev.jgrad.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The post's experiment lands where the post's did (FIGURES.md): more hidden neurons draw a better
 * circle. Bands, not digits, over a few seeds: the data and weights differ from the author's.
 */
class CircleExperimentTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void accuraciesLandInThePostsBands(long seed) {
        assertThat(CircleExperiment.run(1, seed).last().trainAccuracy()).isBetween(0.5, 0.7);
        assertThat(CircleExperiment.run(2, seed).last().trainAccuracy()).isBetween(0.7, 0.8);
        assertThat(CircleExperiment.run(3, seed).last().trainAccuracy()).isGreaterThanOrEqualTo(0.9);
        CircleExperiment.Run nine = CircleExperiment.run(9, seed);
        assertThat(nine.last().trainAccuracy()).isGreaterThanOrEqualTo(0.9);
        assertThat(nine.last().valAccuracy()).isGreaterThanOrEqualTo(0.9);
        assertThat(nine.history()).hasSize(CircleExperiment.EPOCHS);
        assertThat(nine.train().size()).isEqualTo(300);
        assertThat(nine.validation().size()).isEqualTo(150);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void theNineNeuronScorerSaysInsideAtTheCentreAndOutsideAtTheCorners(long seed) {
        CircleExperiment.Run nine = CircleExperiment.run(9, seed);
        assertThat(nine.scorer().score(0, 0)).isPositive();
        assertThat(nine.scorer().score(1.2, 1.2)).isNegative();
        assertThat(nine.scorer().score(-1.2, -1.2)).isNegative();
    }
}
