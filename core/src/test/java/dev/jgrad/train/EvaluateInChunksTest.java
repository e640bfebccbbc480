package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Engine;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.Model;
import dev.jgrad.nn.Network;
import dev.jgrad.optim.Adam;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Measuring a dataset a chunk at a time gives the whole batch's figures to the bit, with no flat copy of the set. */
class EvaluateInChunksTest {
    @ParameterizedTest
    @ValueSource(strings = {"scalar", "tensor"})
    void chunksGiveTheWholeBatchesBits(String engine) {
        Rng r = new Rng(3);
        Dataset data = Datasets.spiral(Learner.CHUNK * 2 + 123, 3, 0.2, r);
        Network n = Network.initialise(2, List.of(8, 3), Network.activations(2, Activation.TANH, Activation.LINEAR), Init.PYTORCH, r);
        Model model = Engine.CHOICES.parse(engine).build(n);
        Learner learner = new Learner(model, Loss.CROSS_ENTROPY, 1e-3, 1e-4, new Adam(model.trainable(), 0.01));
        Learner.Evaluation whole = learner.evaluate(data.batch()), chunks = learner.evaluate(data);
        assertThat(Double.doubleToRawLongBits(chunks.loss())).isEqualTo(Double.doubleToRawLongBits(whole.loss()));
        assertThat(chunks.accuracy()).isEqualTo(whole.accuracy());
        assertThat(learner.outputs(data)).containsExactly(model.outputs(data.batch()));
    }
}
