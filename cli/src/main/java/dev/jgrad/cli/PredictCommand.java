package dev.jgrad.cli;

import dev.jgrad.io.AtomicFile;
import dev.jgrad.io.Csv;
import dev.jgrad.io.ModelFile;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Engine;
import dev.jgrad.nn.Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgrad predict}: a saved model's class for every row of a CSV file. */
@Command(name = "predict", sortOptions = false,
        description = {"Predict the class of every row of a CSV file with a model saved by jgrad train.",
            "Writes the input's columns plus 'prediction' (and 'score' for two classes: positive means the second class).",
            "When the input also has the label column, the accuracy goes to standard error."},
        footer = {"", "Example:",
            "  jgrad predict --model out/flowers/model.json \\",
            "                --input docs/examples/new-flowers.csv \\",
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

    @Override
    public Integer call() throws IOException {
        OutDir.checkFile("-o", output, "predictions.csv");
        Memory.checkFile(model);
        Memory.checkFile(input);
        ModelFile saved = ModelFile.load(model);
        Model mlp = Engine.SCALAR.build(saved.network());
        Map<String, Object> meta = saved.metadata();
        List<?> classes = meta.get("classes") instanceof List<?> l ? l : List.of();
        Loss loss = loss(meta, mlp, classes.isEmpty() ? Math.max(2, mlp.outputs()) : classes.size());
        Csv table = Csv.read(input);
        int label = meta.get("labelColumn") instanceof String name ? table.header().indexOf(name) : -1;
        List<Integer> columns = featureColumns(table, meta.get("features"), label);
        if (columns.size() != mlp.inputs()) {
            throw new IOException(input + ": the model takes " + mlp.inputs() + " features, the file has "
                    + columns.size() + " feature columns (" + String.join(", ", names(table, columns)) + ")");
        }
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(table.header());
        header.add(unique(header, "prediction"));
        if (mlp.outputs() == 1 || loss == Loss.CROSS_ENTROPY && mlp.outputs() == 2) {
            header.add(unique(header, "score"));
        }
        line(csv, header);
        int labelled = 0;
        int correct = 0;
        for (Csv.Row row : table.rows()) {
            double[] x = new double[columns.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = table.number(row, columns.get(i));
            }
            double[] out = mlp.predict(x);
            for (double o : out) {
                if (!Double.isFinite(o)) {
                    // Comparisons with NaN are all false: it would read as the first class, silently.
                    throw new IOException(input + ":" + row.line() + ": the model's output is " + o
                            + ", not a number that names a class (are its weights or this row's features too large?)");
                }
            }
            int k = loss.predict(out);
            String predicted = k < classes.size() ? String.valueOf(classes.get(k)) : Integer.toString(k);
            List<String> cells = new ArrayList<>(row.cells());
            cells.add(predicted);
            if (header.size() > cells.size()) {
                cells.add(Double.toString(loss.margin(out)));
            }
            line(csv, cells);
            if (label >= 0 && !row.cells().get(label).isEmpty()) {
                labelled++;
                correct += row.cells().get(label).equals(predicted) ? 1 : 0;
            }
        }
        if (output == null || output.toString().equals("-")) {
            spec.commandLine().getOut().print(csv);
            spec.commandLine().getOut().flush();
        } else {
            AtomicFile.write(output, csv.toString());
        }
        if (labelled > 0) {
            spec.commandLine().getErr().printf("accuracy %.3f on %d labelled rows%n", (double) correct / labelled, labelled);
        }
        return 0;
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

    /** The loss the model was trained with, which must fit its outputs: it decides how outputs become a class. */
    private Loss loss(Map<String, Object> meta, Model mlp, int classes) throws IOException {
        if (!meta.containsKey("loss")) {
            return mlp.outputs() == 1 ? Loss.BCE : Loss.CROSS_ENTROPY;
        }
        try {
            Loss loss = Loss.CHOICES.parse(String.valueOf(meta.get("loss")));
            if (loss.outputs(classes) != mlp.outputs()) {
                throw new IllegalArgumentException(loss.id() + " loss for " + classes + " classes needs " + loss.outputs(classes)
                        + " outputs, the model has " + mlp.outputs());
            }
            return loss;
        } catch (IllegalArgumentException e) {
            throw new IOException(model + ": " + e.getMessage(), e);
        }
    }

    /** The model's feature columns by name when it recorded them, else every column but the label. */
    private List<Integer> featureColumns(Csv table, Object features, int label) throws IOException {
        List<Integer> columns = new ArrayList<>();
        if (features instanceof List<?> names && !names.isEmpty()) {
            for (Object name : names) {
                columns.add(table.column(String.valueOf(name)));
            }
            return columns;
        }
        for (int c = 0; c < table.header().size(); c++) {
            if (c != label) {
                columns.add(c);
            }
        }
        return columns;
    }

    private static List<String> names(Csv table, List<Integer> columns) {
        return columns.stream().map(table.header()::get).toList();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            csv.append(i > 0 ? "," : "").append(c.contains(",") || c.contains("\"") ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        csv.append('\n');
    }
}
