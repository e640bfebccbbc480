package dev.jgrad.web;

import dev.jgrad.data.Dataset;
import dev.jgrad.data.Features;
import dev.jgrad.data.Scaler;
import dev.jgrad.io.Json;
import dev.jgrad.io.ModelFile;
import dev.jgrad.nn.Network;
import dev.jgrad.train.Learner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON texts {@link Playground} answers with, each an object the page reads with {@code JSON.parse}. */
final class Answers {
    private Answers() {
    }

    static String write(Map<String, Object> m) {
        return Json.write(m);
    }

    /** What {@code answer} gives, or its failure as {@link #error}: for answers that may fail anywhere. */
    static String guarded(java.util.function.Supplier<String> answer) {
        try {
            return answer.get();
        } catch (RuntimeException e) {
            return error(e);
        }
    }

    /** {@code {"ok":false,"error":one line}}: what went wrong, for the page to show; nothing changed. */
    static String error(RuntimeException e) {
        return error(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /** {@code {"ok":false,"error":message}}, the message on one line. */
    static String error(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", false);
        m.put("error", message.replace('\n', ' '));
        return write(m);
    }

    /** {@code {"ok":true}} and the given fields, in order: {@code ok("svg", svg, "done", true)}. */
    static String ok(Object... fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", true);
        for (int i = 0; i < fields.length; i += 2) {
            m.put((String) fields[i], fields[i + 1]);
        }
        return write(m);
    }

    static String setup(Session s, CsvText.Table loaded) {
        return write(setupFields(s, loaded));
    }

    /** {@link #stats}' fields and {@link #setup}'s: a drawn point changes the data, so the page shows the new setup. */
    static String drawn(Session s, CsvText.Table loaded) {
        Map<String, Object> m = setupFields(s, loaded);
        m.putAll(statsFields(s, s.measure()));
        return write(m);
    }

    private static Map<String, Object> setupFields(Session s, CsvText.Table loaded) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", true);
        m.put("query", s.query());
        m.put("command", command(s, loaded));
        m.put("setup", s.setup().values());
        m.put("engine", s.engine().id());
        m.put("task", s.setup().regression() ? "regression" : "classification");
        m.put("parameters", s.start().parameterCount());
        m.put("trainPoints", s.rawTrain().size());
        m.put("testPoints", s.rawTest().size());
        return m;
    }

    /** The command line that reproduces the session's data and starting weights. */
    static String command(Session s, CsvText.Table loaded) {
        boolean csv = s.setup().data().equals("csv");
        return TrainLine.text(s, csv ? CsvText.NAME : "points.csv", csv && loaded != null ? loaded.label() : CsvText.LABEL);
    }

    /**
     * Every control with its choices, bounds and default, for the page to build its form:
     * {@code {"controls":[{"key":"data","label":"Data","kind":"choice"|"number"|"integer"|"boolean"|"list",
     * "choices":[...],"min":..,"max":..,"default":..}, ...]}}.
     */
    static String controls() {
        List<Object> all = new ArrayList<>();
        for (Control c : Control.ALL) {
            all.add(c.toMap());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", true);
        m.put("controls", all);
        return write(m);
    }

    /**
     * {@code {"ok":true,"epoch":E,"step":S,"trainLoss":..,"trainAccuracy":..,"testLoss":..,"testAccuracy":..,
     * "stopped":null|"one line naming the epoch, as the CLI says it","budget":the epochs playing stops at,
     * "atBudget":whether it stopped there,"query":the setup's query}} (losses and
     * accuracies null where there are no points); the curves are the page's to keep. Step counts updates.
     */
    static String stats(Session s) {
        return write(statsFields(s, s.measure()));
    }

    /** {@link #stats(Session)} with the last finished epoch's measure ({@link Session#lastEpoch()}): the play loop's answer. */
    static String playing(Session s) {
        return write(statsFields(s, s.lastEpoch()));
    }

    private static Map<String, Object> statsFields(Session s, Learner.Evaluation[] e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", true);
        m.put("epoch", s.epochs());
        m.put("step", s.updates());
        m.put("trainLoss", number(e[0].loss()));
        m.put("trainAccuracy", number(e[0].accuracy()));
        m.put("testLoss", number(e[1].loss()));
        m.put("testAccuracy", number(e[1].accuracy()));
        // Regression's figure beside the loss: R² as core's Regression computes it, the one jgrad train reports.
        m.put("trainR2", e[0].fit() == null ? null : number(e[0].fit().r2()));
        m.put("testR2", e[1].fit() == null ? null : number(e[1].fit().r2()));
        m.put("stopped", s.stopped());
        m.put("warning", s.hasPoints() ? Health.line(s.network(), s.train()) : null);
        m.put("budget", s.setup().epochs());
        m.put("atBudget", s.atBudget());
        m.put("query", s.query());
        return m;
    }

    /**
     * The network as the page draws it: {@code {"features":["x1","x2",..],"layers":[{"weights":[[..]],
     * "biases":[..],"activation":"tanh"}, ...]}} (the last layer is the output).
     */
    static String network(Session s) {
        Network net = s.network();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", true);
        m.put("features", s.setup().features().labels());
        // The grids the page asks Playground.frame for: the boundary's side for this network, and the neurons' maps'.
        m.put("grid", Grid.side(net));
        m.put("mapGrid", Grid.MAP_SIDE);
        List<Object> layers = new ArrayList<>();
        List<List<String>> units = s.hasPoints() ? Health.units(net, s.train()) : null;
        double[][][] grads = s.hasPoints() ? Gradients.of(net, s.setup().loss(), s.train()) : null;
        for (Network.Dense d : net.layers()) {
            Map<String, Object> l = new LinkedHashMap<>();
            if (units != null) {
                l.put("units", units.get(layers.size()));
            }
            List<Object> rows = new ArrayList<>();
            for (double[] row : d.weights()) {
                rows.add(numbers(row));
            }
            l.put("weights", rows);
            l.put("biases", numbers(d.biases()));
            if (grads != null) {
                // Each neuron's gradient, its input weights' then its bias's, as the edges and the hover read it.
                List<Object> g = new ArrayList<>();
                for (double[] row : grads[layers.size()]) {
                    g.add(numbers(row));
                }
                l.put("grads", g);
            }
            l.put("activation", d.activation().id());
            layers.add(l);
        }
        m.put("layers", layers);
        return write(m);
    }

    /** The model file {@code jgrad predict --model} reads: the weights, and what predict needs to feed and label them. */
    static String model(Session s, CsvText.Table loaded) {
        Setup setup = s.setup();
        Dataset all = s.allPoints();
        Map<String, Object> meta = new LinkedHashMap<>();
        if (!setup.regression()) {
            meta.put("classes", all.classNames());
        }
        boolean csv = setup.data().equals("csv") && loaded != null;
        meta.put("features", csv ? loaded.features() : all.features() == 1 ? List.of("x") : List.of("x", "y"));
        if (!setup.regression() && !setup.features().equals(Features.RAW)) {
            meta.put("transform", setup.features().ids());
        }
        if (!setup.generated()) {
            meta.put("labelColumn", csv ? loaded.label() : CsvText.LABEL);
        }
        meta.put("loss", setup.loss().id());
        meta.put("dataset", setup.data());
        meta.put("playground", setup.query());
        meta.put("command", command(s, loaded));
        meta.put("epochs", s.epochs());
        Network net = s.network();
        // A regression model (version 3's "task": "regression") predicts numbers; its target is not scaled (as --scale none).
        return new ModelFile(net, Scaler.none(net.inputs()), setup.regression() ? Scaler.none(1) : null, meta).toJson();
    }

    /** A number for JSON; NaN and the infinities, which JSON lacks, as null (a diverged weight, an overflowed edge). */
    static Object number(double v) {
        return Double.isFinite(v) ? (Object) v : null;
    }

    private static List<Object> numbers(double[] v) {
        List<Object> l = new ArrayList<>();
        for (double d : v) {
            l.add(number(d));
        }
        return l;
    }
}
