package dev.jgrad.web;

import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Network;
import java.util.List;

/**
 * One neuron's computational graph for one sample, drawn in the post's style, whose backward pass the
 * learner steps one local rule at a time. Answers are JSON text for {@link Playground}.
 */
public final class GraphPanel {
    private GraphPanel() {
    }

    /**
     * Opens the graph of one neuron of {@code network} for one sample. layer: 1.. = hidden layers,
     * {@code network.layers().size()} = the output neuron (whose graph includes the loss).
     */
    public static GraphPanel open(Network network, Loss loss, List<String> featureNames, double[] features,
            double target, int layer, int index, double learningRate) {
        return new GraphPanel();
    }

    /** {@code {"ok":true,"svg":"<svg…>","explain":"one line","done":bool,"node":id or null}}. */
    public String answer() {
        return pending();
    }

    /** Fires the next local rule; {@link #answer()}. */
    public String step() {
        return pending();
    }

    /** Fires all the remaining rules; {@link #answer()}. */
    public String run() {
        return pending();
    }

    /** One gradient-descent step on the panel's parameters, then the forward pass again; {@link #answer()}. */
    public String descend() {
        return pending();
    }

    /** {@code {"ok":true,"node":..,"backprop":..,"numeric":..}}. */
    public String gradientCheck(String node) {
        return pending();
    }

    private static String pending() {
        return "{\"ok\":false,\"error\":\"the graph panel is not built yet\"}";
    }
}
