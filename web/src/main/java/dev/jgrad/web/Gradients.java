package dev.jgrad.web;

import dev.jgrad.data.Dataset;
import dev.jgrad.engine.Value;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * The gradient of the training loss with respect to every weight and bias, on a few evenly spread training points, for
 * the page to show on hover and as a mark of each neuron's gradient size. The loss's own slope at the outputs comes from
 * core's {@link Loss} on the scalar engine (so every loss is its own); the layers are then run back as plain loops over
 * the weights, the chain rule of a dense layer, so that the largest network's marks cost about one forward pass. The
 * training's own state is never touched.
 */
final class Gradients {
    /** Points the loss is measured on: enough to show each gradient's size and sign, few enough for every redraw. */
    static final int SAMPLE = 32;

    private Gradients() {
    }

    /** [layer][neuron][input weights…, bias]: d(mean loss over the sample)/d(parameter). */
    static double[][][] of(Network net, Loss loss, Dataset train) {
        int layers = net.layers().size();
        double[][][] g = new double[layers][][];
        for (int l = 0; l < layers; l++) {
            Network.Dense d = net.layers().get(l);
            g[l] = new double[d.outputs()][d.inputs() + 1];
        }
        int n = Math.min(SAMPLE, train.size());
        for (int k = 0; k < n; k++) {
            int i = (int) ((long) k * train.size() / n);
            add(net, loss, train.points()[i], train.labels()[i], train.targets() == null ? Double.NaN : train.targets()[i], n, g);
        }
        return g;
    }

    /** Adds one point's share (1/n of its loss) of every gradient into g; target: a regression point's number, else NaN. */
    private static void add(Network net, Loss loss, double[] x, int label, double target, int n, double[][][] g) {
        double[][] a = Grid.activations(net, x);
        int last = a.length - 1;
        List<Value> out = new ArrayList<>();
        for (double v : a[last]) {
            out.add(Value.of(v));
        }
        // The loss takes the outputs after their activation; its slope there is what flows back.
        (Double.isNaN(target) ? loss.sample(out, label) : loss.regressionSample(out, target)).div(n).backward();
        double[] up = new double[out.size()];
        for (int o = 0; o < up.length; o++) {
            up[o] = out.get(o).grad();
        }
        for (int l = last; l >= 0; l--) {
            Network.Dense d = net.layers().get(l);
            double[] in = l == 0 ? x : a[l - 1];
            double[] down = new double[in.length];
            for (int o = 0; o < d.outputs(); o++) {
                double dz = up[o] * slope(d.activation(), a[l][o]);
                for (int j = 0; j < in.length; j++) {
                    g[l][o][j] += dz * in[j];
                    down[j] += dz * d.weights()[o][j];
                }
                g[l][o][in.length] += dz;
            }
            up = down;
        }
    }

    /** The activation's slope, from its output: tanh 1 − a², sigmoid a(1 − a), relu 1 where a > 0, linear 1. */
    static double slope(Activation f, double a) {
        switch (f) {
            case TANH:
                return 1 - a * a;
            case SIGMOID:
                return a * (1 - a);
            case RELU:
                return a > 0 ? 1 : 0;
            default:
                return 1;
        }
    }
}
