package dev.jgrad.web;

import dev.jgrad.data.Features;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Network;

/**
 * A network evaluated over an n×n grid of the view, without a graph: the heat maps of the boundary
 * and of every neuron, redrawn 15 or more times a second. It reads the weights as plain numbers
 * ({@link Network}) and runs each layer as loops over preallocated arrays, so a 60×60 grid allocates
 * nothing per point.
 */
final class Grid {
    private Grid() {
    }

    /**
     * The grid's values, row by row from the top left: with {@code layer} 0 the loss's margin of the
     * output (positive for class 1, 0 on the boundary); else neuron {@code index} of layer
     * {@code layer} (from 1; the output layer is the last), after its activation.
     */
    static double[] values(Network net, Features features, Loss loss, View view, int n, int layer, int index) {
        int layers = net.layers().size();
        int stop = layer == 0 ? layers : layer;
        if (n < 1 || n > 400 || layer < 0 || layer > layers || (layer > 0 && (index < 0 || index >= net.layers().get(layer - 1).outputs()))) {
            return new double[0];
        }
        double[][] a = new double[stop + 1][];
        a[0] = new double[features.size()];
        for (int l = 0; l < stop; l++) {
            a[l + 1] = new double[net.layers().get(l).outputs()];
        }
        double[] out = new double[n * n];
        for (int j = 0; j < n; j++) {
            double y = view.y(j, n);
            for (int i = 0; i < n; i++) {
                double x = view.x(i, n);
                for (int f = 0; f < a[0].length; f++) {
                    a[0][f] = features.chosen().get(f).of(x, y);
                }
                for (int l = 0; l < stop; l++) {
                    dense(net.layers().get(l), a[l], a[l + 1]);
                }
                out[j * n + i] = layer == 0 ? loss.margin(a[stop]) : a[stop][index];
            }
        }
        return out;
    }

    private static void dense(Network.Dense d, double[] in, double[] out) {
        double[][] w = d.weights();
        double[] b = d.biases();
        for (int o = 0; o < out.length; o++) {
            double s = 0;
            double[] row = w[o];
            for (int i = 0; i < in.length; i++) {
                s += row[i] * in[i];
            }
            out[o] = d.activation().apply(s + b[o]);
        }
    }
}
