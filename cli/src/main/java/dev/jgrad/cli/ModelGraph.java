package dev.jgrad.cli;

import dev.jgrad.data.Dataset;
import dev.jgrad.data.Scaler;
import dev.jgrad.data.Scaling;
import dev.jgrad.engine.Value;
import dev.jgrad.io.ModelFile;
import dev.jgrad.nn.Network;
import dev.jgrad.nn.Predictor;
import dev.jgrad.viz.BoundaryPlot;
import dev.jgrad.viz.Dot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A saved model's pictures ({@code jgrad graph --model}): one neuron's computation at a point, drawn
 * as the post draws its h1 (inputs green, weights and bias blue, their products, the sum n, the
 * activation), and the decision boundary over the plane of a model of two raw inputs. Neurons are
 * named as the playground names them: {@code hL_J} (hidden layer L, neuron J, from 1; {@code hJ}
 * when there is one hidden layer) and {@code out} ({@code out_J} when there are several outputs).
 */
final class ModelGraph {
    private final Predictor predictor;
    private final Network network;

    ModelGraph(Predictor predictor, Network network) {
        this.predictor = predictor;
        this.network = network;
    }

    /** A neuron by its place: layer from 0 (the last is the output layer), index from 0. */
    record Neuron(String name, int layer, int index) {
    }

    /** The neuron {@code name} names, or a usage error listing the names this network has. */
    Neuron neuron(String name) {
        int hidden = network.layers().size() - 1;
        int outputs = network.outputs();
        String n = name == null ? (outputs == 1 ? "out" : "out_1") : name.strip();
        int layer = -1;
        String index = null;
        if (n.equals("out") && outputs == 1) {
            layer = hidden;
            index = "1";
        } else if (n.startsWith("out_")) {
            layer = hidden;
            index = n.substring(4);
        } else if (n.matches("h\\d+_\\d+")) {
            layer = Integer.parseInt(n.substring(1, n.indexOf('_'))) - 1;
            index = n.substring(n.indexOf('_') + 1);
        } else if (n.matches("h\\d+") && hidden == 1) {
            layer = 0;
            index = n.substring(1);
        }
        int j = index != null && index.matches("\\d{1,6}") ? Integer.parseInt(index) - 1 : -1;
        if (layer < 0 || layer > hidden || n.startsWith("h") && layer == hidden || j < 0
                || j >= network.layers().get(layer).outputs()) {
            throw new IllegalArgumentException("--neuron " + Errors.printable(n) + ": no such neuron in this " + shape()
                    + " network; its neurons are " + names());
        }
        return new Neuron(n, layer, j);
    }

    /** "2-8-1": the inputs, then each layer's width. */
    String shape() {
        return network.inputs() + "-" + network.layers().stream().map(l -> String.valueOf(l.outputs())).collect(Collectors.joining("-"));
    }

    private String names() {
        List<String> names = new ArrayList<>();
        int hidden = network.layers().size() - 1;
        for (int l = 0; l < hidden; l++) {
            int width = network.layers().get(l).outputs();
            String h = hidden == 1 ? "h" : "h" + (l + 1) + "_";
            names.add(width == 1 ? h + 1 : h + 1 + "…" + h + width);
        }
        names.add(network.outputs() == 1 ? "out" : "out_1…out_" + network.outputs());
        return String.join(", ", names);
    }

    /**
     * The neuron's graph at the raw point: its inputs (the scaled features, or the previous layer's
     * outputs computed as predict computes them) as leaves, so the output's value is the model's own.
     */
    Value graph(Neuron neuron, double[] raw) {
        double[] x = predictor.scaler().apply(predictor.features() == null ? raw : predictor.features().apply(raw));
        for (int l = 0; l < neuron.layer(); l++) {
            Network.Dense layer = network.layers().get(l);
            double[] out = new double[layer.outputs()];
            for (int o = 0; o < out.length; o++) {
                double s = 0;
                for (int i = 0; i < x.length; i++) {
                    s += layer.weights()[o][i] * x[i];
                }
                out[o] = layer.activation().apply(s + layer.biases()[o]);
            }
            x = out;
        }
        Network.Dense layer = network.layers().get(neuron.layer());
        List<Value> terms = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            String input = neuron.layer() == 0 ? "x" + (i + 1) : "h" + neuron.layer() + "_" + (i + 1);
            Value xi = Value.of(x[i], input);
            Value wi = Value.of(layer.weights()[neuron.index()][i], "w" + (i + 1));
            terms.add(wi.mul(xi).named(input + "·w" + (i + 1)));
        }
        terms.add(Value.of(layer.biases()[neuron.index()], "b"));
        Value n = Value.sum(terms).named("n");
        Value o = layer.activation().apply(n);
        return o == n ? n.named(neuron.name()) : o.named(neuron.name());
    }

    /** The graph's leaves split as {@code Dot} colours them: weights and bias, then inputs. */
    static Dot dot(Value root, String title) {
        List<Value> parameters = new ArrayList<>();
        List<Value> inputs = new ArrayList<>();
        for (Value v : root.topologicalOrder()) {
            if (v.op().isEmpty()) {
                (v.label().startsWith("w") || v.label().equals("b") ? parameters : inputs).add(v);
            }
        }
        return Dot.of(root).parameters(parameters).inputs(inputs).title(title);
    }

    /**
     * The plane drawn when none is given: in the model's scaled units ±3 around the mean (standard),
     * the fitted range with a margin (min–max), else ±3 in the raw units.
     */
    BoundaryPlot.Region region() {
        Scaler s = predictor.scaler();
        if (predictor.features() != null || s.kind() == Scaling.NONE) {
            return BoundaryPlot.Region.square(3);
        }
        double lo = s.kind() == Scaling.STANDARD ? -3 : -0.1;
        double hi = s.kind() == Scaling.STANDARD ? 3 : 1.1;
        return new BoundaryPlot.Region(s.invert(0, lo), s.invert(0, hi), s.invert(1, lo), s.invert(1, hi));
    }

    /** The boundary picture over {@code region}: the score for two classes, each class's region for more. */
    java.awt.image.BufferedImage boundary(BoundaryPlot.Region region, List<String> axes, String title) {
        checkBoundary();
        Dataset none = new Dataset("model", new double[0][], new int[0], predictor.classes().size(), predictor.classes());
        BoundaryPlot plot = BoundaryPlot.of(none).region(region).unitCircle(false).points(false);
        if (axes.size() == 2) {
            plot.axes(axes.get(0), axes.get(1));
        }
        if (predictor.classes().size() == 2) {
            Plots.output(plot, predictor.loss());
            return plot.draw((x, y) -> predictor.loss().margin(predictor.outputs(x, y)), title);
        }
        return plot.drawClasses(predictor::outputs, title);
    }

    /** Whether the model has a boundary to draw: a classifier of 2 raw inputs. */
    boolean drawsBoundary() {
        return predictor.rawInputs() == 2 && !predictor.classes().isEmpty();
    }

    /** A usage error saying why there is no boundary to draw, if there is none. */
    void checkBoundary() {
        if (predictor.rawInputs() != 2) {
            throw new IllegalArgumentException("--boundary draws a model of 2 inputs over their plane; this one reads "
                    + predictor.rawInputs());
        }
        if (predictor.classes().isEmpty()) {
            throw new IllegalArgumentException("--boundary draws a classifier's classes; this is a regression model "
                    + "(train --plots draws its heat map over the data)");
        }
    }

    /** {@code --point}, one number per raw input (default all 0). */
    static double[] point(List<Double> point, int inputs) {
        if (point == null) {
            return new double[inputs];
        }
        if (point.size() != inputs) {
            throw new IllegalArgumentException("--point has " + Words.count(point.size(), "number") + "; the model reads "
                    + Words.count(inputs, "raw input") + ", e.g. --point " + String.join(",", Collections.nCopies(inputs, "0")));
        }
        return point.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The boundary's axis titles: the model's two feature names when it has them. */
    static List<String> axes(ModelFile saved, Predictor p) {
        return p.features() == null && saved.metadata().get("features") instanceof List<?> names && names.size() == 2
                ? names.stream().map(String::valueOf).toList() : List.of();
    }
}
