package dev.jgrad.cli;

import dev.jgrad.nn.Engine;
import dev.jgrad.nn.Network;
import java.io.PrintWriter;

/** {@code --engine auto|scalar|tensor} of {@code jgrad train}: what auto picks, said out loud. */
final class EngineChoice {
    /** At batch 1 the scalar engine is faster up to about this many parameters (docs/performance.md). */
    static final int AUTO_SCALAR_UP_TO = 100;

    private EngineChoice() {
    }

    /** The engine called {@code id}, with a message in the shape of every other choice's that also offers auto. */
    static Engine named(String id) {
        try {
            return Engine.parse(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown engine '" + id + "'; expected one of auto, "
                    + String.join(", ", Engine.all().stream().map(Engine::id).toList()), e);
        }
    }

    /**
     * The engine to train {@code model} with: {@code engine} itself, or for auto the scalar engine at
     * batch 1 with few parameters (where the tensor engine's fixed cost per step outweighs its work)
     * and the tensor engine otherwise, printing which and why.
     */
    static Engine resolve(String engine, String batch, Network model, PrintWriter stdout) {
        if (!engine.equals("auto")) {
            return named(engine);
        }
        int n = model.parameterCount();
        boolean small = batch.equals("1") && n <= AUTO_SCALAR_UP_TO;
        Engine e = small ? Engine.SCALAR : Engine.TENSOR;
        stdout.printf("engine: %s (auto: %s; --engine %s to override)%n", e.id(),
                small ? "per-sample steps of a " + n + "-parameter model are faster on the scalar engine"
                        : "the tensor engine is faster for batches or models over " + AUTO_SCALAR_UP_TO + " parameters",
                small ? "tensor" : "scalar");
        return e;
    }
}
