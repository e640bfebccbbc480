package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.engine.Value;
import dev.jgrad.io.Json;
import dev.jgrad.loss.Losses;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Layer;
import dev.jgrad.nn.MLP;
import dev.jgrad.nn.Neuron;
import dev.jgrad.nn.TensorMLP;
import dev.jgrad.optim.Parameters;
import dev.jgrad.tensor.Tensor;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.optim.Schedule;
import dev.jgrad.optim.Sgd;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End to end against PyTorch: the same data and starting weights (shared/bench/workloads), the same
 * full-batch steps, and the loss before each step must match {@code torch_float64_loss_by_step}.
 * This checks forward, backward, the losses and SGD with its schedule at once.
 */
class WorkloadsTest {

    @ParameterizedTest(name = "{0}, {1} steps")
    @CsvSource({"circle-9, 500", "circle-9x9, 60", "moons-16x16, 100", "circle-64x64, 2"})
    void scalarEngineReproducesPyTorchLossByStep(String name, int steps) throws IOException {
        Map<?, ?> w = load(name);
        double[][] x = matrix(w.get("x"));
        double[] y = vector(w.get("y"));
        MLP model = model(w);
        boolean moons = "moons".equals(w.get("kind"));
        Optimizer sgd = moons ? new Sgd(model.trainable(), 1.0).schedule(Schedule.linear(0.1, 100))
                : new Sgd(model.trainable(), (Double) w.get("lr"));
        double[] torch = vector(w.get("torch_float64_loss_by_step"));
        for (int k = 0; k < steps; k++) {
            List<Value> out = new ArrayList<>(x.length);
            for (double[] point : x) {
                out.add(model.forward(point).get(0));
            }
            Value loss = moons ? Losses.hinge(out, y).add(Losses.l2(model.parameters(), (Double) w.get("l2")))
                    : Losses.mse(out, y);
            assertThat(loss.data()).as("%s loss before step %d", name, k).isCloseTo(torch[k], within(1e-9 * Math.abs(torch[k])));
            sgd.zeroGrad();
            loss.backward();
            sgd.step();
        }
    }

    @ParameterizedTest(name = "{0}, {1} steps")
    @CsvSource({"circle-9, 500", "circle-9x9, 500", "moons-16x16, 100", "circle-64x64, 500"})
    void tensorEngineReproducesPyTorchLossByStep(String name, int steps) throws IOException {
        Map<?, ?> w = load(name);
        double[][] x = matrix(w.get("x"));
        double[] y = vector(w.get("y"));
        TensorMLP model = new TensorMLP(model(w).network());
        boolean moons = "moons".equals(w.get("kind"));
        Parameters p = model.trainable();
        Optimizer sgd = moons ? new Sgd(p, 1.0).schedule(Schedule.linear(0.1, 100)) : new Sgd(p, (Double) w.get("lr"));
        double[] torch = vector(w.get("torch_float64_loss_by_step"));
        Tensor points = Tensor.of(x), labels = Tensor.of(y, y.length, 1);
        for (int k = 0; k < Math.min(steps, torch.length); k++) {
            Tensor out = model.forward(points);
            Tensor loss = moons ? out.mul(labels.neg()).add(1).relu().mean().add(l2(model, (Double) w.get("l2")))
                    : out.mse(labels);
            assertThat(loss.item()).as("%s loss before step %d", name, k).isCloseTo(torch[k], within(1e-9 * Math.abs(torch[k])));
            sgd.zeroGrad();
            loss.backward();
            sgd.step();
        }
    }

    private static Tensor l2(TensorMLP model, double alpha) {
        Tensor sum = Tensor.scalar(0);
        for (Tensor t : model.parameters()) {
            sum = sum.add(t.square().sum());
        }
        return sum.mul(alpha);
    }

    private static MLP model(Map<?, ?> w) {
        Activation hidden = Activation.CHOICES.parse((String) w.get("hidden_activation"));
        Activation output = Activation.CHOICES.parse((String) w.get("output_activation"));
        List<?> saved = (List<?>) w.get("layers");
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < saved.size(); l++) {
            Map<?, ?> layer = (Map<?, ?>) saved.get(l);
            double[][] weights = matrix(layer.get("w"));
            double[] biases = vector(layer.get("b"));
            List<Neuron> neurons = new ArrayList<>();
            for (int n = 0; n < weights.length; n++) {
                neurons.add(new Neuron(weights[n], biases[n], l == saved.size() - 1 ? output : hidden));
            }
            layers.add(new Layer(neurons));
        }
        return new MLP(layers.get(0).inputs(), layers);
    }

    static Map<?, ?> load(String name) throws IOException {
        try (InputStream in = WorkloadsTest.class.getResourceAsStream("/workloads/" + name + ".json")) {
            return (Map<?, ?>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static double[][] matrix(Object rows) {
        return ((List<?>) rows).stream().map(WorkloadsTest::vector).toArray(double[][]::new);
    }

    static double[] vector(Object row) {
        return ((List<?>) row).stream().mapToDouble(v -> (Double) v).toArray();
    }
}
