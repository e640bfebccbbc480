package dev.jgrad.cli;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.data.Features;
import dev.jgrad.data.Stratified;
import dev.jgrad.data.Task;
import dev.jgrad.io.Csv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The data of {@code jgrad train}: a CSV file's or a generator's points, the names of their
 * features, and the {@code --test} file read by those names, all read before training starts so
 * that a bad file costs a second and not a run.
 *
 * @param labelColumn the label column's name (a CSV's, or "label" for a test file of built-in data)
 * @param test the test points, unscaled, or null without {@code --test}
 * @param unknown the test rows skipped for a class the training data does not have ({@code --allow-unknown})
 * @param transform what {@code --features} made of the 2 raw features (then {@code all} and {@code test} hold
 *     the transformed points, {@code features} still names the raw columns), or null
 * @param testSplit the fraction of the data held out as {@code test} ({@code --test-split}), or 0 when the test set
 *     is a file's or there is none
 */
record TrainData(Dataset all, List<String> features, String labelColumn, boolean fromCsv, Dataset test, int unknown,
        Features transform, double testSplit) {

    static TrainData csv(Path csv, String label, Task task) throws IOException {
        Memory.checkFile(csv);
        Csv table = Csv.read(csv);
        Dataset all = task == Task.REGRESSION ? table.toRegression(label) : table.toDataset(label);
        return new TrainData(all, table.featureNames(List.of(table.column(label))), label, true, null, 0, null, 0);
    }

    static TrainData generated(String name, int points, Double noise, Integer classes, Rng random) {
        Datasets.Generator g = Datasets.CHOICES.parse(name);
        Dataset all = Datasets.generate(g.id(), points, noise == null ? g.defaultNoise() : noise,
                classes == null ? g.defaultClasses() : classes, random);
        return new TrainData(all, all.features() == 1 ? List.of("x") : List.of("x", "y"), all.targets() != null ? "target" : "label",
                false, null, 0, null, 0);
    }

    /**
     * With the labelled file {@code file} as test set: the training data's feature columns by name
     * (one error names every missing one), its label column, classes matched as the training file's
     * ({@code 1.0} is class {@code 1}); a class the training data lacks is an error naming it and its
     * line, unless {@code allowUnknown}, which skips the row.
     */
    TrainData withTest(Path file, boolean allowUnknown) throws IOException {
        Memory.checkFile(file);
        Csv table = Csv.read(file);
        double[][] points = table.numbers(table.columns(features));
        if (all.targets() != null) {
            return withRegressionTest(file, table, points);
        }
        int[] labels = labels(table, table.column(labelColumn), all.classNames(), allowUnknown);
        List<double[]> kept = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                kept.add(points[i]);
                classes.add(labels[i]);
            } else if (!table.rows().get(i).cells().get(table.column(labelColumn)).isEmpty()) {
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
                transform, 0);
    }

    /**
     * With {@code fraction} of the points held out as the test set ({@code --test-split}), each class in proportion
     * ({@link Stratified#holdOut}); training and its validation split use the rest.
     */
    TrainData withTestSplit(double fraction, Rng random) {
        Dataset.Split split = Options.asOptions(() -> Stratified.holdOut(all, fraction, random));
        // The training part keeps the data's name: it is what the model is trained on.
        return new TrainData(all.subset(all.name(), split.trainIndices()), features, labelColumn, fromCsv, split.validation(), 0,
                transform, fraction);
    }

    /** The points (and the test points) through {@code --features}; the raw columns keep their names. */
    TrainData transformed(Features f) {
        if (all.targets() != null) {
            throw new IllegalArgumentException("--features applies to classification; regression reads its features as they are");
        }
        if (all.features() != 2) {
            throw new IllegalArgumentException("--features are functions of 2 features (x1, x2); the data has " + all.features()
                    + " (" + String.join(", ", features) + ")");
        }
        return new TrainData(f.apply(all), features, labelColumn, fromCsv, test == null ? null : f.apply(test), unknown, f,
                testSplit);
    }

    /** The names of the model's inputs: the transform's labels, or the raw columns. */
    List<String> inputNames() {
        return transform == null ? features : transform.ids();
    }

    /** A regression test set: the rows whose target cell is a number (an empty one is an unlabelled row, left out). */
    private TrainData withRegressionTest(Path file, Csv table, double[][] points) throws IOException {
        double[] targets = table.targets(table.column(labelColumn));
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
        return new TrainData(all, features, labelColumn, fromCsv, test, 0, transform, 0);
    }

    /** {@link Csv#labels}, its message saying how to go on past an unknown class. */
    static int[] labels(Csv table, int column, List<String> classes, boolean allowUnknown) throws IOException {
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
