package dev.jgrad.web;

import dev.jgrad.engine.NoGrad;
import dev.jgrad.engine.Value;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Network;
import java.util.List;

/**
 * The training loss as a function of two of a network's parameters, every other one held where it is: a
 * slice of the loss surface, for the landscape panel's heat map and for "be the optimizer" (the loss at a
 * dragged point). The loss of each sample is the loss's own ({@link Loss#sample}), so a cell of the map is
 * the loss training reports at those weights. Layers before the two parameters' are run once per point,
 * and in their own layer only the neurons they belong to are recomputed per cell.
 */
final class Landscape {
    /**
     * A parameter of the network: layer from 0, the neuron ({@code row}) and its input ({@code col}; the
     * number of inputs for the bias). Its id in the page is {@code layer-row-col}.
     */
    record Param(int layer, int row, int col) {
        String id() {
            return layer + "-" + row + "-" + col;
        }

        /** "w1 of neuron 2, hidden layer 1", "b of the output". */
        String name(Network net) {
            Network.Dense d = net.layers().get(layer);
            String what = col == d.inputs() ? "b" : "w" + (col + 1);
            String where = layer == net.layers().size() - 1 ? "the output" + (d.outputs() > 1 ? " " + (row + 1) : "")
                    : "neuron " + (row + 1) + ", hidden layer " + (layer + 1);
            return what + " of " + where;
        }

        double read(Network net) {
            Network.Dense d = net.layers().get(layer);
            return col == d.inputs() ? d.biases()[row] : d.weights()[row][col];
        }

        /** The parameter with this id in {@code net}, or an error naming what is wrong. */
        static Param parse(String id, Network net) {
            String[] parts = (id == null ? "" : id).split("-");
            if (parts.length != 3) {
                throw new IllegalArgumentException("a parameter is layer-neuron-input, got '" + id + "'");
            }
            int[] v = new int[3];
            for (int k = 0; k < 3; k++) {
                try {
                    v[k] = Integer.parseInt(parts[k]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("a parameter is layer-neuron-input, got '" + id + "'");
                }
            }
            if (v[0] < 0 || v[0] >= net.layers().size() || v[1] < 0 || v[1] >= net.layers().get(v[0]).outputs()
                    || v[2] < 0 || v[2] > net.layers().get(v[0]).inputs()) {
                throw new IllegalArgumentException("the network has no parameter " + id);
            }
            return new Param(v[0], v[1], v[2]);
        }
    }

    private final double[][][] w;
    private final double[][] b;
    private final Activation[] act;
    private final double[][] x;
    private final int[] labels;
    /** Regression's targets (the loss is then (o − t)²), or null for classes. */
    private final double[] targets;
    private final Loss loss;
    private final int first;
    /** Per point: the activations entering layer {@link #first}, and that layer's outputs as the weights are. */
    private final double[][] in;
    private final double[][] out;
    /** Per point: the next layer's sums (before its activation) as the weights are, when there is a next layer. */
    private final double[][] next;
    private final double[][] buffers;

    /** x: the training points (the features the network reads); labels their classes. */
    Landscape(Network net, double[][] x, int[] labels, Loss loss, int firstLayer) {
        this(net, x, labels, null, loss, firstLayer);
    }

    /** As above; targets: a regression's numbers, the loss then (o − t)² (null for classes). */
    Landscape(Network net, double[][] x, int[] labels, double[] targets, Loss loss, int firstLayer) {
        int layers = net.layers().size();
        w = new double[layers][][];
        b = new double[layers][];
        act = new Activation[layers];
        buffers = new double[layers + 1][];
        for (int l = 0; l < layers; l++) {
            Network.Dense d = net.layers().get(l);
            w[l] = new double[d.outputs()][];
            for (int o = 0; o < d.outputs(); o++) {
                w[l][o] = d.weights()[o].clone();
            }
            b[l] = d.biases().clone();
            act[l] = d.activation();
            buffers[l + 1] = new double[d.outputs()];
        }
        this.x = x;
        this.labels = labels;
        this.targets = targets;
        this.loss = loss;
        this.first = firstLayer;
        in = new double[x.length][];
        out = new double[x.length][];
        next = new double[x.length][];
        for (int p = 0; p < x.length; p++) {
            double[] a = x[p];
            for (int l = 0; l < first; l++) {
                a = dense(l, a, new double[w[l].length]);
            }
            in[p] = a;
            out[p] = dense(first, a, new double[w[first].length]);
            if (first + 1 < layers) {
                next[p] = new double[w[first + 1].length];
                for (int o = 0; o < next[p].length; o++) {
                    next[p][o] = sum(first + 1, o, out[p]);
                }
            }
        }
    }

    /** The mean loss over the points with parameter {@code pa} set to {@code va} and {@code pb} to {@code vb}. */
    double at(Param pa, double va, Param pb, double vb) {
        double keepA = get(pa);
        double keepB = get(pb);
        set(pa, va);
        set(pb, vb);
        try (NoGrad scope = NoGrad.enter()) {
            double sum = 0;
            for (int p = 0; p < x.length; p++) {
                sum += sample(p, pa.layer() == first ? pa.row() : -1, pb.layer() == first ? pb.row() : -1);
            }
            return x.length == 0 ? Double.NaN : sum / x.length;
        } finally {
            set(pb, keepB);
            set(pa, keepA);
        }
    }

    /**
     * One point's loss: layer {@link #first} recomputed only for neurons ra and rb (-1: none); when both are
     * there, the next layer's sums are the cached ones moved by what those two neurons changed (the same
     * sums up to rounding), and the layers after it whole.
     */
    private double sample(int p, int ra, int rb) {
        double[] a = buffers[first + 1];
        System.arraycopy(out[p], 0, a, 0, a.length);
        if (ra >= 0) {
            a[ra] = neuron(first, ra, in[p]);
        }
        if (rb >= 0) {
            a[rb] = neuron(first, rb, in[p]);
        }
        int l = first + 1;
        if (ra >= 0 && rb >= 0 && l < w.length) {
            double[] moved = buffers[l + 1];
            double da = a[ra] - out[p][ra], db = rb == ra ? 0 : a[rb] - out[p][rb];
            for (int o = 0; o < moved.length; o++) {
                moved[o] = act[l].apply(next[p][o] + w[l][o][ra] * da + w[l][o][rb] * db);
            }
            a = moved;
            l++;
        }
        for (; l < w.length; l++) {
            a = dense(l, a, buffers[l + 1]);
        }
        if (targets != null) {
            return loss.regressionSample(List.of(Value.of(a[0])), targets[p]).data();
        }
        if (a.length == 1) {
            double shortcut = sampleLoss(loss, a[0], labels[p]);
            return Double.isNaN(shortcut) ? loss.sample(List.of(Value.of(a[0])), labels[p]).data() : shortcut;
        }
        Value[] outs = new Value[a.length];
        for (int k = 0; k < a.length; k++) {
            outs[k] = Value.of(a[k]);
        }
        return loss.sample(List.of(outs), labels[p]).data();
    }

    /**
     * One output's loss in plain doubles where that is short, the very arithmetic of {@link Loss#sample}'s graph
     * (LandscapeTest holds them equal bit for bit): MSE (o + (−y))², the hinge max(o·(−y) + 1, 0) with y = ±1.
     * NaN for the others, which go through the graph.
     */
    static double sampleLoss(Loss loss, double o, int label) {
        if (loss == Loss.MSE) {
            double d = o + -(double) label;
            return d * d;
        }
        if (loss == Loss.HINGE) {
            return Math.max(o * -(label == 1 ? 1.0 : -1.0) + 1, 0);
        }
        return Double.NaN;
    }

    private double neuron(int l, int o, double[] input) {
        return act[l].apply(sum(l, o, input));
    }

    private double sum(int l, int o, double[] input) {
        double s = 0;
        double[] row = w[l][o];
        for (int i = 0; i < input.length; i++) {
            s += row[i] * input[i];
        }
        return s + b[l][o];
    }

    private double[] dense(int l, double[] input, double[] result) {
        for (int o = 0; o < result.length; o++) {
            result[o] = neuron(l, o, input);
        }
        return result;
    }

    private double get(Param p) {
        return p.col() == w[p.layer()][p.row()].length ? b[p.layer()][p.row()] : w[p.layer()][p.row()][p.col()];
    }

    private void set(Param p, double v) {
        if (p.col() == w[p.layer()][p.row()].length) {
            b[p.layer()][p.row()] = v;
        } else {
            w[p.layer()][p.row()][p.col()] = v;
        }
    }
}
