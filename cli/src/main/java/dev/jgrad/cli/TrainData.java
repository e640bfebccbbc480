package dev.jgrad.cli;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.data.Features;
import dev.jgrad.data.Stratified;
import dev.jgrad.data.Task;
import dev.jgrad.data.Pipeline;
import dev.jgrad.data.Preprocessing;
import dev.jgrad.data.RawTable;
import dev.jgrad.data.ScaleOverflow;
import dev.jgrad.io.Column;
import dev.jgrad.io.CsvFormat;
import dev.jgrad.io.Table;
import dev.jgrad.io.TableStream;
import dev.jgrad.io.RawTables;
import dev.jgrad.train.Prepared;
import dev.jgrad.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The data of {@code jgrad train}: a CSV file's or a generator's points, the names of their
 * features, and the {@code --test} file read by those names, all read before training starts so
 * that a bad file costs a second and not a run.
 *
 * @param labelColumn the label column's name (a CSV's, or "label" for a test file of built-in data)
 * @param test the test points, unscaled, or null without {@code --test}
 * @param unknown the test rows skipped for a class the training data does not have ({@code --allow-unknown})
 * @param transform what {@code --feature-maps} made of the 2 raw features (then {@code all} and {@code test} hold
 *     the transformed points, {@code features} still names the raw columns), or null
 * @param prepared a CSV file's preprocessing (then {@code features} names the features it makes), or null
 * @param notes warnings and notes on the data for the summary, one a line
 * @param testSplit the fraction of the data held out as {@code test} ({@code --test-split}), or 0 when the test set
 *     is a file's or there is none
 */
record TrainData(Dataset all, List<String> features, String labelColumn, boolean fromCsv, Dataset test, int unknown,
        Features transform, Prepared prepared, List<String> notes, double testSplit) {

    TrainData {
        notes = List.copyOf(notes);
    }

    /** A CSV file's rows, columns chosen and missing cells handled by {@code config}, its preprocessing fitted on the training split. */
    static TrainData csv(Path csv, String label, TrainingConfig config, CsvFormat format, LongConsumer progress) throws IOException {
        Memory.checkFile(csv);
        Table table = Table.read(csv, labelAsText(config.task(), format, label), progress);
        RawTable raw = RawTables.labelled(table, label, config.task());
        Prepared p = Options.asOptions(() -> Prepared.of(config, raw, label));
        List<String> notes = new ArrayList<>();
        Preprocessing.warnings(p.chosen()).forEach(w -> notes.add("warning: " + w));
        String many = Preprocessing.labelWarning(p.all(), label);
        if (many != null) {
            notes.add("warning: " + many);
        }
        if (raw.unlabelled() > 0) {
            notes.add("note: left out " + raw.unlabelled() + " rows whose label '" + label + "' is missing");
        }
        p.notes().forEach(n -> notes.add("note: " + n));
        return new TrainData(p.all(), p.pipeline().names(), label, true, null, 0, null, p, notes, 0);
    }

    /**
     * How many columns {@code csv}'s header names, or 0 when it cannot be read (the reading that follows says why) or
     * is not a regular file (a pipe read twice would lose its first block): the header alone, a block of the file.
     */
    static int headerColumns(Path csv, CsvFormat format) {
        if (!java.nio.file.Files.isRegularFile(csv)) {
            return 0;
        }
        try (TableStream stream = TableStream.open(csv, format)) {
            return stream.names().size();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The format with the label column read as text for classification, so that its classes are named as written. */
    private static CsvFormat labelAsText(Task task, CsvFormat format, String label) {
        return task == Task.REGRESSION ? format : format.withText(List.of(label));
    }

    /** The pipeline model.json stores: none when every column is read as the number it holds (the metadata's features say which). */
    Pipeline pipelineToSave() {
        return prepared == null || prepared.pipeline().trivial() ? null : prepared.pipeline();
    }

    static TrainData generated(String name, int points, Double noise, Integer classes, Rng random) {
        Datasets.Generator g = Datasets.CHOICES.parse(name);
        Dataset all = Datasets.generate(g.id(), points, noise == null ? g.defaultNoise() : noise,
                classes == null ? g.defaultClasses() : classes, random);
        return new TrainData(all, all.features() == 1 ? List.of("x") : List.of("x", "y"), builtInLabel(all.task()),
                false, null, 0, null, null, List.of(), 0);
    }

    /** The label column of a file of built-in data's points (--test, predict): "label", or "target" for regression. */
    static String builtInLabel(Task task) {
        return task == Task.REGRESSION ? "target" : "label";
    }

    /**
     * With the labelled file {@code file} as test set: the training data's feature columns by name
     * (one error names every missing one), its label column, classes matched as the training file's
     * ({@code 1.0} is class {@code 1}); a class the training data lacks is an error naming it and its
     * line, unless {@code allowUnknown}, which skips the row.
     */
    TrainData withTest(Path file, boolean allowUnknown, CsvFormat format) throws IOException {
        Memory.checkFile(file);
        if (prepared != null) {
            return withPreparedTest(Table.read(file, labelAsText(all.task(), format, labelColumn)), allowUnknown);
        }
        Table table = Table.read(file, labelAsText(all.task(), format, labelColumn));
        double[][] points = table.numbers(table.indices(features));
        int label = table.columns().indexOf(table.column(labelColumn));
        if (all.targets() != null) {
            return withRegressionTest(file, table.targets(label), points);
        }
        int[] labels = labels(table, label, all.classNames(), allowUnknown);
        List<double[]> kept = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                kept.add(points[i]);
                classes.add(labels[i]);
            } else if (!table.columns().get(label).isMissing(i)) {
                skipped++;
            }
        }
        if (kept.isEmpty()) {
            throw new IOException(file + ": no labelled rows to test on");
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Dataset test = new Dataset(name, kept.toArray(double[][]::new), classes.stream().mapToInt(Integer::intValue).toArray(),
                all.classes(), all.classNames());
        return new TrainData(all, features, labelColumn, fromCsv, transform == null ? test : transform.apply(test), skipped,
                transform, prepared, notes, 0);
    }

    /** A test file through the training data's preprocessing: its columns by name, its categories and fills. */
    private TrainData withPreparedTest(Table table, boolean allowUnknown) throws IOException {
        table.indices(prepared.pipeline().columns()); // one error naming every missing column, and the file's
        Column label = table.column(labelColumn);
        if (all.targets() != null && label.missing() == label.size()) {
            throw new IOException(table.source() + ": no rows with a target to test on");
        }
        RawTable raw = all.targets() != null ? RawTables.labelled(table, labelColumn, Task.REGRESSION)
                : testRows(table, allowUnknown);
        Pipeline.Expanded x = prepared.pipeline().apply(raw, false);
        List<String> more = new ArrayList<>(notes);
        if (x.unseenCells() > 0) {
            more.add("warning: " + Unseen.note(x, table.source()));
        }
        Dataset test = raw.data().withPoints(x.points());
        return new TrainData(all, features, labelColumn, fromCsv, transform == null ? test : transform.apply(test),
                all.targets() != null ? 0 : raw.unlabelled(), transform, prepared, more, 0);
    }

    /** {@link RawTables#test}, its message saying how to go on past an unknown class. */
    private RawTable testRows(Table table, boolean allowUnknown) throws IOException {
        try {
            return RawTables.test(table, labelColumn, all.classNames(), allowUnknown);
        } catch (IOException e) {
            throw e.getMessage().contains("is not one the model knows")
                    ? new IOException(e.getMessage() + "; --allow-unknown skips such rows", e) : e;
        }
    }

    /**
     * With {@code fraction} of the points held out as the test set ({@code --test-split}), each class in proportion
     * ({@link Stratified#holdOut}); training and its validation split use the rest.
     */
    TrainData withTestSplit(double fraction, Rng random) {
        Dataset.Split split = Options.asOptions(() -> Stratified.holdOut(all, fraction, random));
        // The training part keeps the data's name: it is what the model is trained on.
        return new TrainData(all.subset(all.name(), split.trainIndices()), features, labelColumn, fromCsv, split.validation(), 0,
                transform, prepared, notes, fraction);
    }

    /**
     * This data without its training points, once a run set up on them holds its scaled copy: Fashion-MNIST's
     * unscaled rows (376 MB) stayed beside the scaled ones through training. Names, classes, the preprocessing and
     * the test points (scaled and measured after training) stay.
     */
    TrainData withoutPoints() {
        Dataset bare = all.subset(all.name(), new int[0]);
        Prepared p = prepared == null ? null
                : new Prepared(prepared.pipeline(), bare, prepared.chosen().rows(new int[0]), prepared.notes());
        return new TrainData(bare, features, labelColumn, fromCsv, test, unknown, transform, p, notes, testSplit);
    }

    /** The points (and the test points) through {@code --features}; the raw columns keep their names. */
    TrainData transformed(Features f) {
        if (all.targets() != null) {
            throw new IllegalArgumentException("--feature-maps applies to classification; regression reads its features as they are");
        }
        if (all.features() != 2) {
            throw new IllegalArgumentException("--feature-maps are functions of 2 features (x1, x2); the data has " + all.features()
                    + " (" + String.join(", ", features) + ")");
        }
        if (prepared != null && !prepared.pipeline().trivial()) {
            throw new IllegalArgumentException("--feature-maps are functions of 2 numeric columns read as they are; "
                    + "this file's columns need preprocessing (" + String.join(", ", features) + ")");
        }
        return new TrainData(f.apply(all), features, labelColumn, fromCsv, test == null ? null : f.apply(test), unknown, f,
                prepared, notes, testSplit);
    }

    /**
     * What {@code run} (training on these data) gives; values too large to scale are named as the user knows them, a
     * file's column by its header ({@link ScaleOverflow} numbers the features, which only a library caller knows).
     */
    <T> T namingOverflow(Supplier<T> run) {
        try {
            return run.get();
        } catch (ScaleOverflow e) {
            List<String> names = inputNames();
            if (e.feature() < 0 || e.feature() >= names.size()) {
                throw e;
            }
            String name = names.get(e.feature());
            throw e.named(fromCsv && transform == null ? "column '" + name + "'" : "feature '" + name + "'");
        }
    }

    /** The names of the model's inputs: the transform's labels, or the raw columns. */
    List<String> inputNames() {
        return transform == null ? features : transform.ids();
    }

    /** A regression test set: the rows whose target cell is a number (an empty one is an unlabelled row, left out). */
    private TrainData withRegressionTest(Path file, double[] targets, double[][] points) throws IOException {
        List<double[]> kept = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < targets.length; i++) {
            if (!Double.isNaN(targets[i])) {
                kept.add(points[i]);
                values.add(targets[i]);
            }
        }
        if (kept.isEmpty()) {
            throw new IOException(file + ": no rows with a target to test on");
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Dataset test = Dataset.regression(name, kept.toArray(double[][]::new), values.stream().mapToDouble(Double::doubleValue).toArray());
        return new TrainData(all, features, labelColumn, fromCsv, test, 0, transform, prepared, notes, 0);
    }

    /** {@link Table#labels}, its message saying how to go on past an unknown class. */
    static int[] labels(Table table, int column, List<String> classes, boolean allowUnknown) throws IOException {
        try {
            return table.labels(column, classes, allowUnknown);
        } catch (IOException e) {
            throw new IOException(e.getMessage() + "; --allow-unknown skips such rows", e);
        }
    }

    /** {@code --task}, or the built-in dataset's own; a built-in dataset of the other task is a usage error. */
    static Task task(String task, boolean fromCsv, String data) {
        Task chosen = task == null ? null : Task.CHOICES.parse(task);
        if (fromCsv) {
            return chosen == null ? Task.CLASSIFICATION : chosen;
        }
        Datasets.Generator g = Datasets.CHOICES.parse(data);
        if (chosen != null && chosen != g.task()) {
            throw new IllegalArgumentException("--data " + g.id() + " is " + g.task().id() + " data; --task " + chosen.id()
                    + " needs a " + chosen.id() + " dataset (see jgrad datasets)");
        }
        return g.task();
    }
}
