package dev.jgrad.train;

import dev.jgrad.loss.Loss;
import dev.jgrad.nn.MLP;
import dev.jgrad.nn.TensorMLP;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.optim.Trainable;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * Which engine trains a model: the scalar {@code Value} graph (one node per number: the one that
 * draws graphs and teaches) or the tensor engine (one node per layer operation: the fast one).
 * Both start from the same {@link MLP}, so a seed gives the same model in either.
 */
public enum Engine {
    SCALAR,
    TENSOR;

    /**
     * A learner for {@code model} on this engine; {@code optimizer} is made for the parameters the
     * engine trains (the tensor engine trains a copy of the weights: read them back with
     * {@link #model(Learner)}).
     */
    public Learner learner(MLP model, Loss loss, double l2, Function<Trainable, Optimizer> optimizer) {
        if (this == SCALAR) {
            return new ScalarLearner(model, loss, l2, optimizer.apply(Trainable.of(model.parameters())));
        }
        TensorMLP t = new TensorMLP(model);
        return new TensorLearner(t, loss, l2, optimizer.apply(Trainable.ofTensors(t.parameters())));
    }

    /** The trained model as a scalar MLP with its current weights (for model files and pictures). */
    public static MLP model(Learner learner) {
        if (learner instanceof ScalarLearner s) {
            return s.model();
        }
        if (learner instanceof TensorLearner t) {
            return t.model().toMLP();
        }
        throw new IllegalArgumentException("not a learner of jgrad's engines: " + learner.getClass().getName());
    }

    /** The lower-case name used on the command line: scalar, tensor. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The engine called {@code id} (any case); the message lists the known ones. */
    public static Engine parse(String id) {
        for (Engine e : values()) {
            if (e.id().equalsIgnoreCase(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + id + "'; expected one of "
                + String.join(", ", Arrays.stream(values()).map(Engine::id).toList()));
    }
}
