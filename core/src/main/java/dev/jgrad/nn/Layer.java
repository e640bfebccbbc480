package dev.jgrad.nn;

import dev.jgrad.engine.Value;
import java.util.ArrayList;
import java.util.List;

/** Neurons that read the same inputs. Parameters neuron by neuron, each neuron's in its own order. */
public final class Layer {
    private final List<Neuron> neurons;
    private final List<Value> parameters;

    /**
     * A layer of existing neurons, which keep their parameters.
     *
     * @param neurons at least one, all with the same number of inputs and the same activation
     * @throws IllegalArgumentException for none, or neurons that differ
     */
    public Layer(List<Neuron> neurons) {
        if (neurons.isEmpty()) {
            throw new IllegalArgumentException("a layer needs at least one neuron");
        }
        this.neurons = List.copyOf(neurons);
        List<Value> p = new ArrayList<>();
        for (Neuron n : neurons) {
            if (n.inputs() != neurons.get(0).inputs() || n.activation() != neurons.get(0).activation()) {
                throw new IllegalArgumentException("the neurons of a layer must share their number of inputs and their activation");
            }
            p.addAll(n.parameters());
        }
        this.parameters = List.copyOf(p);
    }

    /**
     * One output per neuron.
     *
     * @param x the layer's inputs, as graph nodes
     * @return one graph node per neuron
     */
    public List<Value> forward(List<Value> x) {
        List<Value> out = new ArrayList<>(neurons.size());
        for (Neuron n : neurons) {
            out.add(n.forward(x));
        }
        return out;
    }

    /**
     * {@link #forward(List)} on plain doubles, without a graph.
     *
     * @param x the layer's inputs
     * @return one number per neuron
     */
    public double[] forward(double[] x) {
        double[] out = new double[neurons.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = neurons.get(i).forward(x);
        }
        return out;
    }

    /** {@return the neurons, in output order} */
    public List<Neuron> neurons() {
        return neurons;
    }

    /** {@return how many inputs each neuron reads} */
    public int inputs() {
        return neurons.get(0).inputs();
    }

    /** {@return how many neurons, one output each} */
    public int outputs() {
        return neurons.size();
    }

    /** {@return the activation every neuron applies} */
    public Activation activation() {
        return neurons.get(0).activation();
    }

    /** {@return every neuron's parameters, neuron by neuron; the same list each call} */
    public List<Value> parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return inputs() + " → " + outputs() + " " + activation().id() + " (" + parameters.size() + " parameters)";
    }
}
