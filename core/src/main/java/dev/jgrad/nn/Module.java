package dev.jgrad.nn;

import dev.jgrad.engine.Value;
import java.util.List;

/**
 * Something with trainable parameters. {@link #parameters()} lists them in a stable order that
 * each implementation documents; optimizers keep their per-parameter state by position in it.
 */
public interface Module {
    /** The trainable parameters, in this module's documented order; the same list each call. */
    List<Value> parameters();

    /** Sets every parameter's gradient to 0 (gradients accumulate across backward passes). */
    default void zeroGrad() {
        for (Value p : parameters()) {
            p.zeroGrad();
        }
    }

    /** How many numbers training adjusts. */
    default int parameterCount() {
        return parameters().size();
    }
}
