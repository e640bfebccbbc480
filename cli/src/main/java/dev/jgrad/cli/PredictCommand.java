package dev.jgrad.cli;

import dev.jgrad.data.Datasets;
import dev.jgrad.io.AtomicFile;
import dev.jgrad.io.CsvFormat;
import dev.jgrad.io.Json;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.TableStream;
import dev.jgrad.nn.Predictor;
import dev.jgrad.data.Task;
import dev.jgrad.train.Ranking;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgrad predict}: a saved model's class for every row of a CSV file. */
@Command(name = "predict", sortOptions = false,
        description = {"Predict the class (or, for a regression model, the value) of every row of a CSV file with a model saved by jgrad train.",
            "The model's feature columns are found by name and scaled as in training.",
            "Writes the input's columns plus 'prediction' (and 'score' for two classes: positive means the second class;",
            "for regression the value in the target's units).",
            "When the input also has the label column, the accuracy and per-class metrics (MSE, MAE, R²) go to standard error."},
        footer = {"", "Example:",
            "  jgrad predict --model out/flowers/model.json \\",
            "                --input docs/examples/new-flowers.csv --proba \\",
            "                -o out/flowers/predictions.csv"})
final class PredictCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model.json written by jgrad train.")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "CSV", description = "Rows to classify: a header row and the model's "
            + "feature columns (-: standard input).")
    Path input;

    // --output, its first name, stays an alias: every other command that writes says --out.
    @Option(names = {"-o", "--out", "--output"}, paramLabel = "FILE",
            description = "Write the predictions here (default, or -: standard output).")
    Path output;

    @Option(names = "--proba", description = "Also write one column per class, p_CLASS: the model's probabilities "
            + "(softmax for cross-entropy, sigmoid for bce). mse and hinge models give scores, not probabilities: "
            + "their columns are score_CLASS, and a note says so.")
    boolean proba;

    @Option(names = "--threshold", paramLabel = "P", description = "For a model of 2 classes with probabilities (bce, "
            + "cross-entropy): predict the second class when its probability exceeds P, in (0, 1) (default: 0.5, the model's own).")
    Double threshold;

    @Option(names = "--allow-unknown", description = "Do not score rows labelled with a class the model never saw "
            + "(otherwise an error naming the class and the line).")
    boolean allowUnknown;

    @Option(names = "--json", description = "Print one JSON object (model, rows, metrics on labelled rows; the predictions "
            + "too without -o) on standard output; the human report goes to standard error.")
    boolean json;

    @CommandLine.Mixin
    CsvOptions csvOptions = new CsvOptions();

    @CommandLine.Mixin
    ReadOptions read = new ReadOptions();

    @Override
    public Integer call() throws IOException {
        OutDir.checkFile("-o", output, "predictions.csv");
        Memory.checkFile(model);
        ModelFile saved = ModelFile.load(model);
        Predictor p;
        try {
            p = saved.predictor();
        } catch (IllegalArgumentException e) {
            throw new IOException(model + ": " + e.getMessage(), e);
        }
        if (proba && p.task() == Task.REGRESSION) {
            throw new IllegalArgumentException("--proba applies to classifiers; " + model + " is a regression model, "
                    + "whose 'prediction' column is its value");
        }
        if (allowUnknown && p.task() == Task.REGRESSION) {
            throw new IllegalArgumentException("--allow-unknown skips rows of classes a classifier never saw; " + model
                    + " is a regression model, which has no classes");
        }
        if (threshold != null) {
            checkThreshold(p);
        }
        boolean builtIn = builtIn(saved);
        String labelName = saved.metadata().get("labelColumn") instanceof String name ? name
                : builtIn ? TrainData.builtInLabel(p.task()) : null;
        CsvFormat format = read.format(csvOptions.format());
        if (labelName != null && p.task() == Task.CLASSIFICATION) {
            format = format.withText(List.of(labelName));
        }
        boolean toStdout = output == null || output.toString().equals("-");
        // Read by a person at a terminal: 6 significant digits; a file or a pipe keeps every digit.
        boolean terminal = toStdout && !json && System.console() != null;
        PredictRows rows = new PredictRows(p, input, saved.metadata().get("features"), labelName, proba, allowUnknown, json && toStdout)
                .reading(saved.pipeline(), read.strict).numberedClasses(builtIn).terminal(terminal).threshold(threshold);
        PrintWriter human = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        try (TableStream in = fromStdin() ? TableStream.open(System.in, "standard input", format) : TableStream.open(input, format)) {
            if (!toStdout) {
                AtomicFile.write(output, temporary -> {
                    try (Writer w = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                        rows.write(in, w);
                    }
                });
            } else {
                rows.write(in, json ? Writer.nullWriter() : stdout);
            }
        }
        if (proba && !p.loss().givesProbabilities()) {
            human.println("note: a " + p.loss().id() + " model gives scores, not probabilities; writing its scores");
        }
        if (threshold != null) {
            human.printf("predicting %s when its probability exceeds %s (--threshold)%n", p.classes().get(1), threshold);
        }
        human.print(rows.summary());
        if (json) {
            stdout.print(Json.write(json(p, rows, toStdout)));
        }
        stdout.flush();
        human.flush();
        return 0;
    }

    /** Whether the model was trained on a built-in dataset, whose model file names no label column. */
    static boolean builtIn(ModelFile saved) {
        return !(saved.metadata().get("labelColumn") instanceof String)
                && Datasets.CHOICES.ids().contains(String.valueOf(saved.metadata().get("dataset")));
    }

    private boolean fromStdin() {
        return input.toString().equals("-");
    }

    /** A score or probability: every digit, or for a terminal 6 significant ones (0.9999999999 reads 1). */
    static String figure(double v, boolean terminal) {
        return terminal && v != 0 && Double.isFinite(v)
                ? new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toString()
                : Double.toString(v);
    }

    /** {@code --json}: the model, the input, the metrics on labelled rows, and the predictions when no -o took them. */
    private Map<String, Object> json(Predictor p, PredictRows rows, boolean toStdout) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "predict");
        m.put("model", model.toString());
        m.put("input", input.toString());
        m.put("rows", rows.count());
        if (p.task() == Task.REGRESSION) {
            m.put("task", Task.REGRESSION.id());
            m.put("scale", p.scaler().kind().id());
            m.put("metrics", rows.regressionMetrics());
        } else {
            m.put("classes", p.classes());
            m.put("scale", p.scaler().kind().id());
            m.put("threshold", threshold);
            Map<String, Object> metrics = rows.metrics() == null ? null : new LinkedHashMap<>(rows.metrics().toMap());
            Ranking ranking = rows.ranking();
            if (metrics != null && ranking != null) {
                metrics.put("rocAuc", Double.isNaN(ranking.rocAuc()) ? null : ranking.rocAuc());
                metrics.put("prAuc", Double.isNaN(ranking.averagePrecision()) ? null : ranking.averagePrecision());
            }
            m.put("metrics", metrics);
            m.put("unknownRows", rows.unknown());
        }
        m.put(toStdout ? "predictions" : "output", toStdout ? rows.predictions() : output.toString());
        return m;
    }

    /** {@code --threshold}: a probability, for a model of two classes that gives probabilities; else a usage error. */
    private void checkThreshold(Predictor p) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("--threshold must be in (0, 1), got " + threshold);
        }
        try {
            p.classAt(threshold, new double[p.model().outputs()]);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("--threshold: " + model + ": " + e.getMessage(), e);
        }
    }
}
