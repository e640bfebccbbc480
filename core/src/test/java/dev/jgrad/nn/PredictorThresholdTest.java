package dev.jgrad.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Scaler;
import dev.jgrad.loss.Loss;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PredictorThresholdTest {

    private static Predictor binary(Loss loss) {
        int outputs = loss.outputs(2);
        Network n = Network.initialise(2, List.of(outputs), List.of(Activation.LINEAR), Init.PYTORCH, new Rng(1));
        return new Predictor(Engine.SCALAR.build(n), Scaler.none(2), loss, List.of("no", "yes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bce", "cross-entropy"})
    void aHalfDecidesAsTheModelDoesAndAnyThresholdCutsTheProbabilityOfClassOne(String id) {
        Predictor p = binary(Loss.CHOICES.parse(id));
        Rng r = new Rng(7);
        int ones = 0;
        for (int i = 0; i < 500; i++) {
            double[] out = new double[p.model().outputs()];
            for (int k = 0; k < out.length; k++) {
                out[k] = i == 0 ? 0 : 6 * r.nextGaussian();
            }
            double p1 = p.loss().probabilities(out)[1];
            assertThat(p.classAt(0.5, out)).isEqualTo(p.loss().predict(out));
            for (double t : new double[] {0.1, 0.3, 0.9}) {
                if (Math.abs(p1 - t) > 1e-12) {
                    assertThat(p.classAt(t, out)).as("p=%s, t=%s", p1, t).isEqualTo(p1 > t ? 1 : 0);
                }
            }
            ones += p.classAt(0.3, out) - p.classAt(0.5, out);
        }
        assertThat(ones).as("a lower threshold calls more points class 1").isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mse", "hinge"})
    void aModelOfScoresHasNoProbabilityToCut(String id) {
        Predictor p = binary(Loss.CHOICES.parse(id));
        assertThatThrownBy(() -> p.classAt(0.3, new double[] {0.2})).isInstanceOf(IllegalStateException.class)
                .hasMessage("a decision threshold applies to a model of 2 classes with probabilities (bce or cross-entropy); "
                        + "this one has 2 classes and " + id + " loss");
        assertThatThrownBy(() -> binary(Loss.BCE).classAt(1, new double[] {0.2}))
                .hasMessage("a decision threshold is a probability in (0, 1), got 1.0");
    }
}
