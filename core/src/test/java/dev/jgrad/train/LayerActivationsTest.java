package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.base.InvalidSetting;
import dev.jgrad.base.Rng;
import dev.jgrad.data.Datasets;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Network;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An activation per hidden layer: the network gets them in order; one activation still means every layer. */
class LayerActivationsTest {
    private static Network start(TrainingConfig.Builder b) {
        TrainingConfig c = b.hidden(List.of(4, 3, 2)).build();
        return Training.draw(c, Datasets.circle(40, 0, new Rng(1)), 2, new Rng(2)).start();
    }

    private static List<Activation> of(Network n) {
        return n.layers().stream().map(Network.Dense::activation).toList();
    }

    @Test
    void eachHiddenLayerGetsItsOwnActivationAndTheOutputItsOwn() {
        Network n = start(TrainingConfig.builder().activations(List.of(Activation.TANH, Activation.RELU, Activation.SIGMOID)));
        assertThat(of(n)).containsExactly(Activation.TANH, Activation.RELU, Activation.SIGMOID, Activation.LINEAR);
    }

    @Test
    void oneActivationIsEveryHiddenLayersAsBefore() {
        Network one = start(TrainingConfig.builder().activations(List.of(Activation.TANH)));
        Network before = start(TrainingConfig.builder().activation(Activation.TANH));
        assertThat(one).isEqualTo(before);
        assertThat(of(one)).containsExactly(Activation.TANH, Activation.TANH, Activation.TANH, Activation.LINEAR);
    }

    @Test
    void aCountThatIsNeitherOneNorTheLayersIsRefusedByName() {
        assertThatThrownBy(() -> TrainingConfig.builder().hidden(List.of(4, 3, 2)).activations(List.of(Activation.TANH, Activation.RELU)).build())
                .isInstanceOf(InvalidSetting.class).hasMessageContaining("2 activations for 3 hidden layers");
    }
}
