package dev.jgrad.web;

import dev.jgrad.data.Datasets;
import dev.jgrad.data.Features;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.optim.OptimizerKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The playground's whole setup, which is its URL's query: every control of {@link Control#ALL} with
 * its value. {@link #parse} reads a query (unknown keys and out-of-range values are one-line errors
 * naming the key and the value); {@link #query()} writes the keys that differ from the defaults, so
 * that a shared link is short and {@code parse(s.query())} gives {@code s} back.
 *
 * @param data a generator's id, "custom" (drawn points) or "csv" (a loaded file)
 * @param shape the data's task and coordinates: the generator's, the drawing's, or the loaded file's
 * @param noise the generator's noise, in {@link Datasets}' units (a standard deviation)
 * @param ratio the training share of the points, in percent
 * @param hidden the hidden layers' sizes (none: a linear model)
 * @param activations one activation for every hidden layer, or one per hidden layer ({@code activation=tanh,relu})
 * @param momentum SGD's momentum μ (0: plain steps), as {@code jgrad train --momentum}
 * @param batch points per update; 0 for the full batch
 * @param epochs where playing stops (as {@code jgrad train --epochs}); the learner may press play to go on
 * @param reg "none", "l1" or "l2", at {@code rate}
 * @param engine "auto" (the page's choice by the run's shape), "scalar" or "tensor"
 * @param play whether the page starts training on load
 * @param test whether the page shows the test points
 */
public record Setup(String data, DataShape shape, double noise, int points, int ratio, Features features, List<Integer> hidden,
        List<Activation> activations, Loss loss, Init init, OptimizerKind optimizer, double lr, double momentum, int batch, int epochs, String reg, double rate,
        long seed, String engine, boolean play, boolean test) {

    public Setup {
        hidden = List.copyOf(hidden);
        activations = List.copyOf(activations);
        if (activations.size() > 1 && activations.size() != hidden.size()) {
            throw new IllegalArgumentException("activation: " + activations.size() + " activations for " + hidden.size() + " hidden "
                    + (hidden.size() == 1 ? "layer" : "layers") + "; give one for every layer, or one per hidden layer");
        }
        if (momentum != 0 && optimizer != OptimizerKind.SGD) {
            throw new IllegalArgumentException("momentum: " + text(momentum) + " with " + optimizer.id()
                    + "; momentum applies to sgd only (adam and adamw keep their own); set it to 0 or choose sgd");
        }
        // The fields are not set yet inside this constructor: the checks read its parameters.
        if (shape.regression() && loss != Loss.MSE) {
            throw new IllegalArgumentException("loss: " + loss.id() + " scores classes; " + data + " is regression data (a number"
                    + " per point), trained with mse");
        }
        if (shape.regression() && !features.toString().equals(defaultFeatures(shape))) {
            // As jgrad train, which transforms the points of classes only: a regression reads its points as they are.
            throw new IllegalArgumentException("features: " + features + " for " + data + "; regression data is read as it is, "
                    + defaultFeatures(shape));
        }
    }

    /** The first hidden layer's activation (every layer's, when one is given). */
    public Activation activation() {
        return activations.get(0);
    }

    /** The post's setup: the circle, 9 tanh neurons, mse, micrograd's init, per-sample SGD at 0.01, seed 42. */
    public static Setup defaults() {
        return parse("");
    }

    /** The setup a query gives ({@code a=1&b=2}, with or without a leading '?'); a key left out has its default. */
    public static Setup parse(String query) {
        return parse(query, DataShape.CLASSES);
    }

    /** {@link #parse(String)}, where {@code data=csv} means a loaded file of shape {@code file}. */
    static Setup parse(String query, DataShape file) {
        Query q = Query.of(query);
        String data = q.choice("data");
        DataShape shape = shapeOf(data, file);
        double noise = q.gives("noise") ? q.number("noise") : defaultNoise(data);
        String features = q.gives("features") ? q.text("features") : defaultFeatures(shape);
        return new Setup(data, shape, noise, (int) q.integer("points"), (int) q.integer("ratio"), Query.features(features),
                q.hidden(), q.activations(), Loss.CHOICES.parse(q.choice("loss")),
                Init.CHOICES.parse(q.choice("init")), OptimizerKind.CHOICES.parse(q.choice("optimizer")), q.positive("lr"),
                q.number("momentum"), q.batch(), (int) q.integer("epochs"), q.choice("reg"), q.number("rate"), q.integer("seed"),
                q.choice("engine"), q.flag("play"), q.flag("test"));
    }

    /** The noise a generator draws with by default; 0 for drawn and loaded points. */
    static double defaultNoise(String data) {
        return generated(data) ? Datasets.CHOICES.parse(data).defaultNoise() : 0;
    }

    /** The features a data set is read through by default: x1 alone for points of one coordinate, else the control's default. */
    static String defaultFeatures(DataShape shape) {
        return shape.inputs() == 1 ? "x1" : Control.named("features").fallback();
    }

    /** The shape of {@code data}: a generator's own, the loaded file's for csv, two classes for drawn points. */
    private static DataShape shapeOf(String data, DataShape file) {
        return generated(data) ? DataShape.generator(data) : data.equals("csv") ? file : DataShape.CLASSES;
    }

    /** How many coordinates the data's points have: 1 for a curve (the sine), else 2. */
    int inputs() {
        return shape.inputs();
    }

    /** Whether the data are regression data: a number to predict per point, not a class. */
    public boolean regression() {
        return shape.regression();
    }

    /** The query of every key whose value differs from its default, in the controls' order. */
    public String query() {
        Map<String, String> mine = values();
        Map<String, String> defaults = defaults().values();
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : mine.entrySet()) {
            // The noise's and the features' defaults are the data's own, not the circle's.
            boolean differs = e.getKey().equals("noise") ? noise != defaultNoise(data)
                    : e.getKey().equals("features") ? !e.getValue().equals(defaultFeatures(shape))
                    : !e.getValue().equals(defaults.get(e.getKey()));
            if (differs) {
                parts.add(e.getKey() + "=" + e.getValue());
            }
        }
        return String.join("&", parts);
    }

    /** Every control's value as the URL writes it. */
    Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("data", data);
        m.put("noise", text(noise));
        m.put("points", Integer.toString(points));
        m.put("ratio", Integer.toString(ratio));
        m.put("features", features.toString());
        m.put("hidden", join(hidden));
        List<String> ids = new ArrayList<>();
        for (Activation a : activations) {
            ids.add(a.id());
        }
        m.put("activation", String.join(",", ids));
        m.put("loss", loss.id());
        m.put("init", init.id());
        m.put("optimizer", optimizer.id());
        m.put("lr", text(lr));
        m.put("momentum", text(momentum));
        m.put("batch", batch == 0 ? "full" : Integer.toString(batch));
        m.put("epochs", Integer.toString(epochs));
        m.put("reg", reg);
        m.put("rate", text(rate));
        m.put("seed", Long.toString(seed));
        m.put("engine", engine);
        m.put("play", play ? "1" : "0");
        m.put("test", test ? "1" : "0");
        return m;
    }

    /** The fraction held out for testing, as {@code jgrad train --val} takes it. */
    public double validation() {
        return (100 - ratio) / 100.0;
    }

    /**
     * The output layer's activation: the post's tanh for mse, none for bce (its output is a logit); none for regression
     * either, as {@code jgrad train --task regression} (a target is any number, not a class at ±1).
     */
    public Activation outputActivation() {
        return loss == Loss.MSE && !regression() ? Activation.TANH : Activation.LINEAR;
    }

    /** A generated data set (not drawn or loaded points). */
    public boolean generated() {
        return generated(data);
    }

    private static boolean generated(String data) {
        return !data.equals("custom") && !data.equals("csv") && Control.DATA.contains(data);
    }

    /**
     * This setup with other data of that shape (a drawn or loaded set replaces the generated one), keeping every other
     * control; across tasks the features and the loss go back to the new data's defaults, as the page's data choice does,
     * since a regression reads its points as they are with mse.
     */
    Setup withData(String other, DataShape next) {
        boolean across = shape.regression() || next.regression();
        Features f = across ? Query.features(defaultFeatures(next)) : features;
        Loss l = across ? Loss.CHOICES.parse(Control.named("loss").fallback()) : loss;
        return new Setup(other, next, defaultNoise(other), points, ratio, f, hidden, activations, l, init, optimizer, lr, momentum, batch,
                epochs, reg, rate, seed, engine, play, test);
    }

    /** A double as the URL and the command line write it: no ".0" on whole numbers. */
    static String text(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String join(List<Integer> sizes) {
        List<String> s = new ArrayList<>();
        for (int h : sizes) {
            s.add(Integer.toString(h));
        }
        return String.join(",", s);
    }
}
