package dev.jgrad.cli;

import dev.jgrad.io.AtomicFile;
import dev.jgrad.io.Csv;
import dev.jgrad.io.Json;
import dev.jgrad.io.ModelFile;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Predictor;
import dev.jgrad.data.Task;
import dev.jgrad.train.Classification;
import dev.jgrad.train.Ranking;
import dev.jgrad.train.Regression;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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

    @Option(names = "--input", required = true, paramLabel = "CSV", description = "Rows to classify: a header row and the model's feature columns.")
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

    @Override
    public Integer call() throws IOException {
        OutDir.checkFile("-o", output, "predictions.csv");
        Memory.checkFile(model);
        Memory.checkFile(input);
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
        if (threshold != null) {
            checkThreshold(p);
        }
        Csv table = Csv.read(input);
        int label = saved.metadata().get("labelColumn") instanceof String name ? table.header().indexOf(name) : -1;
        List<Integer> columns = featureColumns(table, saved.metadata().get("features"), label, p.rawInputs());
        if (p.task() == Task.REGRESSION) {
            return regression(p, table, columns, label);
        }
        int[] truth = label < 0 ? null : TrainData.labels(table, label, p.classes(), allowUnknown);
        Predictions done = predict(p, table, columns, truth, label);
        PrintWriter human = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (proba && !p.loss().givesProbabilities()) {
            human.println("note: a " + p.loss().id() + " model gives scores, not probabilities; writing its scores");
        }
        boolean toStdout = output == null || output.toString().equals("-");
        if (!toStdout) {
            AtomicFile.write(output, done.csv());
        } else if (!json) {
            stdout.print(done.csv());
        }
        if (threshold != null) {
            human.printf("predicting %s when its probability exceeds %s (--threshold)%n", p.classes().get(1), threshold);
        }
        if (done.metrics() != null) {
            human.printf("accuracy %.3f on %d labelled rows%n%s", done.metrics().accuracy(), done.metrics().total(),
                    done.metrics().report());
            if (done.ranking() != null && !Double.isNaN(done.ranking().rocAuc())) {
                human.printf(java.util.Locale.ROOT, "ROC AUC %.3f, PR AUC (average precision) %.3f%n", done.ranking().rocAuc(),
                        done.ranking().averagePrecision());
            }
        }
        if (done.unknown() > 0) {
            human.printf("not scored: %d rows labelled with a class the model never saw (--allow-unknown)%n", done.unknown());
        }
        if (json) {
            stdout.print(Json.write(json(p, done)));
        }
        stdout.flush();
        human.flush();
        return 0;
    }

    /** A regression model's values for every row, and with the target column its MSE, MAE and R² on the rows that have one. */
    private int regression(Predictor p, Csv table, List<Integer> columns, int label) throws IOException {
        double[] truth = label < 0 ? null : table.targets(label);
        List<String> header = new ArrayList<>(table.header());
        header.add(unique(header, "prediction"));
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        double[][] x = table.numbers(columns);
        List<Object> values = new ArrayList<>();
        List<double[]> scored = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            double v = p.value(x[i]);
            if (!Double.isFinite(v)) {
                throw new IOException(input + ":" + table.rows().get(i).line() + ": the model's output is " + v
                        + " (are its weights or this row's features too large?)");
            }
            List<String> cells = new ArrayList<>(table.rows().get(i).cells());
            cells.add(Double.toString(v));
            line(csv, cells);
            values.add(v);
            if (truth != null && !Double.isNaN(truth[i])) {
                scored.add(new double[] {truth[i], v});
            }
        }
        Regression fit = scored.isEmpty() ? null : Regression.of(scored.stream().mapToDouble(s -> s[0]).toArray(),
                scored.stream().mapToDouble(s -> s[1]).toArray());
        PrintWriter human = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        boolean toStdout = output == null || output.toString().equals("-");
        if (!toStdout) {
            AtomicFile.write(output, csv.toString());
        } else if (!json) {
            stdout.print(csv);
        }
        if (fit != null) {
            human.printf("%s on %d labelled rows%n", fit.summary(), fit.points());
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("command", "predict");
            m.put("model", model.toString());
            m.put("input", input.toString());
            m.put("rows", values.size());
            m.put("task", Task.REGRESSION.id());
            m.put("scale", p.scaler().kind().id());
            Map<String, Object> metrics = null;
            if (fit != null) {
                metrics = new LinkedHashMap<>();
                metrics.put("points", fit.points());
                metrics.putAll(fit.toMap());
            }
            m.put("metrics", metrics);
            m.put(toStdout ? "predictions" : "output", toStdout ? values : output.toString());
            stdout.print(Json.write(m));
        }
        stdout.flush();
        human.flush();
        return 0;
    }

    /**
     * What predicting every row made: the CSV text, each row's class, the metrics on the labelled
     * rows (null for none), and how many rows were labelled with a class the model never saw.
     */
    private record Predictions(String csv, List<String> classes, Classification metrics, Ranking ranking, int unknown) {
    }

    private Predictions predict(Predictor p, Csv table, List<Integer> columns, int[] truth, int label) throws IOException {
        List<String> header = new ArrayList<>(table.header());
        header.add(unique(header, "prediction"));
        boolean score = p.model().outputs() == 1 || p.loss() == Loss.CROSS_ENTROPY && p.model().outputs() == 2;
        if (score) {
            header.add(unique(header, "score"));
        }
        boolean perClass = proba && (p.loss().givesProbabilities() || p.model().outputs() > 1);
        if (perClass) {
            for (String c : p.classes()) {
                header.add(unique(header, (p.loss().givesProbabilities() ? "p_" : "score_") + c));
            }
        }
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        double[][] x = table.numbers(columns);
        List<String> predicted = new ArrayList<>();
        List<int[]> scored = new ArrayList<>();
        List<Double> margins = new ArrayList<>();
        int unknown = 0;
        for (int i = 0; i < x.length; i++) {
            double[] out = p.outputs(x[i]);
            for (double o : out) {
                if (!Double.isFinite(o)) {
                    // Comparisons with NaN are all false: it would read as the first class, silently.
                    throw new IOException(input + ":" + table.rows().get(i).line() + ": the model's output is " + o
                            + ", not a number that names a class (are its weights or this row's features too large?)");
                }
            }
            int k = threshold == null ? p.loss().predict(out) : p.classAt(threshold, out);
            List<String> cells = new ArrayList<>(table.rows().get(i).cells());
            cells.add(p.classes().get(k));
            predicted.add(p.classes().get(k));
            if (score) {
                cells.add(Double.toString(p.loss().margin(out)));
            }
            if (perClass) {
                for (double v : p.loss().givesProbabilities() ? p.loss().probabilities(out) : out) {
                    cells.add(Double.toString(v));
                }
            }
            line(csv, cells);
            if (truth != null && truth[i] >= 0) {
                scored.add(new int[] {truth[i], k});
                margins.add(p.loss().margin(out));
            } else if (truth != null && !table.rows().get(i).cells().get(label).isEmpty()) {
                unknown++;
            }
        }
        Classification metrics = scored.isEmpty() ? null : Classification.of(p.classes(),
                scored.stream().mapToInt(s -> s[0]).toArray(), scored.stream().mapToInt(s -> s[1]).toArray());
        // For two classes, how the model's scores rank the labelled rows, at every threshold at once.
        Ranking ranking = metrics == null || p.classes().size() != 2 ? null : Ranking.of(
                scored.stream().mapToInt(s -> s[0]).toArray(), margins.stream().mapToDouble(Double::doubleValue).toArray());
        return new Predictions(csv.toString(), predicted, metrics, ranking, unknown);
    }

    /** {@code --json}: the model, the input, the metrics on labelled rows, and the predictions when no -o took them. */
    private Map<String, Object> json(Predictor p, Predictions done) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "predict");
        m.put("model", model.toString());
        m.put("input", input.toString());
        m.put("rows", done.classes().size());
        m.put("classes", p.classes());
        m.put("scale", p.scaler().kind().id());
        m.put("threshold", threshold);
        Map<String, Object> metrics = done.metrics() == null ? null : new LinkedHashMap<>(done.metrics().toMap());
        if (done.ranking() != null) {
            metrics.put("rocAuc", Double.isNaN(done.ranking().rocAuc()) ? null : done.ranking().rocAuc());
            metrics.put("prAuc", Double.isNaN(done.ranking().averagePrecision()) ? null : done.ranking().averagePrecision());
        }
        m.put("metrics", metrics);
        m.put("unknownRows", done.unknown());
        boolean toStdout = output == null || output.toString().equals("-");
        m.put(toStdout ? "predictions" : "output", toStdout ? done.classes() : output.toString());
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

    /**
     * {@code name}, or {@code name_2}, {@code name_3}, … when the input has that column already (run
     * on its own output): a header with two columns of one name is a CSV jgrad would refuse to read.
     */
    private static String unique(List<String> header, String name) {
        String n = name;
        for (int k = 2; header.contains(n); k++) {
            n = name + "_" + k;
        }
        return n;
    }

    /** The model's feature columns by name when it recorded them (one error names every missing one), else every column but the label. */
    private List<Integer> featureColumns(Csv table, Object features, int label, int inputs) throws IOException {
        if (features instanceof List<?> names && !names.isEmpty()) {
            return table.columns(names.stream().map(String::valueOf).toList());
        }
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < table.header().size(); c++) {
            if (c != label) {
                columns.add(c);
            }
        }
        if (columns.size() != inputs) {
            throw new IOException(input + ": the model takes " + inputs + " features, the file has " + columns.size()
                    + " feature columns (" + String.join(", ", columns.stream().map(table.header()::get).toList()) + ")");
        }
        return columns;
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            csv.append(i > 0 ? "," : "").append(c.contains(",") || c.contains("\"") ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        csv.append('\n');
    }
}
