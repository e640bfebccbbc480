package dev.jgrad.web;

import dev.jgrad.nn.Network;
import java.util.List;

/**
 * The network diagram's numbers as one array of doubles, which the compiled page receives as a {@code Float64Array}
 * without a JSON text to write and parse: the largest network has about 1,700 weights and as many gradients, redrawn
 * five times a second. Layer after layer (input side first, the output last), neuron after neuron: its input weights,
 * its bias, the gradient of each of those (as {@link Gradients#of}), and its flag (0, {@link #SATURATED} or
 * {@link #DEAD}, as {@link Health#units}); a neuron reading k inputs takes 2k + 3 numbers. Without training points the
 * gradients and flags are NaN. The same numbers as {@link Answers#network}, which names them.
 */
final class Diagram {
    static final double SATURATED = 1;
    static final double DEAD = 2;

    private Diagram() {
    }

    static double[] of(Session s) {
        Network net = s.network();
        List<List<String>> units = s.hasPoints() ? Health.units(net, s.train()) : null;
        double[][][] grads = s.hasPoints() ? Gradients.of(net, s.setup().loss(), s.train()) : null;
        int size = 0;
        for (Network.Dense d : net.layers()) {
            size += d.outputs() * (2 * d.inputs() + 3);
        }
        double[] out = new double[size];
        int at = 0;
        for (int l = 0; l < net.layers().size(); l++) {
            Network.Dense d = net.layers().get(l);
            int in = d.inputs();
            for (int o = 0; o < d.outputs(); o++) {
                System.arraycopy(d.weights()[o], 0, out, at, in);
                out[at + in] = d.biases()[o];
                at += in + 1;
                for (int j = 0; j <= in; j++) {
                    out[at++] = grads == null ? Double.NaN : grads[l][o][j];
                }
                out[at++] = units == null ? Double.NaN : flag(units.get(l).get(o));
            }
        }
        return out;
    }

    private static double flag(String unit) {
        return unit.equals("saturated") ? SATURATED : unit.equals("dead") ? DEAD : 0;
    }
}
