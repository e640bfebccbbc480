package dev.jgrad.web;

import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Engine;
import dev.jgrad.nn.Network;
import dev.jgrad.tensor.Tensor;

/**
 * A network's layers as flat arrays the landscape sets two parameters of, cell by cell, with the training engine's
 * activations: {@link Engine#TENSOR}'s are applied to a block as one tensor operation, its tanh one number at a time.
 */
final class Layers {
    /** Per layer: the weights, outputs × inputs row by row, and the biases. */
    final double[][] w;
    final double[][] b;
    final int[] fanIn;
    final int[] width;
    final Activation[] act;
    final boolean tensor;

    /** A copy of {@code net}'s weights, activated as {@code engine} trains. */
    Layers(Network net, Engine engine) {
        int layers = net.layers().size();
        w = new double[layers][];
        b = new double[layers][];
        fanIn = new int[layers];
        width = new int[layers];
        act = new Activation[layers];
        for (int l = 0; l < layers; l++) {
            Network.Dense d = net.layers().get(l);
            fanIn[l] = d.inputs();
            width[l] = d.outputs();
            w[l] = new double[width[l] * fanIn[l]];
            for (int o = 0; o < width[l]; o++) {
                System.arraycopy(d.weights()[o], 0, w[l], o * fanIn[l], fanIn[l]);
            }
            b[l] = d.biases().clone();
            act[l] = d.activation();
        }
        tensor = engine == Engine.TENSOR;
    }

    /** How many layers, the output's included. */
    int count() {
        return w.length;
    }

    double get(Param p) {
        return p.col() == fanIn[p.layer()] ? b[p.layer()][p.row()] : w[p.layer()][p.row() * fanIn[p.layer()] + p.col()];
    }

    void set(Param p, double v) {
        if (p.col() == fanIn[p.layer()]) {
            b[p.layer()][p.row()] = v;
        } else {
            w[p.layer()][p.row() * fanIn[p.layer()] + p.col()] = v;
        }
    }

    /** Layer l of {@code points} points (rows of x) into y, activated by the engine. */
    void dense(int l, double[] x, double[] y, int points) {
        int f = fanIn[l], n = width[l];
        for (int p = 0; p < points; p++) {
            for (int o = 0; o < n; o++) {
                y[p * n + o] = Sums.sum(w[l], o * f, x, p * f, 0, f, 0) + b[l][o];
            }
        }
        activate(act[l], y);
    }

    /** The training engine's activation of one number (for the tensor engine, only those it gives one at a time). */
    double one(Activation f, double x) {
        if (!tensor) {
            return f.apply(x);
        }
        return f == Activation.TANH ? Tensor.tanhOf(x) : x;
    }

    /** The training engine's activation over a block, in place: the tensor engine's as one tensor operation. */
    void activate(Activation f, double[] v) {
        if (f == Activation.LINEAR) {
            return;
        }
        if (tensor && f != Activation.TANH) {
            Tensor t = f.apply(Tensor.wrap(v, v.length));
            t.copyData(v, 0);
            return;
        }
        // the tensor engine's tanh is its function of one number on each: no tensor and no garbage a block
        for (int i = 0; i < v.length; i++) {
            v[i] = one(f, v[i]);
        }
    }
}
