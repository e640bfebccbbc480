package dev.jgrad.nn;

import dev.jgrad.engine.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * act(Σ wᵢxᵢ + b). Parameters in the order w₁ … wₙ, b (micrograd's {@code w + [b]}).
 *
 * <p>The sum is one n-ary node, not a chain of n additions: the graph of a step is a third smaller,
 * backward is faster, and a picture shows a neuron as one box.
 */
public final class Neuron {
    private final Value[] weights;
    private final Value bias;
    private final Activation activation;
    private final List<Value> parameters;

    /**
     * A neuron with these starting weights and bias.
     *
     * @param weights one per input, copied
     * @param bias the bias
     * @param activation what it applies to Σ wᵢxᵢ + b
     */
    public Neuron(double[] weights, double bias, Activation activation) {
        this.weights = new Value[weights.length];
        for (int i = 0; i < weights.length; i++) {
            this.weights[i] = Value.of(weights[i]);
        }
        this.bias = Value.of(bias);
        this.activation = activation;
        List<Value> p = new ArrayList<>(Arrays.asList(this.weights));
        p.add(this.bias);
        this.parameters = List.copyOf(p);
    }

    /**
     * Builds act(Σ wᵢxᵢ + b) as a graph over the inputs {@code x}.
     *
     * @param x one value per weight
     * @return the output, a graph node
     */
    public Value forward(List<Value> x) {
        if (x.size() != weights.length) {
            throw new IllegalArgumentException("a neuron with " + weights.length + " inputs got " + x.size());
        }
        Value[] terms = new Value[weights.length + 1];
        for (int i = 0; i < weights.length; i++) {
            terms[i] = weights[i].mul(x.get(i));
        }
        terms[weights.length] = bias;
        return activation.apply(Value.sum(Arrays.asList(terms)));
    }

    /**
     * The same number as {@link #forward}, from plain doubles: no graph. Adds in the same order, so the bits agree.
     *
     * @param x one number per weight
     * @return the output
     */
    public double forward(double[] x) {
        double s = 0;
        for (int i = 0; i < weights.length; i++) {
            s += weights[i].data() * x[i];
        }
        return activation.apply(s + bias.data());
    }

    /** {@return the weights, then the bias, as graph leaves; the same list each call} */
    public List<Value> parameters() {
        return parameters;
    }

    /** {@return how many inputs it weighs} */
    public int inputs() {
        return weights.length;
    }

    /** {@return what it applies to Σ wᵢxᵢ + b} */
    public Activation activation() {
        return activation;
    }

    @Override
    public String toString() {
        return activation.id() + " neuron(" + weights.length + ")";
    }
}
