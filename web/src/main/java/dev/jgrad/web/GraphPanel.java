package dev.jgrad.web;

import dev.jgrad.engine.Backprop;
import dev.jgrad.engine.Forward;
import dev.jgrad.engine.Value;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.MLP;
import dev.jgrad.nn.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * One neuron's computational graph for one sample, drawn in the post's style ({@link NeuronGraph} names
 * it, {@link GraphSvg} draws it), whose backward pass the learner steps one local rule at a time
 * ({@link Backprop}); then one step of gradient descent on the neuron's weights and bias, and the forward
 * pass again. The panel keeps its own copy of the network, so descending here never moves the weights the
 * page is training. Answers are JSON text for {@link Playground}; a panel opened on a neuron that does
 * not exist answers {@code {"ok":false,"error":…}} to everything.
 */
public final class GraphPanel {
    /** The nudge of the central difference: small enough for its h² error, large enough for rounding. */
    private static final double H = 1e-5;

    private final MLP mlp;
    private final SampleLoss loss;
    private final List<String> featureNames;
    private final double[] features;
    private final int layer;
    private final int index;
    private final double learningRate;
    private final String error;
    private NeuronGraph graph;
    private GraphSvg svg;
    private Backprop steps;
    private String explain;
    private Backprop.Step last;

    private GraphPanel(Network network, SampleLoss loss, List<String> featureNames, double[] features, int layer, int index,
            double learningRate) {
        this.mlp = network == null ? null : new MLP(network);
        this.loss = loss;
        this.featureNames = featureNames == null ? List.of() : List.copyOf(featureNames);
        this.features = features == null ? new double[0] : features.clone();
        this.layer = layer;
        this.index = index;
        this.learningRate = learningRate;
        this.error = problem(network);
        if (error == null) {
            rebuild();
            explain = opening();
        }
    }

    /**
     * Opens the graph of one neuron of {@code network} for one sample. layer: 1.. = hidden layers,
     * {@code network.layers().size()} = the output neuron (whose graph includes the loss). features: the
     * sample's input values (after the feature transform), featureNames their labels; label: the sample's class,
     * 0 or 1 (the loss turns it into its own target, as in training). learningRate: for {@link #descend()}.
     */
    public static GraphPanel open(Network network, Loss loss, List<String> featureNames, double[] features,
            int label, int layer, int index, double learningRate) {
        return new GraphPanel(network, loss == null ? null : SampleLoss.ofClass(loss, label), featureNames, features, layer, index,
                learningRate);
    }

    /**
     * {@link #open} on regression data: the output neuron's graph goes on to the squared error (o − y)² against the point's
     * {@code target}, the loss (MSE) regression trains with, and a hidden neuron's gradient comes from it.
     */
    static GraphPanel openRegression(Network network, List<String> featureNames, double[] features, double target, int layer,
            int index, double learningRate) {
        return new GraphPanel(network, SampleLoss.ofTarget(target), featureNames, features, layer, index, learningRate);
    }

    private String problem(Network network) {
        if (network == null || loss == null) {
            return "no network to open";
        }
        if (layer < 1 || layer > network.layers().size()) {
            return "layer " + layer + " is not in 1.." + network.layers().size();
        }
        int width = network.layers().get(layer - 1).outputs();
        if (index < 0 || index >= width) {
            return "neuron " + index + " is not in 0.." + (width - 1) + " of layer " + layer;
        }
        if (features.length != network.inputs()) {
            return "the sample has " + features.length + " features, the network reads " + network.inputs();
        }
        return null;
    }

    private void rebuild() {
        graph = new NeuronGraph(mlp, loss, featureNames, features, layer, index);
        svg = new GraphSvg(graph.root(), graph);
        steps = Backprop.from(graph.root(), graph.seed(), graph::plain);
        last = null;
    }

    private String opening() {
        Value root = graph.root();
        if (root != graph.output()) {
            String o = graph.plain(graph.output());
            String l = loss.regression() ? ", target y = " + Digits.fixed(loss.y()) + ", loss L = (" + o + " − y)² = "
                    + Digits.fixed(root.data()) + ", the squared error (MSE, as regression trains)" : ", loss L = " + Digits.fixed(root.data());
            return "Forward pass done: " + o + " = " + Digits.fixed(graph.output().data()) + l + ". Backprop starts at the loss: L.grad = dL/dL = 1.";
        }
        return "Forward pass done: " + graph.plain(root) + " = " + Digits.fixed(root.data()) + ". From the rest of the network, "
                + graph.plain(root) + ".grad = dLoss/d" + graph.plain(root) + " = " + Digits.fixed(graph.seed())
                + " flows in for this sample.";
    }

    /** {@code {"ok":true,"svg":"<svg…>","explain":"one line","done":bool,"node":id of the node that fired or null}}. */
    /** Whether the graph opened: false when the layer, neuron or sample does not exist (then it answers only errors). */
    public boolean isOpen() {
        return error == null;
    }

    public String answer() {
        if (error != null) {
            return Answers.error(error);
        }
        String picture = svg.render(Value::grad, last == null ? null : last.node(), last == null ? List.of() : last.receivers(), "");
        return Answers.ok("svg", picture, "explain", explain, "done", steps.done(),
                "node", last == null ? null : graph.id(last.node()));
    }

    /** Fires the next rule; {@link #answer()}. When every rule has fired, says so and fires nothing. */
    public String step() {
        if (error != null) {
            return answer();
        }
        if (steps.done()) {
            explain = "Every rule has fired: each node holds d" + graph.plain(graph.root()) + "/d(node). Next: one step of gradient descent.";
            last = null;
        } else {
            last = steps.step();
            explain = last.explanation();
        }
        return answer();
    }

    /** Fires all the rest; {@link #answer()}, explaining the last rule fired. */
    public String run() {
        if (error != null) {
            return answer();
        }
        int before = steps.fired();
        Backprop.Step step = steps.run();
        if (step != null) {
            last = step;
            explain = (steps.fired() - before) + " rules fired; the last: " + step.explanation();
        }
        return step == null ? step() : answer();
    }

    /**
     * Finishes the backward pass, moves each of the neuron's parameters against its gradient
     * ({@code p.data −= lr · p.grad}), then runs the forward pass again; {@link #answer()}, its explanation
     * naming each change and the loss before and after.
     */
    public String descend() {
        if (error != null) {
            return answer();
        }
        steps.run();
        List<Value> panel = graph.parameters();
        List<Value> network = graph.networkParameters();
        double outBefore = graph.output().data();
        double lossBefore = graph.fullLoss();
        StringBuilder changes = new StringBuilder();
        for (int i = 0; i < panel.size(); i++) {
            Value p = panel.get(i);
            double moved = p.data() - learningRate * p.grad();
            changes.append(i == 0 ? "" : ", ").append(graph.plain(p)).append(": ").append(change(p.data(), moved));
            network.get(i).setData(moved);
        }
        rebuild();
        String o = graph.plain(graph.output());
        explain = "One step of gradient descent, lr " + learningRate + ": " + changes + ". Forward again: " + o + " "
                + change(outBefore, graph.output().data()) + ", loss " + change(lossBefore, graph.fullLoss())
                + (graph.fullLoss() < lossBefore ? " (lower than it was)" : "") + ".";
        return answer();
    }

    /** "3.00 → 2.96": enough decimals to show the change, at least two. */
    static String change(double before, double after) {
        double d = Math.abs(after - before);
        int places = 2;
        while (places < 8 && d != 0 && d < Math.pow(10, -places)) {
            places++;
        }
        return Digits.decimals(before, places) + " → " + Digits.decimals(after, places);
    }

    /**
     * For the node with this id: the backprop gradient once every rule has fired, beside the central
     * difference (f(v + h) − f(v − h)) / 2h of the root with the node nudged and the forward pass run again,
     * times the gradient flowing into the root (1 for the loss): {@code {"ok":true,"node":..,"backprop":..,"numeric":..}}.
     */
    public String gradientCheck(String node) {
        if (error != null) {
            return answer();
        }
        // On a fresh copy, so the learner's half-stepped graph stays as it is.
        NeuronGraph fresh = new NeuronGraph(mlp, loss, featureNames, features, layer, index);
        Value v = null;
        for (Value candidate : fresh.root().topologicalOrder()) {
            if (candidate != null && fresh.id(candidate).equals(node)) {
                v = candidate;
            }
        }
        if (v == null) {
            return Answers.error("no node '" + node + "' in this graph");
        }
        Backprop.from(fresh.root(), fresh.seed(), fresh::plain).run();
        double x = v.data();
        v.setData(x + H);
        Forward.pass(fresh.root(), v);
        double up = fresh.root().data();
        v.setData(x - H);
        Forward.pass(fresh.root(), v);
        double down = fresh.root().data();
        v.setData(x);
        Forward.pass(fresh.root(), v);
        double numeric = fresh.seed() * (up - down) / (2 * H);
        return Answers.ok("node", node, "backprop", Answers.number(v.grad()), "numeric", Answers.number(numeric),
                "explain", fresh.plain(v) + ".grad: backprop " + Digits.fixed(v.grad()) + ", central difference "
                        + Digits.fixed(numeric) + " (h = 1e-5)");
    }

    // ---- for the tests, in this package ----

    NeuronGraph graph() {
        return graph;
    }

    List<Double> parameterGrads() {
        List<Double> g = new ArrayList<>();
        for (Value p : graph.parameters()) {
            g.add(p.grad());
        }
        return g;
    }
}
