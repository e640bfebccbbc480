package dev.jgrad.nn;

import dev.jgrad.base.Choices;
import dev.jgrad.base.Named;
import dev.jgrad.tensor.DType;
import java.util.List;
import java.util.function.Function;

/**
 * An engine: how a {@link Network} becomes a {@link Model} that trains. A third engine is one more
 * of these, with its own {@link Model}; nothing else in jgrad needs to know it.
 *
 * @param id what users call it: "scalar", "tensor"
 * @param description one line for listings and help
 * @param build makes a model with the network's architecture and a copy of its weights
 */
public record Engine(String id, String description, Function<Network, Model> build) implements Named {
    /** One {@code Value} per number, as micrograd: the engine that draws graphs and teaches. */
    public static final Engine SCALAR = new Engine("scalar", "one Value per number, as micrograd", MLP::new);
    /** One node per layer operation over a whole batch: the fast one. */
    public static final Engine TENSOR = new Engine("tensor", "batched: one matrix product per layer", TensorMLP::new);

    /**
     * A model of {@code network} on this engine.
     *
     * @param network the architecture and starting weights, copied
     * @return a new trainable model
     */
    public Model build(Network network) {
        return build.apply(network);
    }

    /**
     * A model of {@code network} on this engine, its numbers in {@code dtype} (float32: the tensor engine only).
     *
     * @param network the architecture and starting weights, copied
     * @param dtype how the numbers are stored
     * @return a new trainable model
     * @throws IllegalArgumentException for float32 on the scalar engine
     */
    public Model build(Network network, DType dtype) {
        if (dtype == DType.FLOAT64) {
            return build(network);
        }
        if (this != TENSOR) {
            throw new IllegalArgumentException("the " + id + " engine computes in float64 only; float32 needs the tensor engine");
        }
        return new TensorMLP(network, dtype);
    }

    /** jgrad's engines, scalar first, by name. */
    public static final Choices<Engine> CHOICES = Choices.of("engine", List.of(SCALAR, TENSOR));

    @Override
    public String toString() {
        return id;
    }
}
