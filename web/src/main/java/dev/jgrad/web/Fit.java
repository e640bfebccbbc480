package dev.jgrad.web;

import dev.jgrad.data.Dataset;
import dev.jgrad.nn.Network;
import java.util.Map;

/**
 * What the output picture shows for either task: for classes, the loss's margin (0 on the decision boundary); for
 * regression data, the output itself in the target's units, drawn on a diverging scale of the targets' range; and for
 * points of one coordinate (the sine), the model's curve over x instead of a map. The page draws; this decides what.
 */
final class Fit {
    private Fit() {
    }

    /**
     * Adds to the view's answer: {@code "task"} ("classification" or "regression"), {@code "range"} (the largest
     * |target| of the points, the colour scale's end; null for classes) and {@code "curve"} (true for points of one
     * coordinate, drawn x across and the target up).
     */
    static void describe(Session s, Map<String, Object> m) {
        boolean regression = s.setup().regression();
        m.put("task", regression ? "regression" : "classification");
        m.put("range", regression ? range(s.allPoints()) : null);
        m.put("curve", s.setup().inputs() == 1);
    }

    /** The largest |target| of the points (1 if they are all 0): the colour at either end of the scale. */
    static double range(Dataset d) {
        double most = 0;
        for (double t : d.targets()) {
            most = Math.max(most, Math.abs(t));
        }
        return most > 0 ? most : 1;
    }

    /** What a picture reads off the output: the loss's margin for classes; null for regression, the output itself. */
    static dev.jgrad.loss.Loss reading(Session s) {
        return s.setup().regression() ? null : s.setup().loss();
    }

    /**
     * The output picture on an n×n grid: the margin for classes, the output (its last layer's one neuron) for regression.
     * Run as a frame's pass is (blocks of points, {@link Pass}), without its maps: the race redraws four of these.
     */
    static double[] picture(Session s, int n) {
        return Grid.frame(s.network(), s.setup().features(), reading(s), s.view(), n, 1).boundary();
    }

    /** The model's output at n evenly spaced x across the view (cell centres); empty unless the points have one coordinate. */
    static double[] curve(Session s, int n) {
        if (s.setup().inputs() != 1) {
            return new double[0];
        }
        Network net = s.network();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double[][] a = Grid.activations(net, new double[] {s.view().x(i, n)});
            out[i] = a[a.length - 1][0];
        }
        return out;
    }

    /**
     * The points, four numbers each: x1, x2, class (0 or 1), 1 if a test point; a regression point's third is its
     * target, and a point of one coordinate is drawn at (x, its target).
     */
    static double[] points(Session s) {
        Dataset train = s.rawTrain(), test = s.rawTest();
        double[] p = new double[4 * (train.size() + test.size())];
        for (int i = 0; i < train.size() + test.size(); i++) {
            boolean isTest = i >= train.size();
            Dataset d = isTest ? test : train;
            int k = isTest ? i - train.size() : i;
            double[] x = d.points()[k];
            double value = d.targets() != null ? d.targets()[k] : d.labels()[k];
            p[4 * i] = x[0];
            p[4 * i + 1] = x.length > 1 ? x[1] : value;
            p[4 * i + 2] = value;
            p[4 * i + 3] = isTest ? 1 : 0;
        }
        return p;
    }
}
