package dev.jgrad.web;

import dev.jgrad.data.Dataset;
import dev.jgrad.data.Features;
import dev.jgrad.nn.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * The input plane as two neurons of a layer see it: a grid of lines over the view, each line carried point by
 * point through the network up to that layer, and the data's points carried along. A hidden layer bends the
 * plane so that a line (the next layer's neuron) can cut it; this is the picture of that bending.
 */
final class HiddenSpace {
    /** Grid lines each way, and the points each line is sampled at. */
    static final int LINES = 13;
    static final int SAMPLES = 48;

    private final Network net;
    private final Features features;
    private final int layer;
    private final int a;
    private final int b;
    private final double[][] acts;

    /** layer from 1 (the first hidden layer) to the number of layers (the output); a, b neurons of it from 0. */
    HiddenSpace(Network net, Features features, int layer, int a, int b) {
        if (layer < 1 || layer > net.layers().size()) {
            throw new IllegalArgumentException("layer " + layer + " is not in 1.." + net.layers().size());
        }
        int width = net.layers().get(layer - 1).outputs();
        if (a < 0 || a >= width || b < 0 || b >= width) {
            throw new IllegalArgumentException("layer " + layer + " has neurons 1.." + width + "; got " + (a + 1) + " and " + (b + 1));
        }
        this.net = net;
        this.features = features;
        this.layer = layer;
        this.a = a;
        this.b = b;
        acts = new double[layer + 1][];
        acts[0] = new double[features.size()];
        for (int l = 0; l < layer; l++) {
            acts[l + 1] = new double[net.layers().get(l).outputs()];
        }
    }

    /** Where the plane's point (x1, x2) lands: {neuron a's activation, neuron b's}. */
    double[] map(double x1, double x2) {
        for (int f = 0; f < acts[0].length; f++) {
            acts[0][f] = features.chosen().get(f).of(x1, x2);
        }
        for (int l = 0; l < layer; l++) {
            Network.Dense d = net.layers().get(l);
            for (int o = 0; o < d.outputs(); o++) {
                double s = 0;
                double[] row = d.weights()[o];
                for (int i = 0; i < row.length; i++) {
                    s += row[i] * acts[l][i];
                }
                acts[l + 1][o] = d.activation().apply(s + d.biases()[o]);
            }
        }
        return new double[] {acts[layer][a], acts[layer][b]};
    }

    /** The grid's lines over the view, vertical ones first, each as x, y, x, y… of its mapped samples. */
    List<double[]> lines(View view) {
        List<double[]> lines = new ArrayList<>();
        for (int vertical = 1; vertical >= 0; vertical--) {
            for (int k = 0; k < LINES; k++) {
                double[] line = new double[2 * SAMPLES];
                for (int s = 0; s < SAMPLES; s++) {
                    double u = k / (LINES - 1.0), t = s / (SAMPLES - 1.0);
                    double x = view.xmin() + (vertical == 1 ? u : t) * (view.xmax() - view.xmin());
                    double y = view.ymin() + (vertical == 1 ? t : u) * (view.ymax() - view.ymin());
                    double[] p = map(x, y);
                    line[2 * s] = p[0];
                    line[2 * s + 1] = p[1];
                }
                lines.add(line);
            }
        }
        return lines;
    }

    /** The points mapped: x, y, class (a regression point's target), x, y, class… */
    double[] points(Dataset raw) {
        double[] out = new double[3 * raw.size()];
        for (int i = 0; i < raw.size(); i++) {
            double[] p = map(raw.points()[i][0], raw.points()[i][1]);
            out[3 * i] = p[0];
            out[3 * i + 1] = p[1];
            out[3 * i + 2] = raw.targets() != null ? raw.targets()[i] : raw.labels()[i];
        }
        return out;
    }
}
