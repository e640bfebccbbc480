package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Batch;
import dev.jgrad.data.Dataset;
import dev.jgrad.loss.Loss;
import dev.jgrad.loss.Penalty;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Engine;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.Model;
import dev.jgrad.nn.Network;
import dev.jgrad.nn.Layer;
import dev.jgrad.nn.MLP;
import dev.jgrad.nn.TensorMLP;
import dev.jgrad.optim.Adam;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The tensor engine against the scalar one: same weights and data → same loss, gradients and updates. */
class EnginesAgreeTest {
    static Stream<Arguments> setups() {
        List<Arguments> args = new ArrayList<>();
        for (Activation a : Activation.values()) {
            for (Loss l : Loss.values()) {
                args.add(Arguments.of(a, l, 7L));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} hidden, {1} loss, seed {2}")
    @MethodSource("setups")
    void bothEnginesGiveTheSameLossAndGradients(Activation hidden, Loss loss, long seed) {
        Rng rng = new Rng(seed);
        int classes = loss == Loss.CROSS_ENTROPY || loss == Loss.MSE ? 3 : 2;
        Dataset data = randomData(rng, 23, classes);
        List<Integer> sizes = List.of(5, 4, loss.outputs(classes));
        Network start = Network.initialise(2, sizes, Network.activations(3, hidden, Activation.TANH), Init.XAVIER, rng);
        MLP scalar = new MLP(start);
        TensorMLP tensor = new TensorMLP(start);
        Batch batch = data.batch();
        double l1 = 2e-3;
        double l2 = 1e-3;

        double s = scalar.forwardBackward(batch, loss, new Penalty(l1, l2));
        double t = tensor.forwardBackward(batch, loss, new Penalty(l1, l2));

        assertThat(t).isCloseTo(s, within(1e-12 * Math.abs(s)));
        double[] expected = scalarGradsInTensorOrder(scalar);
        double[] actual = new double[expected.length];
        tensor.trainable().readGrad(actual, 0);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("gradient %d", i).isCloseTo(expected[i], within(1e-12 * Math.max(1, Math.abs(expected[i]))));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void oneOptimizerDesignTrainsBothEnginesInStep(long seed) {
        Rng rng = new Rng(seed);
        Dataset data = randomData(rng, 40, 2);
        Network start = Network.initialise(2, List.of(8, 1), List.of(Activation.TANH, Activation.TANH), Init.UNIFORM, rng);
        Model scalar = Engine.SCALAR.build(start);
        Model tensor = Engine.TENSOR.build(start);
        Learner a = new Learner(scalar, Loss.MSE, 0, new Adam(scalar.trainable(), 0.01));
        Learner b = new Learner(tensor, Loss.MSE, 0, new Adam(tensor.trainable(), 0.01));
        Batch batch = data.batch();
        for (int step = 0; step < 20; step++) {
            double la = a.step(batch);
            double lb = b.step(batch);
            assertThat(lb).as("loss at step %d", step).isCloseTo(la, within(1e-12));
        }
        assertThat(b.evaluate(batch).accuracy()).isEqualTo(a.evaluate(batch).accuracy());
        assertThat(b.evaluate(batch).loss()).isCloseTo(a.evaluate(batch).loss(), within(1e-12));
        assertThat(tensor.scorer(Loss.MSE).score(0.3, -0.2)).isCloseTo(scalar.scorer(Loss.MSE).score(0.3, -0.2), within(1e-12));
        // Each engine reads its weights back into the one description; the other engine builds the same model from it.
        assertThat(new MLP(tensor.network()).predict(0.1, 0.2)[0]).isCloseTo(scalar.predict(0.1, 0.2)[0], within(1e-12));
        assertThat(Engine.TENSOR.build(scalar.network()).network().layers()).isEqualTo(scalar.network().layers());
    }

    static Stream<Long> seeds() {
        return Stream.of(1L, 2L, 3L);
    }

    /** The scalar model's gradients laid out as the tensor parameters: W (inputs × outputs), then b, per layer. */
    private static double[] scalarGradsInTensorOrder(MLP model) {
        List<Double> out = new ArrayList<>();
        for (Layer layer : model.layers()) {
            int in = layer.inputs(), n = layer.outputs();
            for (int i = 0; i < in; i++) {
                for (int o = 0; o < n; o++) {
                    out.add(layer.neurons().get(o).parameters().get(i).grad());
                }
            }
            for (int o = 0; o < n; o++) {
                out.add(layer.neurons().get(o).parameters().get(in).grad());
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Dataset randomData(Rng rng, int n, int classes) {
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {rng.nextDouble(-2, 2), rng.nextDouble(-2, 2)};
            y[i] = i % classes;
        }
        return new Dataset("random", x, y, classes);
    }
}
