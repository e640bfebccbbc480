package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.engine.Value;
import dev.jgrad.loss.Loss;
import dev.jgrad.loss.Losses;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.Layer;
import dev.jgrad.nn.MLP;
import dev.jgrad.nn.TensorMLP;
import dev.jgrad.optim.Adam;
import dev.jgrad.optim.Sgd;
import dev.jgrad.optim.Trainable;
import dev.jgrad.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The tensor engine against the scalar one: same weights and data → same loss, gradients and updates. */
class TensorLearnerTest {
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
        MLP scalar = new MLP(2, List.of(5, 4, loss.outputs(classes)), hidden, Activation.TANH, Init.XAVIER, rng);
        TensorMLP tensor = new TensorMLP(scalar);
        int[] order = identity(data.size());
        double l2 = 1e-3;

        Value s = Losses.batch(loss, scalar, data, order, 0, data.size()).add(Losses.l2(scalar.parameters(), l2));
        s.backward();
        TensorLearner learner = new TensorLearner(tensor, loss, l2, new Sgd(Trainable.ofTensors(tensor.parameters()), 0.1));
        Tensor t = learner.loss(data, order, 0, data.size());
        t.backward();

        assertThat(t.item()).isCloseTo(s.data(), within(1e-12 * Math.abs(s.data())));
        double[] expected = scalarGradsInTensorOrder(scalar);
        double[] actual = new double[expected.length];
        Trainable.ofTensors(tensor.parameters()).readGrad(actual, 0);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("gradient %d", i).isCloseTo(expected[i], within(1e-12 * Math.max(1, Math.abs(expected[i]))));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void oneOptimizerDesignTrainsBothEnginesInStep(long seed) {
        Rng rng = new Rng(seed);
        Dataset data = randomData(rng, 40, 2);
        MLP scalar = new MLP(2, List.of(8, 1), Activation.TANH, Activation.TANH, Init.UNIFORM, rng);
        TensorMLP tensor = new TensorMLP(scalar);
        ScalarLearner a = new ScalarLearner(scalar, Loss.MSE, 0, new Adam(scalar.parameters(), 0.01));
        TensorLearner b = new TensorLearner(tensor, Loss.MSE, 0, new Adam(Trainable.ofTensors(tensor.parameters()), 0.01));
        int[] order = identity(data.size());
        for (int step = 0; step < 20; step++) {
            double la = a.step(data, order, 0, data.size());
            double lb = b.step(data, order, 0, data.size());
            assertThat(lb).as("loss at step %d", step).isCloseTo(la, within(1e-12));
        }
        assertThat(b.evaluate(data).accuracy()).isEqualTo(a.evaluate(data).accuracy());
        assertThat(b.scorer().score(0.3, -0.2)).isCloseTo(a.scorer().score(0.3, -0.2), within(1e-12));
        assertThat(tensor.toMLP().predict(0.1, 0.2)[0]).isCloseTo(scalar.predict(0.1, 0.2)[0], within(1e-12));
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

    private static int[] identity(int n) {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        return o;
    }
}
