package dev.jgrad.nn;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Batch;
import dev.jgrad.engine.Value;
import dev.jgrad.loss.Loss;
import dev.jgrad.loss.Penalty;
import dev.jgrad.optim.Parameters;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-layer perceptron on the scalar engine: layers of neurons, each layer reading the one
 * before. Parameters are listed layer by layer, neuron by neuron, each neuron's weights then its
 * bias — the order of micrograd's {@code MLP.parameters()} and of PyTorch's {@code [W₁ rows…, b₁, …]}
 * read row-major.
 *
 * <pre>{@code
 * MLP model = new MLP(2, List.of(16, 16, 1), Activation.RELU, new Rng(1337));
 * }</pre>
 */
public final class MLP implements Model {
    private final int inputs;
    private final List<Layer> layers;
    private final List<Value> parameters;
    private final Parameters trainable;

    /**
     * Layers built from existing ones; each must read the previous one's outputs.
     *
     * @param inputs how many numbers a point has, ≥ 1
     * @param layers at least one, each reading the previous one's outputs
     * @throws IllegalArgumentException for no input or layer, or layers that do not fit
     */
    public MLP(int inputs, List<Layer> layers) {
        if (inputs < 1 || layers.isEmpty()) {
            throw new IllegalArgumentException("an MLP needs at least 1 input and 1 layer");
        }
        this.inputs = inputs;
        this.layers = List.copyOf(layers);
        List<Value> p = new ArrayList<>();
        int width = inputs;
        for (Layer layer : layers) {
            if (layer.inputs() != width) {
                throw new IllegalArgumentException("a layer of " + layer.inputs() + " inputs cannot follow " + width + " outputs");
            }
            width = layer.outputs();
            p.addAll(layer.parameters());
        }
        this.parameters = List.copyOf(p);
        this.trainable = Parameters.of(parameters);
    }

    /**
     * The network's architecture with a copy of its weights.
     *
     * @param network the architecture and weights; the weights are copied
     */
    public MLP(Network network) {
        this(network.inputs(), network.layers().stream().map(MLP::layer).toList());
    }

    /**
     * Layers of the given sizes, layer i applying {@code activations.get(i)}, weights drawn by
     * {@code init} from {@code random} in {@link Network#initialise}'s order.
     *
     * @param inputs how many numbers a point has
     * @param sizes each layer's neurons
     * @param activations each layer's activation
     * @param init how weights (and biases) are drawn
     * @param random the generator they are drawn from
     */
    public MLP(int inputs, List<Integer> sizes, List<Activation> activations, Init init, Rng random) {
        this(Network.initialise(inputs, sizes, activations, init, random));
    }

    /**
     * micrograd's MLP: {@code hidden} on every layer but the last, which is linear; weights uniform in [−1, 1).
     *
     * @param inputs how many numbers a point has
     * @param sizes each layer's neurons, the last being the outputs
     * @param hidden the hidden layers' activation
     * @param random the generator the weights are drawn from
     */
    public MLP(int inputs, List<Integer> sizes, Activation hidden, Rng random) {
        this(inputs, sizes, hidden, Activation.LINEAR, Init.UNIFORM, random);
    }

    /**
     * {@code hidden} on every layer but the last, which applies {@code output}.
     *
     * @param inputs how many numbers a point has
     * @param sizes each layer's neurons, the last being the outputs
     * @param hidden the hidden layers' activation
     * @param output the last layer's activation
     * @param init how weights (and biases) are drawn
     * @param random the generator they are drawn from
     */
    public MLP(int inputs, List<Integer> sizes, Activation hidden, Activation output, Init init, Rng random) {
        this(inputs, sizes, Network.activations(sizes.size(), hidden, output), init, random);
    }

    private static Layer layer(Network.Dense dense) {
        List<Neuron> neurons = new ArrayList<>(dense.outputs());
        for (int o = 0; o < dense.outputs(); o++) {
            neurons.add(new Neuron(dense.weights()[o], dense.biases()[o], dense.activation()));
        }
        return new Layer(neurons);
    }

    /**
     * The outputs as a graph over the inputs {@code x} (leaves or values of a larger graph).
     *
     * @param x one value per input
     * @return one graph node per output
     * @throws IllegalArgumentException for the wrong number of inputs
     */
    public List<Value> forward(List<Value> x) {
        if (x.size() != inputs) {
            throw new IllegalArgumentException("this MLP takes " + inputs + " inputs, got " + x.size());
        }
        for (Layer layer : layers) {
            x = layer.forward(x);
        }
        return x;
    }

    /**
     * The outputs as a graph over constant inputs.
     *
     * @param x one number per input
     * @return one graph node per output
     * @throws IllegalArgumentException for the wrong number of inputs
     */
    public List<Value> forward(double... x) {
        List<Value> in = new ArrayList<>(x.length);
        for (double v : x) {
            in.add(Value.of(v));
        }
        return forward(in);
    }

    /** The outputs for the inputs {@code x} from plain doubles: no graph, the same bits as {@link #forward}. */
    @Override
    public double[] predict(double... x) {
        if (x.length != inputs) {
            throw new IllegalArgumentException("this MLP takes " + inputs + " inputs, got " + x.length);
        }
        for (Layer layer : layers) {
            x = layer.forward(x);
        }
        return x;
    }

    /** One graph for the whole batch: every point's loss, their mean, the penalty; then backward. */
    @Override
    public double forwardBackward(Batch batch, Loss loss, Penalty penalty) {
        List<List<Value>> outputs = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            outputs.add(forward(batch.point(i)));
        }
        // Regression batches carry their targets; classification ones only their labels.
        Value data = batch.targets() != null ? loss.regressionMean(outputs, batch.targets()) : loss.mean(outputs, batch.labels(), batch.weights());
        Value total = penalty.addTo(data, parameters);
        total.backward();
        return total.data();
    }

    @Override
    public Network network() {
        List<Network.Dense> dense = new ArrayList<>(layers.size());
        for (Layer layer : layers) {
            int n = layer.outputs(), in = layer.inputs();
            double[][] w = new double[n][in];
            double[] b = new double[n];
            for (int o = 0; o < n; o++) {
                List<Value> p = layer.neurons().get(o).parameters();
                for (int i = 0; i < in; i++) {
                    w[o][i] = p.get(i).data();
                }
                b[o] = p.get(in).data();
            }
            dense.add(new Network.Dense(w, b, layer.activation()));
        }
        return new Network(inputs, dense);
    }

    @Override
    public Parameters trainable() {
        return trainable;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int outputs() {
        return layers.get(layers.size() - 1).outputs();
    }

    /** {@return the layers, input side first} */
    public List<Layer> layers() {
        return layers;
    }

    /**
     * The parameters as graph leaves, in the order above; the same list each call ({@link #trainable()} holds them too).
     *
     * @return the parameters
     */
    public List<Value> parameters() {
        return parameters;
    }

    /** For example {@code MLP 2 → 16 relu → 16 relu → 1 linear (337 parameters)}. */
    @Override
    public String toString() {
        return "MLP " + network();
    }
}
