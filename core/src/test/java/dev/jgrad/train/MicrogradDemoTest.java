package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.MLP;
import dev.jgrad.optim.Schedule;
import dev.jgrad.optim.Sgd;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * micrograd's demo.ipynb: 100 moons with noise 0.1, a 2-16-16-1 ReLU net, hinge loss + 1e-4·Σp²,
 * 100 full-batch SGD steps with learning rate 1.0 − 0.9·k/100: it separates the training set.
 */
class MicrogradDemoTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void theMoonsDemoReachesFullTrainingAccuracy(long seed) {
        Rng random = new Rng(seed);
        Dataset moons = Datasets.moons(100, 0.1, random.split());
        MLP model = new MLP(2, List.of(16, 16, 1), Activation.RELU, random.split());
        Sgd sgd = new Sgd(model.trainable(), 1.0);
        sgd.schedule(Schedule.linear(0.1, 100));
        List<EpochMetrics> history = new Trainer(100).batchSize(Trainer.FULL_BATCH)
                .fit(new Learner(model, Loss.HINGE, 1e-4, sgd), moons, null);
        assertThat(history).hasSize(100);
        assertThat(history.get(99).trainAccuracy()).isEqualTo(1.0);
        assertThat(history.get(99).trainLoss()).isLessThan(history.get(0).trainLoss());
        assertThat(history.get(99).hasValidation()).isFalse();
    }
}
