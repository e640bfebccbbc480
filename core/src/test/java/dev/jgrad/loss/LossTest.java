package dev.jgrad.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.base.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LossTest {
    /** Logits from ±1e-3 to ±1e3: probabilities are finite, in [0, 1], sum to 1, and pick the predicted class. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void probabilitiesSumToOneAndAgreeWithThePrediction(long seed) {
        Rng r = new Rng(seed);
        for (int i = 0; i < 200; i++) {
            double scale = Math.pow(10, r.nextDouble(-3, 3));
            double[] logits = new double[2 + r.nextInt(5)];
            for (int k = 0; k < logits.length; k++) {
                logits[k] = scale * r.nextGaussian();
            }
            double[] p = Loss.CROSS_ENTROPY.probabilities(logits);
            assertThat(java.util.Arrays.stream(p).allMatch(v -> v >= 0 && v <= 1)).isTrue();
            assertThat(java.util.Arrays.stream(p).sum()).isCloseTo(1, within(1e-12));
            assertThat(argmax(p)).isEqualTo(Loss.CROSS_ENTROPY.predict(logits));
            double[] b = Loss.BCE.probabilities(new double[] {logits[0]});
            assertThat(b[0] + b[1]).isCloseTo(1, within(1e-15));
            assertThat(b[1] > 0.5).isEqualTo(Loss.BCE.predict(new double[] {logits[0]}) == 1);
        }
    }

    @Test
    void probabilitiesAreTheSigmoidAndTheSoftmax() {
        assertThat(Loss.BCE.probabilities(new double[] {0})).containsExactly(0.5, 0.5);
        assertThat(Loss.BCE.probabilities(new double[] {Math.log(3)})[1]).isCloseTo(0.75, within(1e-15));
        assertThat(Loss.BCE.probabilities(new double[] {-700})[1]).isPositive();
        // 1000 + ln 3 is rounded to 1000's ulp (1e-13): that, not the softmax, limits the match
        double[] p = Loss.CROSS_ENTROPY.probabilities(new double[] {1000, 1000 + Math.log(3)});
        assertThat(p[0]).isCloseTo(0.25, within(1e-12));
        assertThat(p[1]).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void mseAndHingeGiveScoresNotProbabilities() {
        assertThat(Loss.MSE.givesProbabilities()).isFalse();
        assertThat(Loss.HINGE.givesProbabilities()).isFalse();
        assertThatThrownBy(() -> Loss.HINGE.probabilities(new double[] {1})).hasMessage("hinge loss gives scores, not probabilities");
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            best = p[k] > p[best] ? k : best;
        }
        return best;
    }
}
