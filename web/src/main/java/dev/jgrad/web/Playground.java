package dev.jgrad.web;

import org.teavm.jso.JSExport;

/**
 * What the playground page calls: TeaVM compiles this class to {@code engine.js}, an ES2015 module whose
 * exports are the {@link JSExport} methods below, so the page's JavaScript only draws and listens while
 * jgrad's own classes make the data, the network, the training and the graphs.
 *
 * <p>The page holds one setup at a time, so the state is one static session. Structured answers are JSON
 * text (the page reads them with {@code JSON.parse}); pictures are {@code double[]}, which TeaVM hands to
 * JavaScript as a {@code Float64Array}. Every answer that can fail is an object with {@code "ok"}: on
 * {@code false} its {@code "error"} is one line for the page to show, and the previous valid setup stays.
 * The same methods run on the JVM, where the tests call them.
 */
public final class Playground {
    private Playground() {
    }

    /** TeaVM needs an entry point; the page calls the exports, not this. */
    public static void main(String[] args) {
        // Nothing to start: the page calls setup(query) once it has read its URL.
    }

    // ---- The setup (the URL's query) ----

    /**
     * Applies a URL query ({@code data=circle&hidden=9&activation=tanh&lr=0.01&batch=1&seed=42&play=1}): a
     * key left out keeps its default. On success the data are drawn and the weights initialised from the
     * seed, epoch 0: {@code {"ok":true,"query":canonical query of every non-default key,"command":the
     * equivalent jgrad train command line,"setup":{every control's value}}}.
     */
    @JSExport
    public static String setup(String query) {
        return pending("setup");
    }

    /**
     * Every control with its choices, bounds and default, for the page to build its form:
     * {@code {"controls":[{"key":"data","label":"Data","kind":"choice"|"number"|"integer"|"boolean"|"list",
     * "choices":[...],"min":..,"max":..,"default":..}, ...]}}.
     */
    @JSExport
    public static String controls() {
        return pending("controls");
    }

    /** Draws the data and the initial weights again from the current setup's seed; epoch 0. */
    @JSExport
    public static String reset() {
        return pending("reset");
    }

    // ---- Training ----

    /** One optimizer step on the next mini-batch; answers {@link #stats()}. */
    @JSExport
    public static String step() {
        return pending("step");
    }

    /** One epoch; answers {@link #stats()}. */
    @JSExport
    public static String epoch() {
        return pending("epoch");
    }

    /** Whole epochs until {@code millis} have passed (at least one); answers {@link #stats()}. */
    @JSExport
    public static String train(double millis) {
        return pending("train");
    }

    /**
     * {@code {"ok":true,"epoch":E,"step":S,"trainLoss":..,"trainAccuracy":..,"testLoss":..,"testAccuracy":..,
     * "stopped":null|"one line naming the epoch, as the CLI says it"}}; the curves are the page's to keep.
     */
    @JSExport
    public static String stats() {
        return pending("stats");
    }

    // ---- Pictures ----

    /** The view box in data coordinates: {@code {"xmin":..,"xmax":..,"ymin":..,"ymax":..}}. */
    @JSExport
    public static String view() {
        return pending("view");
    }

    /** The model's output on an n×n grid over the view box, row by row from the top left. */
    @JSExport
    public static double[] boundary(int n) {
        return new double[0];
    }

    /** What one neuron computes on the same grid: layer from 1 (hidden layers), index from 0. */
    @JSExport
    public static double[] neuron(int layer, int index, int n) {
        return new double[0];
    }

    /** The points, four numbers each: x1, x2, class (0 or 1), 1 if a test point. */
    @JSExport
    public static double[] points() {
        return new double[0];
    }

    /**
     * The network as the page draws it: {@code {"features":["x1","x2",..],"layers":[{"weights":[[..]],
     * "biases":[..],"activation":"tanh"}, ...]}} (the last layer is the output).
     */
    @JSExport
    public static String network() {
        return pending("network");
    }

    // ---- Data ----

    /** Adds a point drawn by the learner (class 0 or 1) to the training data; answers {@link #stats()}. */
    @JSExport
    public static String addPoint(double x1, double x2, int label) {
        return pending("addPoint");
    }

    /** Reads a CSV of two numeric features and a label (text read in the page); at most 10,000 rows. */
    @JSExport
    public static String loadCsv(String text) {
        return pending("loadCsv");
    }

    // ---- One neuron's computational graph ----

    /**
     * Opens the graph of one neuron ({@code layer} from 1; {@code layer} = number of hidden layers + 1 is the
     * output) for training point {@code sample}: {@code {"ok":true,"svg":"<svg…>","explain":"…","done":false}}.
     */
    @JSExport
    public static String graph(int layer, int index, int sample) {
        return pending("graph");
    }

    /** Fires the next local rule of the open graph's backward pass: the same answer as {@link #graph}. */
    @JSExport
    public static String backpropStep() {
        return pending("backpropStep");
    }

    /** Fires every remaining rule: the same answer as {@link #graph}. */
    @JSExport
    public static String backpropRun() {
        return pending("backpropRun");
    }

    /**
     * One gradient-descent step on the open graph's parameters with the setup's learning rate, then the
     * forward pass again: the same answer as {@link #graph}, its explanation naming each change.
     */
    @JSExport
    public static String descend() {
        return pending("descend");
    }

    /** For a node of the open graph (its id in the SVG): {@code {"ok":true,"node":..,"backprop":..,"numeric":..}}. */
    @JSExport
    public static String gradientCheck(String node) {
        return pending("gradientCheck");
    }

    // ---- The tour and files ----

    /**
     * Step {@code i} of the post's tour: {@code {"ok":true,"i":i,"count":n,"title":..,"text":..,
     * "svg":graph or null,"query":a setup to apply or null}}.
     */
    @JSExport
    public static String tour(int i) {
        return pending("tour");
    }

    /** The trained model as the model.json that {@code jgrad predict} reads. */
    @JSExport
    public static String modelJson() {
        return pending("modelJson");
    }

    private static String pending(String what) {
        return "{\"ok\":false,\"error\":\"" + what + " is not built yet\"}";
    }
}
