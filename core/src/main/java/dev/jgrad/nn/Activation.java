package dev.jgrad.nn;

import dev.jgrad.base.Choices;
import dev.jgrad.base.Named;
import dev.jgrad.engine.Value;
import dev.jgrad.tensor.Tensor;
import java.util.List;

/**
 * The nonlinearity a layer applies to each neuron's Σ wᵢxᵢ + b. Each has a graph version and a
 * plain-number version that computes the very same doubles, so that scoring without a graph agrees
 * with training to the last bit.
 */
public enum Activation implements Named {
    /** tanh(x), in (−1, 1): the post's and micrograd's neuron. */
    TANH {
        @Override
        public Tensor apply(Tensor t) {
            return t.tanh();
        }

        @Override
        public Value apply(Value v) {
            return v.tanh();
        }

        @Override
        public double apply(double x) {
            return Value.tanh(x);
        }
    },
    /** max(0, x), 0 at 0 and below; NaN stays NaN. */
    RELU {
        @Override
        public Tensor apply(Tensor t) {
            return t.relu();
        }

        @Override
        public Value apply(Value v) {
            return v.relu();
        }

        @Override
        public double apply(double x) {
            return Math.max(x, 0);
        }
    },
    /** 1 / (1 + e^−x), in (0, 1), exactly 0 and 1 far out ({@link Value#sigmoid(double)}). */
    SIGMOID {
        @Override
        public Tensor apply(Tensor t) {
            return t.sigmoid();
        }

        @Override
        public Value apply(Value v) {
            return v.sigmoid();
        }

        @Override
        public double apply(double x) {
            return Value.sigmoid(x);
        }
    },
    /** The identity: micrograd's output layer ({@code nonlin=False}). */
    LINEAR {
        @Override
        public Tensor apply(Tensor t) {
            return t;
        }

        @Override
        public Value apply(Value v) {
            return v;
        }

        @Override
        public double apply(double x) {
            return x;
        }
    };

    /**
     * {@return the nonlinearity of {@code v}, as a graph node}
     *
     * @param v a neuron's Σ wᵢxᵢ + b
     */
    public abstract Value apply(Value v);

    /**
     * {@return the same number {@link #apply(Value)} computes, without a graph}
     *
     * @param x a neuron's Σ wᵢxᵢ + b
     */
    public abstract double apply(double x);

    /**
     * The same nonlinearity on every entry of a tensor (the tensor engine's layers).
     *
     * @param t a layer's x W + b
     * @return a tensor of the same shape, in the graph
     */
    public abstract Tensor apply(Tensor t);

    /** Every activation by the name used on the command line and in model files. */
    public static final Choices<Activation> CHOICES = Choices.of("activation", List.of(values()));

    @Override
    public String description() {
        return switch (this) {
            case TANH -> "hyperbolic tangent, in (−1, 1)";
            case RELU -> "max(0, x)";
            case SIGMOID -> "1 / (1 + e^−x), in (0, 1)";
            case LINEAR -> "the identity (micrograd's output layer)";
        };
    }
}
