package dev.jgrad.nn;

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
public record Engine(String id, String description, Function<Network, Model> build) {
    /** One {@code Value} per number, as micrograd: the engine that draws graphs and teaches. */
    public static final Engine SCALAR = new Engine("scalar", "one Value per number, as micrograd", MLP::new);
    /** One node per layer operation over a whole batch: the fast one. */
    public static final Engine TENSOR = new Engine("tensor", "batched: one matrix product per layer", TensorMLP::new);

    /** A model of {@code network} on this engine. */
    public Model build(Network network) {
        return build.apply(network);
    }

    /** jgrad's engines, scalar first. */
    public static List<Engine> all() {
        return List.of(SCALAR, TENSOR);
    }

    /** The engine called {@code id} (any case); the message lists the known ones. */
    public static Engine parse(String id) {
        for (Engine e : all()) {
            if (e.id().equalsIgnoreCase(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + id + "'; expected one of "
                + String.join(", ", all().stream().map(Engine::id).toList()));
    }

    @Override
    public String toString() {
        return id;
    }
}
