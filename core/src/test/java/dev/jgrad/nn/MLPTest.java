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
        assertThat(m.parameterCount()).isEqualTo(3 * 3 + 4);
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
        m.zeroGrad();
        assertThat(m.parameters()).allMatch(p -> p.grad() == 0);
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
        assertThatThrownBy(() -> Activation.CHOICES.parse("gelu")).hasMessage("unknown activation 'gelu'; expected one of tanh, relu, sigmoid, linear");
    }
}
