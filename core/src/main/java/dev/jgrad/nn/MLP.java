package dev.jgrad.nn;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Scorer;
import dev.jgrad.engine.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-layer perceptron: layers of neurons, each layer reading the one before. Parameters are
 * listed layer by layer, neuron by neuron, each neuron's weights then its bias — the order of
 * micrograd's {@code MLP.parameters()} and of PyTorch's {@code [W₁ rows…, b₁, …]} read row-major.
 *
 * <pre>{@code
 * MLP model = new MLP(2, List.of(16, 16, 1), Activation.RELU, new Rng(1337));
 * }</pre>
 */
public final class MLP implements Module {
    private final int inputs;
    private final List<Layer> layers;
    private final List<Value> parameters;

    /** Layers built from existing ones (as a model file does); each must read the previous one's outputs. */
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
    }

    /**
     * Layers of the given sizes, layer i applying {@code activations.get(i)}, weights drawn by
     * {@code init} from {@code random} in parameter order, biases 0.
     */
    public MLP(int inputs, List<Integer> sizes, List<Activation> activations, Init init, Rng random) {
        this(inputs, build(inputs, sizes, activations, init, random));
    }

    /** micrograd's MLP: {@code hidden} on every layer but the last, which is linear; weights uniform in [−1, 1). */
    public MLP(int inputs, List<Integer> sizes, Activation hidden, Rng random) {
        this(inputs, sizes, hidden, Activation.LINEAR, Init.UNIFORM, random);
    }

    /** {@code hidden} on every layer but the last, which applies {@code output}. */
    public MLP(int inputs, List<Integer> sizes, Activation hidden, Activation output, Init init, Rng random) {
        this(inputs, sizes, activations(sizes.size(), hidden, output), init, random);
    }

    private static List<Activation> activations(int layers, Activation hidden, Activation output) {
        List<Activation> a = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            a.add(i == layers - 1 ? output : hidden);
        }
        return a;
    }

    private static List<Layer> build(int inputs, List<Integer> sizes, List<Activation> activations, Init init, Rng random) {
        if (sizes.size() != activations.size()) {
            throw new IllegalArgumentException(sizes.size() + " layer sizes but " + activations.size() + " activations");
        }
        List<Layer> layers = new ArrayList<>();
        int fanIn = inputs;
        for (int l = 0; l < sizes.size(); l++) {
            int fanOut = sizes.get(l);
            if (fanOut < 1) {
                throw new IllegalArgumentException("layer sizes must be at least 1, got " + sizes);
            }
            List<Neuron> neurons = new ArrayList<>();
            for (int n = 0; n < fanOut; n++) {
                double[] w = new double[fanIn];
                for (int i = 0; i < fanIn; i++) {
                    w[i] = init.draw(fanIn, fanOut, random);
                }
                neurons.add(new Neuron(w, 0, activations.get(l)));
            }
            layers.add(new Layer(neurons));
            fanIn = fanOut;
        }
        return layers;
    }

    /** The outputs as a graph over the inputs {@code x} (leaves or values of a larger graph). */
    public List<Value> forward(List<Value> x) {
        if (x.size() != inputs) {
            throw new IllegalArgumentException("this MLP takes " + inputs + " inputs, got " + x.size());
        }
        for (Layer layer : layers) {
            x = layer.forward(x);
        }
        return x;
    }

    /** The outputs as a graph over constant inputs. */
    public List<Value> forward(double... x) {
        List<Value> in = new ArrayList<>(x.length);
        for (double v : x) {
            in.add(Value.of(v));
        }
        return forward(in);
    }

    /** The outputs for the inputs {@code x} from plain doubles: no graph, the same bits as {@link #forward}. */
    public double[] predict(double... x) {
        if (x.length != inputs) {
            throw new IllegalArgumentException("this MLP takes " + inputs + " inputs, got " + x.length);
        }
        for (Layer layer : layers) {
            x = layer.forward(x);
        }
        return x;
    }

    /**
     * The first output at (x, y) minus {@code threshold}, as a {@link Scorer} for pictures: its 0
     * contour is the decision boundary of a model that says class 1 above the threshold (0 for
     * hinge and logits, 0.5 for squared error against 0/1). Needs 2 inputs.
     */
    public Scorer scorer(double threshold) {
        if (inputs != 2) {
            throw new IllegalStateException("a scorer needs a model of 2 inputs; this one takes " + inputs);
        }
        return (x, y) -> predict(x, y)[0] - threshold;
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return layers.get(layers.size() - 1).outputs();
    }

    public List<Layer> layers() {
        return layers;
    }

    @Override
    public List<Value> parameters() {
        return parameters;
    }

    /** For example {@code MLP 2 → 16 relu → 16 relu → 1 linear (337 parameters)}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("MLP ").append(inputs);
        for (Layer layer : layers) {
            s.append(" → ").append(layer.outputs()).append(' ').append(layer.activation().id());
        }
        return s.append(" (").append(parameters.size()).append(" parameters)").toString();
    }
}
