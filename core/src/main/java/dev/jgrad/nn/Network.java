package dev.jgrad.nn;

import dev.jgrad.base.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A network as numbers, apart from any engine: how many inputs it reads and, layer by layer, each
 * neuron's weights and bias and the layer's activation. Either engine builds a model from it
 * ({@code new MLP(network)}, {@code new TensorMLP(network)}) and reads its trained weights back into
 * one ({@link Model#network()}); a model file saves one. The arrays are shared, not copied: treat
 * them as read-only.
 *
 * <pre>{@code
 * Network start = Network.initialise(2, List.of(16, 16, 1), List.of(RELU, RELU, LINEAR), Init.UNIFORM, new Rng(1337));
 * Model model = Engine.TENSOR.build(start);
 * }</pre>
 *
 * @param inputs how many numbers a point has, ≥ 1
 * @param layers the layers, input side first, each reading the previous one's outputs
 */
public record Network(int inputs, List<Dense> layers) {

    /**
     * This network as a model that predicts and never trains: plain loops in the scalar engine's
     * order, the same bits as {@code new MLP(this).predict(x)} with no {@code Value} per weight.
     *
     * @return a predicting model; its forwardBackward refuses
     */
    public Model frozen() {
        return new Frozen(this);
    }

    /**
     * One layer: {@code weights[o][i]} is neuron o's weight for input i, {@code biases[o]} its bias.
     *
     * @param weights one row per neuron, all as long as the inputs
     * @param biases one per neuron
     * @param activation what every neuron applies
     */
    public record Dense(double[][] weights, double[] biases, Activation activation) {
        /**
         * Refuses rows of different lengths, a bias count other than the neurons', and no activation.
         *
         * @param weights one row per neuron, all as long as the inputs
         * @param biases one per neuron
         * @param activation what every neuron applies
         */
        public Dense {
            if (weights.length == 0 || weights.length != biases.length) {
                throw new IllegalArgumentException("a layer needs as many biases as neurons (at least 1), got "
                        + weights.length + " neurons and " + biases.length + " biases");
            }
            for (int o = 0; o < weights.length; o++) {
                if (weights[o].length != weights[0].length) {
                    throw new IllegalArgumentException("neuron " + o + " has " + weights[o].length
                            + " weights, neuron 0 has " + weights[0].length);
                }
            }
            if (activation == null) {
                throw new IllegalArgumentException("a layer needs an activation");
            }
        }

        /** {@return how many inputs each neuron weighs} */
        public int inputs() {
            return weights[0].length;
        }

        /** {@return how many neurons, one output each} */
        public int outputs() {
            return weights.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Dense d && activation == d.activation && Arrays.deepEquals(weights, d.weights)
                    && Arrays.equals(biases, d.biases);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.deepHashCode(weights) + Arrays.hashCode(biases)) + activation.hashCode();
        }

        @Override
        public String toString() {
            return inputs() + " → " + outputs() + " " + activation.id();
        }
    }

    /**
     * Refuses no input, no layer, and layers that do not read the previous one's outputs.
     *
     * @param inputs how many numbers a point has, ≥ 1
     * @param layers the layers, input side first
     */
    public Network {
        if (inputs < 1 || layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least 1 input and 1 layer");
        }
        layers = List.copyOf(layers);
        int width = inputs;
        for (Dense layer : layers) {
            if (layer.inputs() != width) {
                throw new IllegalArgumentException("a layer of " + layer.inputs() + " inputs cannot follow " + width + " outputs");
            }
            width = layer.outputs();
        }
    }

    /**
     * Layers of the given sizes, layer l applying {@code activations.get(l)}, drawn by {@code init}
     * from {@code random} layer by layer: first the layer's weights, neuron by neuron, input by input
     * (the order of micrograd's parameters), then, if the init draws biases, the layer's biases in
     * neuron order (PyTorch's order: {@code nn.Linear} initialises weight, then bias). So a seed
     * gives the same network whichever engine runs it.
     *
     * @param inputs how many numbers a point has, ≥ 1
     * @param sizes each layer's neurons, each ≥ 1
     * @param activations each layer's activation, one per size
     * @param init how weights (and biases) are drawn
     * @param random the generator they are drawn from
     * @return the network
     */
    public static Network initialise(int inputs, List<Integer> sizes, List<Activation> activations, Init init, Rng random) {
        if (sizes.size() != activations.size()) {
            throw new IllegalArgumentException(sizes.size() + " layer sizes but " + activations.size() + " activations");
        }
        if (inputs < 1) {
            throw new IllegalArgumentException("a network needs at least 1 input, got " + inputs);
        }
        List<Dense> layers = new ArrayList<>();
        int fanIn = inputs;
        for (int l = 0; l < sizes.size(); l++) {
            int fanOut = sizes.get(l);
            if (fanOut < 1) {
                throw new IllegalArgumentException("layer sizes must be at least 1, got " + sizes);
            }
            double[][] w = new double[fanOut][fanIn];
            for (double[] neuron : w) {
                for (int i = 0; i < fanIn; i++) {
                    neuron[i] = init.draw(fanIn, fanOut, random);
                }
            }
            double[] b = new double[fanOut];
            for (int o = 0; o < fanOut; o++) {
                b[o] = init.bias(fanIn, random);
            }
            layers.add(new Dense(w, b, activations.get(l)));
            fanIn = fanOut;
        }
        return new Network(inputs, layers);
    }

    /**
     * {@code hidden} on every layer but the last, which applies {@code output}.
     *
     * @param layers how many layers
     * @param hidden the activation of all but the last
     * @param output the last one's
     * @return one activation per layer
     */
    public static List<Activation> activations(int layers, Activation hidden, Activation output) {
        List<Activation> a = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            a.add(i == layers - 1 ? output : hidden);
        }
        return a;
    }

    /** {@return the last layer's outputs} */
    public int outputs() {
        return layers.get(layers.size() - 1).outputs();
    }

    /** {@return how many numbers training adjusts: every weight and bias} */
    public int parameterCount() {
        int n = 0;
        for (Dense d : layers) {
            n += d.outputs() * (d.inputs() + 1);
        }
        return n;
    }

    /** For example {@code 2 → 16 relu → 16 relu → 1 linear (337 parameters)}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(inputs);
        for (Dense layer : layers) {
            s.append(" → ").append(layer.outputs()).append(' ').append(layer.activation().id());
        }
        return s.append(" (").append(parameterCount()).append(" parameters)").toString();
    }
}
