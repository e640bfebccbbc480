package dev.jgrad.web;

import dev.jgrad.data.Features;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Network;

/**
 * A network's layers as flat arrays, run over {@link #WIDTH} grid points at once. In the page every array read is a
 * checked call (TeaVM's strict mode), so a frame's pass of the largest network (1,600 points × 1,328 weights) spent
 * most of its time reading; here four neurons are summed over four points at once, so each weight is read once for
 * four points and each input once for four neurons. Each point's sums are the same operations in the same order as
 * {@link Grid#values}'s (Σ wᵢxᵢ with i ascending, then the bias, then the activation): the same bits.
 */
final class Pass {
    /** The points of a block: with four neurons, sixteen sums, about as many as stay in registers. */
    static final int WIDTH = 4;

    private final double[][] weights;
    private final double[][] biases;
    private final Activation[] activations;
    private final int[] sizes;
    /** Layer l's activations of the block (the features for l = 0): unit u of point p at [u · WIDTH + p]. */
    private final double[][] a;
    private final Features.Feature[] features;
    private final double[] one;

    /** The pass of {@code net} over points of the plane, made into the chosen features; null: over given inputs ({@link #input}). */
    Pass(Network net, Features chosen) {
        int layers = net.layers().size();
        weights = new double[layers][];
        biases = new double[layers][];
        activations = new Activation[layers];
        sizes = new int[layers + 1];
        a = new double[layers + 1][];
        features = chosen == null ? new Features.Feature[0] : chosen.chosen().toArray(new Features.Feature[0]);
        sizes[0] = chosen == null ? net.layers().get(0).inputs() : features.length;
        a[0] = new double[sizes[0] * WIDTH];
        for (int l = 0; l < layers; l++) {
            Network.Dense d = net.layers().get(l);
            int in = d.inputs();
            weights[l] = new double[d.outputs() * in];
            for (int o = 0; o < d.outputs(); o++) {
                System.arraycopy(d.weights()[o], 0, weights[l], o * in, in);
            }
            biases[l] = d.biases();
            activations[l] = d.activation();
            sizes[l + 1] = d.outputs();
            a[l + 1] = new double[d.outputs() * WIDTH];
        }
        one = new double[sizes[layers]];
    }

    /** The hidden units, all layers but the output's. */
    int hiddenUnits() {
        int units = 0;
        for (int l = 1; l < sizes.length - 1; l++) {
            units += sizes[l];
        }
        return units;
    }

    /** Runs the block of points (x[p], y) for p below {@link #WIDTH}; a block past the grid's edge repeats its last point. */
    void run(double[] x, double y) {
        double[] in = a[0];
        for (int f = 0; f < features.length; f++) {
            for (int p = 0; p < WIDTH; p++) {
                in[f * WIDTH + p] = features[f].of(x[p], y);
            }
        }
        forward();
    }

    /** Sets point p's inputs, already the network's features (a training point). */
    void input(int p, double[] x) {
        for (int f = 0; f < sizes[0]; f++) {
            a[0][f * WIDTH + p] = x[f];
        }
    }

    /** Runs every layer over the block's inputs. */
    void forward() {
        for (int l = 0; l < weights.length; l++) {
            dense(weights[l], biases[l], activations[l], sizes[l], a[l], a[l + 1]);
        }
    }

    /** Unit u of layer l (from 0, the first hidden layer; the output layer is the last) at point p, after {@link #forward}. */
    double unit(int l, int u, int p) {
        return a[l + 1][u * WIDTH + p];
    }

    /** Point p's outputs after {@link #run}, in an array of the output layer's size (reused). */
    double[] output(int p) {
        double[] out = a[a.length - 1];
        for (int u = 0; u < one.length; u++) {
            one[u] = out[u * WIDTH + p];
        }
        return one;
    }

    /** Writes point p's hidden activations into cell {@code cell} of each unit's block of {@code block} values, then the margin. */
    void sample(int p, double[] maps, int cell, int block, double margin) {
        int at = cell;
        for (int l = 1; l < a.length - 1; l++) {
            double[] layer = a[l];
            for (int u = 0; u < sizes[l]; u++) {
                maps[at] = layer[u * WIDTH + p];
                at += block;
            }
        }
        maps[at] = margin;
    }

    /**
     * A dense layer over the block: out[o] = f(Σᵢ w[o][i] · in[i] + b[o]) for each point, its sum in {@link Grid}'s order.
     * Four neurons at a time ({@link #four}), then one at a time for the rest.
     */
    private static void dense(double[] w, double[] b, Activation f, int inputs, double[] in, double[] out) {
        int o = 0;
        for (; o + 3 < b.length; o += 4) {
            four(w, b, f, inputs, in, out, o);
        }
        for (; o < b.length; o++) {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int row = o * inputs;
            for (int i = 0; i < inputs; i++) {
                double v = w[row + i];
                int at = i * WIDTH;
                s0 += v * in[at];
                s1 += v * in[at + 1];
                s2 += v * in[at + 2];
                s3 += v * in[at + 3];
            }
            activate(f, b[o], s0, s1, s2, s3, out, o * WIDTH);
        }
    }

    /**
     * Neurons o to o + 3 over the block's four points: sixteen sums, a row of the matrix a line (neuron × point), each
     * input read once for four neurons and each weight once for four points.
     */
    private static void four(double[] w, double[] b, Activation f, int inputs, double[] in, double[] out, int o) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
        double c0 = 0, c1 = 0, c2 = 0, c3 = 0, d0 = 0, d1 = 0, d2 = 0, d3 = 0;
        int row = o * inputs;
        for (int i = 0; i < inputs; i++) {
            double va = w[row + i], vb = w[row + inputs + i], vc = w[row + 2 * inputs + i], vd = w[row + 3 * inputs + i];
            int at = i * WIDTH;
            double x0 = in[at], x1 = in[at + 1], x2 = in[at + 2], x3 = in[at + 3];
            a0 += va * x0; a1 += va * x1; a2 += va * x2; a3 += va * x3;
            b0 += vb * x0; b1 += vb * x1; b2 += vb * x2; b3 += vb * x3;
            c0 += vc * x0; c1 += vc * x1; c2 += vc * x2; c3 += vc * x3;
            d0 += vd * x0; d1 += vd * x1; d2 += vd * x2; d3 += vd * x3;
        }
        activate(f, b[o], a0, a1, a2, a3, out, o * WIDTH);
        activate(f, b[o + 1], b0, b1, b2, b3, out, (o + 1) * WIDTH);
        activate(f, b[o + 2], c0, c1, c2, c3, out, (o + 2) * WIDTH);
        activate(f, b[o + 3], d0, d1, d2, d3, out, (o + 3) * WIDTH);
    }

    /** One neuron's four points: the bias added to each sum, then the activation. */
    private static void activate(Activation f, double bias, double s0, double s1, double s2, double s3, double[] out, int at) {
        out[at] = f.apply(s0 + bias);
        out[at + 1] = f.apply(s1 + bias);
        out[at + 2] = f.apply(s2 + bias);
        out[at + 3] = f.apply(s3 + bias);
    }
}
