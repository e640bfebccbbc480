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
    /** The side of the boundary's grid for a network whose pass is cheap: 60×60 cells. */
    static final int BOUNDARY_SIDE = 60;
    /** The side of every neuron's map, read off the boundary's pass: a divisor of every boundary side. */
    static final int MAP_SIDE = 20;
    /** The side of a deep network's boundary: twice its maps', 1,600 cells instead of 3,600. */
    static final int DEEP_SIDE = 40;
    /**
     * The weights a point's pass may read for the full {@link #BOUNDARY_SIDE}: three hidden layers of 16 read 560. A deeper
     * network gets the coarser boundary instead of a slower frame: six layers of 16 read 1,328 weights a point, and the
     * pass is most of a frame's drawing.
     */
    static final long DEEP_WEIGHTS = 600;

    private Grid() {
    }

    /** The boundary's grid side for this network: {@link #BOUNDARY_SIDE}, or {@link #DEEP_SIDE} past {@link #DEEP_WEIGHTS}. */
    static int side(Network net) {
        long weights = 0;
        for (Network.Dense d : net.layers()) {
            weights += (long) d.inputs() * d.outputs();
        }
        return weights > DEEP_WEIGHTS ? DEEP_SIDE : BOUNDARY_SIDE;
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

    /**
     * Every hidden neuron's values over the grid from one pass of the network per grid point (the same numbers as
     * {@link #values} for each neuron, which would run the network once per neuron): neuron after neuron, layer after
     * layer, each an n×n block row by row from the top left. Empty for a network without a hidden layer or a bad n.
     */
    static double[] hidden(Network net, Features features, View view, int n) {
        int layers = net.layers().size() - 1;
        if (n < 1 || n > 400 || layers < 1) {
            return new double[0];
        }
        double[][] a = new double[layers + 1][];
        int[] offset = new int[layers];
        a[0] = new double[features.size()];
        int units = 0;
        for (int l = 0; l < layers; l++) {
            a[l + 1] = new double[net.layers().get(l).outputs()];
            offset[l] = units;
            units += a[l + 1].length;
        }
        double[] out = new double[units * n * n];
        for (int j = 0; j < n; j++) {
            double y = view.y(j, n);
            for (int i = 0; i < n; i++) {
                double x = view.x(i, n);
                for (int f = 0; f < a[0].length; f++) {
                    a[0][f] = features.chosen().get(f).of(x, y);
                }
                for (int l = 0; l < layers; l++) {
                    dense(net.layers().get(l), a[l], a[l + 1]);
                    for (int o = 0; o < a[l + 1].length; o++) {
                        out[(offset[l] + o) * n * n + j * n + i] = a[l + 1][o];
                    }
                }
            }
        }
        return out;
    }

    /**
     * A frame's pictures from one pass of the network over the n×n grid: the boundary (the loss's margin, n² values, the
     * same numbers as {@link #values} with layer 0) and every neuron's map on a coarser m×m grid read off the same pass.
     * Map cell (i, j) is grid cell (r·i + r/2, r·j + r/2) with r = n / m, the coarse cell's centre when r is odd, so the
     * maps cost nothing beyond the boundary: the hidden neurons one after another, layer after layer, then the output's
     * margin, m² values each. The weights are read once a block of points ({@link Pass}), not once a point. A null loss
     * (regression data, {@link Fit#reading}) gives the output itself where the margin stands.
     */
    static Frame frame(Network net, Features features, Loss loss, View view, int n, int m) {
        if (n < 1 || n > 400 || m < 1 || m > n || n % m != 0) {
            return new Frame(new double[0], new double[0]);
        }
        Pass pass = new Pass(net, features);
        int r = n / m;
        double[] boundary = new double[n * n];
        double[] maps = new double[(pass.hiddenUnits() + 1) * m * m];
        double[] x = new double[Pass.WIDTH];
        for (int j = 0; j < n; j++) {
            double y = view.y(j, n);
            boolean row = j % r == r / 2;
            for (int i0 = 0; i0 < n; i0 += Pass.WIDTH) {
                for (int p = 0; p < Pass.WIDTH; p++) {
                    x[p] = view.x(Math.min(i0 + p, n - 1), n);
                }
                pass.run(x, y);
                for (int p = 0; p < Pass.WIDTH && i0 + p < n; p++) {
                    int i = i0 + p;
                    double[] out = pass.output(p);
                    double margin = loss == null ? out[0] : loss.margin(out);
                    boundary[j * n + i] = margin;
                    if (row && i % r == r / 2) {
                        pass.sample(p, maps, (j / r) * m + i / r, m * m, margin);
                    }
                }
            }
        }
        return new Frame(boundary, maps);
    }

    /** The boundary of an n×n grid and the neurons' maps of an m×m grid, from one pass: see {@link #frame}. */
    record Frame(double[] boundary, double[] maps) {
    }

    /** Every layer's activations for one input (already transformed into features): [layer][neuron]. */
    static double[][] activations(Network net, double[] input) {
        double[][] a = new double[net.layers().size()][];
        double[] in = input;
        for (int l = 0; l < a.length; l++) {
            a[l] = new double[net.layers().get(l).outputs()];
            dense(net.layers().get(l), in, a[l]);
            in = a[l];
        }
        return a;
    }

    /** The loss's margin of the output at one point (positive for class 1): the scorer of the network's weights now. */
    static double margin(Network net, Features features, Loss loss, double x, double y) {
        double[] a = new double[features.size()];
        for (int f = 0; f < a.length; f++) {
            a[f] = features.chosen().get(f).of(x, y);
        }
        for (Network.Dense d : net.layers()) {
            double[] next = new double[d.outputs()];
            dense(d, a, next);
            a = next;
        }
        return loss.margin(a);
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
