package dev.jgrad.cli;

import dev.jgrad.data.Pipeline;
import dev.jgrad.data.Task;
import dev.jgrad.io.RawTables;
import dev.jgrad.io.Table;
import dev.jgrad.io.TableStream;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Predictor;
import dev.jgrad.train.Classification;
import dev.jgrad.train.Ranking;
import dev.jgrad.train.Regression;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code predict}'s work, a block of rows at a time: each input line as written, then the model's
 * prediction (and score, and per-class columns) in the input's own separator and decimal mark; the
 * labels and predictions kept as two ints (or doubles) a row for the metrics at the end, so that a
 * file of any length needs the memory of one block.
 */
final class PredictRows {
    private final Predictor p;
    private final Path input;
    private final Object features;
    private final String labelName;
    private final boolean proba, allowUnknown, keep;
    private final boolean score, perClass;
    private int count, scored, unknown;
    // Grown on the first labelled row: serve's requests, which carry no labels, allocate none of them.
    private int[] truth = new int[0], predicted = new int[0];
    private boolean numbered;
    private boolean terminal;
    private Double threshold;
    /** The labelled rows' margins, for the ranking of a two-class model. */
    private double[] margins = new double[0];
    private double[] targets = new double[0], values = new double[0];
    private final List<Object> predictions = new ArrayList<>();
    private Pipeline pipeline;
    private boolean strict;
    private final Map<String, Integer> unseen = new LinkedHashMap<>();

    /**
     * @param keep whether to keep every prediction for {@link #predictions} ({@code --json} without {@code -o})
     */
    PredictRows(Predictor p, Path input, Object features, String labelName, boolean proba, boolean allowUnknown, boolean keep) {
        this.p = p;
        this.input = input;
        this.features = features;
        this.labelName = labelName;
        this.proba = proba;
        this.allowUnknown = allowUnknown;
        this.keep = keep;
        score = p.task() == Task.CLASSIFICATION
                && (p.model().outputs() == 1 || p.loss() == Loss.CROSS_ENTROPY && p.model().outputs() == 2);
        perClass = proba && (p.loss().givesProbabilities() || p.model().outputs() > 1);
    }

    /**
     * Reads the rows through the model's preprocessing (its columns by name, filled and one-hot
     * encoded as in training) instead of as numbers; with {@code strict} an unseen category is an error.
     */
    PredictRows reading(Pipeline preprocessing, boolean strictCategories) {
        pipeline = preprocessing;
        strict = strictCategories;
        return this;
    }

    /**
     * Writes the header and every row's predictions to {@code out}, a block at a time: a problem in
     * the first block (a bad cell, a model that answers NaN) leaves {@code out} untouched.
     */
    void write(TableStream in, Writer out) throws IOException {
        List<String> names = in.names();
        int label = labelName == null ? -1 : names.indexOf(labelName);
        int[] columns = pipeline != null ? new int[0] : featureColumns(names, label).stream().mapToInt(Integer::intValue).toArray();
        if (pipeline != null) {
            checkColumns(pipeline.columns(), names);
        }
        char sep = in.separator();
        List<String> header = new ArrayList<>(names);
        StringBuilder block = new StringBuilder(in.header());
        for (String added : added()) {
            String name = unique(header, added);
            header.add(name);
            block.append(sep).append(cell(name, sep));
        }
        block.append('\n');
        boolean comma = in.decimalComma();
        List<Integer> cols = Arrays.stream(columns).boxed().toList();
        for (Table t; (t = in.next()) != null; ) {
            double[][] x = pipeline == null ? t.numbers(cols) : expand(t, label);
            if (p.task() == Task.REGRESSION) {
                regression(t, x, label, in, block, sep, comma);
            } else {
                classification(t, x, label, in, block, sep, comma);
            }
            out.append(block);
            block.setLength(0);
        }
        out.append(block);
    }

    private List<String> added() {
        List<String> added = new ArrayList<>(List.of("prediction"));
        if (score) {
            added.add("score");
        }
        if (perClass) {
            for (String c : p.classes()) {
                added.add((p.loss().givesProbabilities() ? "p_" : "score_") + c);
            }
        }
        return added;
    }

    /** Built-in data name their classes and number them (0, 1, …): a file of their points may write either. */
    PredictRows numberedClasses(boolean numbered) {
        this.numbered = numbered;
        return this;
    }

    /** A two-class model's decision threshold on its second class's probability ({@code --threshold}), or null. */
    PredictRows threshold(Double threshold) {
        this.threshold = threshold;
        return this;
    }

    /** For two classes, how the scores rank the labelled rows at every threshold at once; else null. */
    Ranking ranking() {
        return scored == 0 || p.classes().size() != 2 ? null
                : Ranking.of(Arrays.copyOf(truth, scored), Arrays.copyOf(margins, scored));
    }

    /** Scores and probabilities to 6 significant digits, for a person at a terminal. */
    PredictRows terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    private int[] truth(Table t, int label) throws IOException {
        try {
            return TrainData.labels(t, label, p.classes(), allowUnknown);
        } catch (IOException byName) {
            if (!numbered) {
                throw byName;
            }
            List<String> numbers = java.util.stream.IntStream.range(0, p.classes().size()).mapToObj(Integer::toString).toList();
            try {
                return TrainData.labels(t, label, numbers, allowUnknown);
            } catch (IOException byNumber) {
                throw byName;
            }
        }
    }

    private void classification(Table t, double[][] x, int label, TableStream in, StringBuilder line, char sep, boolean comma)
            throws IOException {
        int[] labels = label < 0 ? null : truth(t, label);
        for (int i = 0; i < x.length; i++) {
            double[] o = outputs(x[i], t.lines()[i]);
            int k = classOf(o);
            line.append(in.line(i)).append(sep).append(cell(p.classes().get(k), sep));
            if (score) {
                line.append(sep).append(number(p.loss().margin(o), comma, terminal));
            }
            if (perClass) {
                for (double v : perClass(o)) {
                    line.append(sep).append(number(v, comma, terminal));
                }
            }
            line.append('\n');
            if (keep) {
                predictions.add(p.classes().get(k));
            }
            if (labels != null && labels[i] >= 0) {
                grow();
                margins[scored] = p.loss().margin(o);
                truth[scored] = labels[i];
                predicted[scored++] = k;
            } else if (labels != null && !t.columns().get(label).isMissing(i)) {
                unknown++;
            }
            count++;
        }
    }

    private void regression(Table t, double[][] x, int label, TableStream in, StringBuilder line, char sep, boolean comma)
            throws IOException {
        double[] known = label < 0 ? null : t.targets(label);
        for (int i = 0; i < x.length; i++) {
            double v = value(x[i], t.lines()[i]);
            line.append(in.line(i)).append(sep).append(number(v, comma, false)).append('\n');
            if (keep) {
                predictions.add(v);
            }
            if (known != null && !Double.isNaN(known[i])) {
                grow();
                targets[scored] = known[i];
                values[scored++] = v;
            }
            count++;
        }
    }

    /**
     * The features of every row of {@code t} (which has no label column): through the model's
     * preprocessing, or its feature columns read as numbers. What {@code serve} predicts from.
     */
    double[][] points(Table t) throws IOException {
        if (pipeline != null) {
            checkColumns(pipeline.columns(), t.names());
            return expand(t, -1);
        }
        return t.numbers(featureColumns(t.names(), -1));
    }

    /** The model's outputs for one row's features, read from {@code line}: finite, or an error naming the line. */
    double[] outputs(double[] x, int line) throws IOException {
        double[] o = p.outputs(x);
        for (double v : o) {
            if (!Double.isFinite(v)) {
                // Comparisons with NaN are all false: it would read as the first class, silently.
                throw new IOException(input + ":" + line + ": the model's output is " + v
                        + ", not a number that names a class (are its weights or this row's features too large?)");
            }
        }
        return o;
    }

    /** The class of one row's outputs: the model's own, or the second class's at {@code --threshold}. */
    int classOf(double[] o) {
        return threshold == null ? p.loss().predict(o) : p.classAt(threshold, o);
    }

    /** What {@code --proba} gives for one row's outputs: the probabilities, or for mse and hinge the scores themselves. */
    double[] perClass(double[] o) {
        return p.loss().givesProbabilities() ? p.loss().probabilities(o) : o;
    }

    /** A regression model's value for one row's features, in the target's units; finite, or an error naming the line. */
    double value(double[] x, int line) throws IOException {
        double v = p.value(x);
        if (!Double.isFinite(v)) {
            throw new IOException(input + ":" + line + ": the model's output is " + v
                    + " (are its weights or this row's features too large?)");
        }
        return v;
    }

    private void grow() {
        if (scored == truth.length) {
            int n = Math.max(1024, scored * 2);
            truth = Arrays.copyOf(truth, n);
            predicted = Arrays.copyOf(predicted, n);
            targets = Arrays.copyOf(targets, n);
            values = Arrays.copyOf(values, n);
            margins = Arrays.copyOf(margins, n);
        }
    }

    /** Rows predicted. */
    int count() {
        return count;
    }

    /** Rows labelled with a class the model never saw. */
    int unknown() {
        return unknown;
    }

    /** Every prediction, in order, when kept. */
    List<Object> predictions() {
        return predictions;
    }

    /** The classification metrics on the labelled rows, or null when none was. */
    Classification metrics() {
        return p.task() == Task.REGRESSION || scored == 0 ? null
                : Classification.of(p.classes(), Arrays.copyOf(truth, scored), Arrays.copyOf(predicted, scored));
    }

    /** MSE, MAE and R² on the rows with a target, with their count, or null when none had one. */
    Map<String, Object> regressionMetrics() {
        if (p.task() != Task.REGRESSION || scored == 0) {
            return null;
        }
        Regression fit = Regression.of(Arrays.copyOf(targets, scored), Arrays.copyOf(values, scored));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("points", fit.points());
        m.putAll(fit.toMap());
        return m;
    }

    /** What standard error says after the rows: the metrics on labelled rows, the rows not scored. */
    String summary() {
        StringBuilder s = new StringBuilder();
        if (p.task() == Task.REGRESSION && scored > 0) {
            Regression fit = Regression.of(Arrays.copyOf(targets, scored), Arrays.copyOf(values, scored));
            s.append(String.format("%s on %s%n", fit.summary(), Words.count(fit.points(), "labelled row")));
        }
        Classification m = metrics();
        if (m != null) {
            s.append(String.format("accuracy %.3f on %s%n%s", m.accuracy(), Words.count(m.total(), "labelled row"), m.report()));
            Ranking r = ranking();
            if (r != null && !Double.isNaN(r.rocAuc())) {
                s.append(String.format(java.util.Locale.ROOT, "ROC AUC %.3f, PR AUC (average precision) %.3f%n", r.rocAuc(),
                        r.averagePrecision()));
            }
        }
        int cells = unseen.values().stream().mapToInt(Integer::intValue).sum();
        if (cells > 0) {
            s.append("warning: ").append(Unseen.note(new Pipeline.Expanded(new double[0][], unseen), input.toString()))
                    .append(System.lineSeparator());
        }
        if (unknown > 0) {
            s.append(String.format("not scored: %s labelled with a class the model never saw (--allow-unknown)%n",
                    Words.count(unknown, "row")));
        }
        return s.toString();
    }

    /** One block's rows through the preprocessing, its unseen categories counted. */
    private double[][] expand(Table t, int label) {
        Pipeline.Expanded x = pipeline.apply(RawTables.features(t, label), strict);
        x.unseen().forEach((column, n) -> unseen.merge(column, n, Integer::sum));
        return x.points();
    }

    /** One error naming every column of {@code wanted} the file lacks. */
    private void checkColumns(List<String> wanted, List<String> names) throws IOException {
        List<String> missing = wanted.stream().filter(n -> !names.contains(n)).toList();
        if (!missing.isEmpty()) {
            throw new IOException(input + ": missing " + (missing.size() == 1 ? "column " : "columns ") + String.join(", ", missing)
                    + " (expected " + String.join(", ", wanted) + "; the file has " + String.join(", ", names) + ")");
        }
    }

    /** The model's feature columns by name when it recorded them (one error names every missing one), else every column but the label. */
    private List<Integer> featureColumns(List<String> names, int label) throws IOException {
        if (features instanceof List<?> wanted && !wanted.isEmpty()) {
            List<String> w = wanted.stream().map(String::valueOf).toList();
            checkColumns(w, names);
            return w.stream().map(names::indexOf).toList();
        }
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            if (c != label) {
                columns.add(c);
            }
        }
        if (columns.size() != p.rawInputs()) {
            throw new IOException(input + ": the model takes " + p.rawInputs() + " features, the file has " + columns.size()
                    + " feature columns (" + String.join(", ", columns.stream().map(names::get).toList()) + ")");
        }
        return columns;
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

    /** A text cell, quoted when it holds the separator, a quote or a line break. */
    private static String cell(String c, char sep) {
        return c.indexOf(sep) >= 0 || c.contains("\"") || c.contains("\n") || c.contains("\r") ? '"' + c.replace("\"", "\"\"") + '"' : c;
    }

    /** A number as Java writes it (it reads back to the same bits), with a decimal comma when the input has one. */
    private static String number(double v, boolean comma, boolean terminal) {
        String s = PredictCommand.figure(v, terminal);
        return comma ? s.replace('.', ',') : s;
    }
}
