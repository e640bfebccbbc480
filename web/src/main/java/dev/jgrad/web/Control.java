package dev.jgrad.web;

import dev.jgrad.app.CircleExperiment;
import dev.jgrad.base.Named;
import dev.jgrad.data.Datasets;
import dev.jgrad.data.Features;
import dev.jgrad.data.Task;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.optim.OptimizerKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One control of the playground, as the URL names it and the page draws it: the table that
 * {@link Setup#parse} checks values against and {@code Playground.controls()} hands the page, so the
 * two cannot disagree about a key, a choice or a bound. Choices are core's ids where core has them
 * ({@link Activation}, {@link Init}, {@link OptimizerKind}, {@link Datasets}' generators), so the page
 * and {@code jgrad train} spell them alike.
 *
 * @param kind "choice", "number", "integer", "boolean" or "list"
 * @param choices the ids of a choice or a list; empty otherwise
 * @param min the least value (for a list: of each entry)
 * @param max the largest value (for a list: of each entry)
 * @param fallback the default, as the URL writes it
 */
record Control(String key, String label, String kind, List<String> choices, double min, double max, String fallback) {

    /**
     * core's generators, classes first and then regression (TensorFlow Playground's plane and gaussian-mixture, and the
     * 1-D sine), then drawn ("custom") and loaded ("csv") points.
     */
    static final List<String> DATA = concat(generators(), List.of("custom", "csv"));
    /** SGD's momentum below 1: at 1 the velocity never decays. */
    static final double MAX_MOMENTUM = 0.99;
    /** The two losses whose one output the page draws as a boundary: the post's mse and bce. */
    static final List<String> LOSSES = List.of("mse", "bce");
    static final List<String> REGULARISATION = List.of("none", "l1", "l2");
    static final int MAX_LAYERS = 6;
    static final int MAX_NEURONS = 16;
    static final int MAX_POINTS = 2000;
    /** The largest epoch budget: far past where any of the page's setups stops learning. */
    static final int MAX_EPOCHS = 100_000;

    static final List<Control> ALL = List.of(
            choice("data", "Data", DATA, "circle"),
            number("noise", "Noise", 0, 1, "the data set's own"),
            integer("points", "Points", 10, MAX_POINTS, "300"),
            integer("ratio", "Training share (%)", 10, 90, "80"),
            new Control("features", "Input features", "list", Features.CHOICES.ids(), 1, Features.CHOICES.ids().size(), "x1,x2"),
            new Control("hidden", "Hidden layers (neurons each)", "list", List.of(), 1, MAX_NEURONS, "9"),
            choice("activation", "Activation", ids(Activation.CHOICES.values()), "tanh"),
            choice("loss", "Loss", LOSSES, "mse"),
            choice("init", "Initial weights", ids(Init.CHOICES.values()), "uniform"),
            choice("optimizer", "Optimizer", ids(OptimizerKind.CHOICES.values()), "sgd"),
            number("lr", "Learning rate", 0, 10, "0.01"),
            number("momentum", "Momentum (sgd)", 0, MAX_MOMENTUM, "0"),
            new Control("batch", "Batch size", "integer", List.of("full"), 1, MAX_POINTS, "1"),
            integer("epochs", "Stop after epochs", 1, MAX_EPOCHS, Integer.toString(CircleExperiment.EPOCHS)),
            choice("reg", "Regularisation", REGULARISATION, "none"),
            number("rate", "Regularisation rate", 0, 1, "0.001"),
            integer("seed", "Seed", 0, 9007199254740991.0, "42"),
            choice("engine", "Engine", List.of("auto", "scalar", "tensor"), "auto"),
            bool("play", "Play on load"),
            bool("test", "Show test data"));

    /** The control called {@code key}, or null. */
    static Control named(String key) {
        for (Control c : ALL) {
            if (c.key.equals(key)) {
                return c;
            }
        }
        return null;
    }

    /** As the page reads it: {@code {"key":..,"label":..,"kind":..,"choices":[..],"min":..,"max":..,"default":..}}. */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("label", label);
        m.put("kind", kind);
        m.put("choices", choices);
        if (key.equals("features")) {
            m.put("labels", Features.of(Features.CHOICES.ids()).labels());
        }
        if (key.equals("data")) {
            // Which choices are regression data, and which of those have one input: the page shows the right pictures.
            m.put("regression", regression(false));
            m.put("oneInput", regression(true));
        }
        if (key.equals("hidden")) {
            m.put("maxLayers", MAX_LAYERS);
        }
        m.put("min", min);
        m.put("max", max);
        m.put("default", fallback);
        return m;
    }

    private static Control choice(String key, String label, List<String> choices, String fallback) {
        return new Control(key, label, "choice", choices, 0, 0, fallback);
    }

    private static Control number(String key, String label, double min, double max, String fallback) {
        return new Control(key, label, "number", List.of(), min, max, fallback);
    }

    private static Control integer(String key, String label, double min, double max, String fallback) {
        return new Control(key, label, "integer", List.of(), min, max, fallback);
    }

    private static Control bool(String key, String label) {
        return new Control(key, label, "boolean", List.of("0", "1"), 0, 1, "0");
    }

    private static List<String> ids(List<? extends Named> named) {
        List<String> ids = new ArrayList<>();
        for (Named n : named) {
            ids.add(n.id());
        }
        return ids;
    }

    private static List<String> generators() {
        List<String> ids = new ArrayList<>();
        for (Datasets.Generator g : Datasets.CHOICES.values()) {
            ids.add(g.id());
        }
        return ids;
    }

    /** The regression generators' ids; with {@code oneInput}, only those whose points have one coordinate. */
    static List<String> regression(boolean oneInput) {
        List<String> ids = new ArrayList<>();
        for (Datasets.Generator g : Datasets.CHOICES.values()) {
            if (g.task() == Task.REGRESSION && (!oneInput || DataShape.generator(g.id()).inputs() == 1)) {
                ids.add(g.id());
            }
        }
        return ids;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
