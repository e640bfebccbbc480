package dev.jgrad.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.jgrad.loss.Loss;

import dev.jgrad.base.Rng;
import dev.jgrad.engine.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MLPTest {

    @Test
    void parametersAreListedLayerByLayerNeuronByNeuronWeightsThenBias() {
        MLP m = new MLP(2, List.of(3, 1), Activation.TANH, new Rng(1));
        assertThat(m.parameters()).hasSize(3 * 3 + 4);
        Neuron first = m.layers().get(0).neurons().get(0);
        assertThat(m.parameters().subList(0, 3)).containsExactlyElementsOf(first.parameters());
        assertThat(m.parameters().get(2).data()).isZero();
        assertThat(m.parameters()).isSameAs(m.parameters());
        assertThat(m).hasToString("MLP 2 → 3 tanh → 1 linear (13 parameters)");
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void scoringWithoutAGraphGivesTheSameBitsAsTheGraph(Activation hidden) {
        Rng r = new Rng(hidden.ordinal());
        MLP m = new MLP(2, List.of(8, 8, 2), hidden, Activation.SIGMOID, Init.XAVIER, r);
        for (int i = 0; i < 50; i++) {
            double x = r.nextDouble(-3, 3);
            double y = r.nextDouble(-3, 3);
            List<Value> graph = m.forward(x, y);
            double[] plain = m.predict(x, y);
            assertThat(plain).containsExactly(graph.get(0).data(), graph.get(1).data());
        }
    }

    @Test
    void aModelsGraphReachesEveryParameter() {
        MLP m = new MLP(2, List.of(4, 4, 1), Activation.TANH, Activation.LINEAR, Init.HE, new Rng(3));
        m.forward(0.3, -0.7).get(0).backward();
        assertThat(m.parameters()).allMatch(p -> p.grad() != 0);
        m.trainable().zeroGrad();
        assertThat(m.parameters()).allMatch(p -> p.grad() == 0);
    }

    /** PyTorch's nn.Linear: the layer's weights, then its biases, all within ±1/√fan-in; the bound shrinks with fan-in. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 4, 25, 400})
    void pytorchsInitDrawsWeightsThenBiasesWithinOneOverRootFanIn(int fanIn) {
        Network n = Network.initialise(fanIn, List.of(3, 2), List.of(Activation.TANH, Activation.LINEAR), Init.PYTORCH, new Rng(fanIn));
        Rng r = new Rng(fanIn);
        double bound = 1 / Math.sqrt(fanIn);
        Network.Dense first = n.layers().get(0);
        for (double[] neuron : first.weights()) {
            for (double w : neuron) {
                assertThat(w).isEqualTo(r.nextDouble(-bound, bound));
            }
        }
        for (double b : first.biases()) {
            assertThat(b).isEqualTo(r.nextDouble(-bound, bound)).isNotZero();
        }
        assertThat(n.layers().get(1).weights()[0][0]).isEqualTo(r.nextDouble(-1 / Math.sqrt(3), 1 / Math.sqrt(3)));
    }

    @Test
    void onlyPytorchsInitDrawsBiasesSoMicrogradsNetworksStayAsTheyWere() {
        for (Init init : Init.values()) {
            Network n = Network.initialise(2, List.of(4, 1), List.of(Activation.TANH, Activation.TANH), init, new Rng(5));
            boolean zero = java.util.Arrays.stream(n.layers().get(0).biases()).allMatch(b -> b == 0);
            assertThat(zero).as(init.id()).isEqualTo(!init.drawsBiases());
        }
        Network uniform = Network.initialise(2, List.of(2, 1), List.of(Activation.TANH, Activation.TANH), Init.UNIFORM, new Rng(5));
        Rng r = new Rng(5);
        double[] expected = {r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble(-1, 1)};
        assertThat(new double[] {uniform.layers().get(0).weights()[0][0], uniform.layers().get(0).weights()[0][1],
            uniform.layers().get(0).weights()[1][0], uniform.layers().get(0).weights()[1][1], uniform.layers().get(1).weights()[0][0]})
                .containsExactly(expected);
    }

    @Test
    void initsDrawWithinTheirBounds() {
        Rng r = new Rng(4);
        for (int i = 0; i < 1000; i++) {
            assertThat(Math.abs(Init.UNIFORM.draw(100, 10, r))).isLessThanOrEqualTo(1);
            assertThat(Math.abs(Init.XAVIER.draw(100, 50, r))).isLessThanOrEqualTo(Math.sqrt(6.0 / 150));
            assertThat(Math.abs(Init.HE.draw(24, 50, r))).isLessThanOrEqualTo(0.5);
        }
    }

    @Test
    void theSameSeedBuildsTheSameWeights() {
        MLP a = new MLP(2, List.of(5, 1), Activation.TANH, new Rng(9));
        MLP b = new MLP(2, List.of(5, 1), Activation.TANH, new Rng(9));
        assertThat(a.parameters().stream().mapToDouble(Value::data).toArray())
                .containsExactly(b.parameters().stream().mapToDouble(Value::data).toArray());
    }

    @Test
    void theScorerIsTheLossMarginOfTheOutputs() {
        MLP m = new MLP(2, List.of(3, 1), Activation.TANH, new Rng(2));
        assertThat(m.scorer(Loss.MSE).score(0.1, 0.2)).isEqualTo(m.predict(0.1, 0.2)[0] - 0.5);
        assertThat(m.scorer(Loss.BCE).score(0.1, 0.2)).isEqualTo(m.predict(0.1, 0.2)[0]);
        MLP three = new MLP(3, List.of(1), Activation.TANH, new Rng(2));
        assertThatThrownBy(() -> three.scorer(Loss.MSE)).hasMessageContaining("2 inputs");
    }

    @Test
    void wrongShapesAreRefused() {
        MLP m = new MLP(2, List.of(3, 1), Activation.TANH, new Rng(2));
        assertThatThrownBy(() -> m.predict(1, 2, 3)).hasMessage("this MLP takes 2 inputs, got 3");
        assertThatThrownBy(() -> new MLP(2, List.of(3, 0), Activation.TANH, new Rng(2))).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Activation.CHOICES.parse("gelu")).hasMessage("unknown activation 'gelu' (did you mean relu?); expected one of tanh, relu, sigmoid, linear");
    }
}
