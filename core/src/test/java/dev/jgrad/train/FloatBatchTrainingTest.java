package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.data.Scaler;
import dev.jgrad.data.Shuffle;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.Network;
import dev.jgrad.nn.TensorMLP;
import dev.jgrad.optim.Adam;
import dev.jgrad.tensor.DType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trainer gathers a float32 model's batches in float32 (from the points rounded once): the weights must be
 * the bits of the float64 batches the model rounded itself, step after step, including the last, smaller batch.
 */
class FloatBatchTrainingTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aClassifierTrainsToTheBitsOfRoundingEachBatch(long seed) {
        Dataset data = Datasets.spiral(97, 3, 0.2, new Rng(seed));
        double[] classWeights = seed == 3 ? new double[] {1, 2, 0.5} : null;
        assertThat(trained(data, Loss.CROSS_ENTROPY, seed, true, classWeights))
                .containsExactly(trained(data, Loss.CROSS_ENTROPY, seed, false, classWeights));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void aRegressorTrainsToTheBitsOfRoundingEachBatch(long seed) {
        Dataset data = Datasets.sine(53, 0.1, new Rng(seed));
        assertThat(trained(data, Loss.MSE, seed, true, null)).containsExactly(trained(data, Loss.MSE, seed, false, null));
    }

    /** Three epochs of batches of 10 through the trainer, or by hand from float64 batches in the trainer's order. */
    private static double[] trained(Dataset data, Loss loss, long seed, boolean trainer, double[] classWeights) {
        int outputs = loss == Loss.MSE ? 1 : data.classes();
        TensorMLP model = new TensorMLP(Network.initialise(data.features(), List.of(16, outputs),
                Network.activations(2, Activation.RELU, Activation.LINEAR), Init.PYTORCH, new Rng(seed + 10)), DType.FLOAT32);
        Learner learner = new Learner(model, loss, 0, 1e-4, new Adam(model.trainable(), 0.01),
                loss == Loss.MSE ? Scaler.none(1) : null, classWeights);
        if (trainer) {
            new Trainer(3).batchSize(10).seed(seed).fit(learner, data, null);
        } else {
            Rng random = new Rng(seed);
            int[] order = new int[data.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int epoch = 0; epoch < 3; epoch++) {
                Shuffle.shuffle(order, random);
                for (int from = 0; from < order.length; from += 10) {
                    learner.step(data.batch(order, from, Math.min(order.length, from + 10)));
                }
            }
        }
        double[] weights = new double[model.trainable().size()];
        model.trainable().readData(weights, 0);
        return weights;
    }
}
