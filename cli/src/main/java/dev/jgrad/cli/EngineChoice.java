package dev.jgrad.cli;

import dev.jgrad.nn.Engine;
import dev.jgrad.train.Training;
import dev.jgrad.train.TrainingConfig;
import java.io.PrintWriter;

/** {@code --engine auto|scalar|tensor} of {@code jgrad train}: the name, and what auto picked, said out loud. */
final class EngineChoice {
    private EngineChoice() {
    }

    /** The engine called {@code id}, with a message in the shape of every other choice's that also offers auto. */
    static Engine named(String id) {
        try {
            return Engine.CHOICES.parse(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown engine '" + id + "'; expected one of auto, "
                    + String.join(", ", Engine.CHOICES.ids()), e);
        }
    }

    /** Prints the engine the configuration chose for this run (it had none named) and why. */
    static void explain(Training run, PrintWriter stdout) {
        int n = run.start().parameterCount();
        boolean scalar = run.engine() == Engine.SCALAR;
        stdout.printf("engine: %s (auto: %s; --engine %s to override)%n", run.engine().id(),
                scalar ? "per-sample steps of a " + n + "-parameter model are faster on the scalar engine"
                        : "the tensor engine is faster for batches or models over " + TrainingConfig.AUTO_SCALAR_UP_TO + " parameters",
                scalar ? "tensor" : "scalar");
    }
}
