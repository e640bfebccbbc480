package dev.jgrad.nn;

import dev.jgrad.data.Batch;
import dev.jgrad.loss.Loss;
import dev.jgrad.loss.Penalty;
import dev.jgrad.optim.Parameters;

/**
 * A network's weights as they are, for prediction only: plain loops over its arrays in the scalar
 * engine's order (Σ wᵢ·xᵢ from i = 0, then the bias, then the activation), so it answers the
 * scalar engine's bits without a {@code Value} per weight: a million-weight model loads and
 * predicts in the memory of its numbers.
 */
final class Frozen implements Model {
    private final Network network;

    Frozen(Network network) {
        this.network = network;
    }

    @Override
    public int inputs() {
        return network.inputs();
    }

    @Override
    public int outputs() {
        return network.outputs();
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public Parameters trainable() {
        throw new UnsupportedOperationException("a frozen network predicts; Engine.SCALAR.build(network()) or TENSOR trains it");
    }

    @Override
    public double[] predict(double... x) {
        if (x.length != inputs()) {
            throw new IllegalArgumentException("this MLP takes " + inputs() + " inputs, got " + x.length);
        }
        for (Network.Dense layer : network.layers()) {
            double[][] w = layer.weights();
            double[] out = new double[w.length];
            for (int o = 0; o < out.length; o++) {
                double[] row = w[o];
                double s = 0;
                for (int i = 0; i < row.length; i++) {
                    s += row[i] * x[i];
                }
                out[o] = layer.activation().apply(s + layer.biases()[o]);
            }
            x = out;
        }
        return x;
    }

    @Override
    public double forwardBackward(Batch batch, Loss loss, Penalty penalty) {
        throw new UnsupportedOperationException("a frozen network predicts; Engine.SCALAR.build(network()) or TENSOR trains it");
    }
}
