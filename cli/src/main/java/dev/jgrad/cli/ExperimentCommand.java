package dev.jgrad.cli;

import dev.jgrad.app.CircleExperiment;
import dev.jgrad.data.Dataset;
import dev.jgrad.io.Json;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.MLP;
import dev.jgrad.train.Classification;
import dev.jgrad.train.EpochMetrics;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jgrad experiment circle}: the post's experiment, one network per hidden size. */
@Command(name = "experiment", sortOptions = false,
        description = {"Reproduce the post's experiment: is a point inside the unit circle?",
            "2 → N tanh → 1 tanh, squared error against 0/1, per-sample SGD with learning rate 0.01, 200 epochs,",
            "300 training and 150 validation points; one run per hidden size N."})
final class ExperimentCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The experiment: circle.")
    String name;

    @Option(names = "--hidden", split = ",", paramLabel = "N", description = "Hidden sizes to train (default: 1,2,…,9).")
    List<Integer> hidden = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9);

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the data, weights and shuffling (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--json", description = "Print one JSON object instead of the table: the settings, engine, seconds, "
            + "and per hidden size its seconds and final train and validation metrics (loss, accuracy, confusion matrix, "
            + "per-class precision, recall, F1).")
    boolean json;

    @Override
    public Integer call() {
        // Named choices are read in any case everywhere (--data XOR, --schedule COSINE): so is this one.
        if (!name.equalsIgnoreCase("circle")) {
            throw new IllegalArgumentException("unknown experiment '" + name + "'; available: circle");
        }
        for (int n : hidden) {
            if (n < 1) {
                throw new IllegalArgumentException("--hidden sizes must be at least 1, got " + n);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        List<Object> rows = new ArrayList<>();
        if (!json) {
            out.println("hidden  train acc  val acc  train loss  val loss");
        }
        for (int n : hidden) {
            long begun = System.nanoTime();
            CircleExperiment.Run run = CircleExperiment.run(n, seed);
            EpochMetrics m = run.last();
            if (json) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("hidden", n);
                row.put("seconds", (System.nanoTime() - begun) / 1e9);
                row.put("train", measured(run.model(), run.train(), m.trainLoss()));
                row.put("validation", measured(run.model(), run.validation(), m.valLoss()));
                rows.add(row);
            } else {
                out.printf("%6d  %9.3f  %7.3f  %10.4f  %8.4f%n", n, m.trainAccuracy(), m.valAccuracy(), m.trainLoss(), m.valLoss());
                out.flush();
            }
        }
        if (json) {
            out.print(Json.write(object(rows, (System.nanoTime() - start) / 1e9)));
        } else {
            out.printf("%d runs in %.1f s (seed %d). The post's notebook, train accuracy: 1 → 0.623, 2 → 0.763, 3 → 0.940, 9 → 0.967.%n",
                    hidden.size(), (System.nanoTime() - start) / 1e9, seed);
        }
        out.flush();
        return 0;
    }

    /** The one object of --json: what was run, how long it took, and every size's results. */
    private Map<String, Object> object(List<Object> runs, double seconds) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("hidden", hidden);
        settings.put("activation", "tanh");
        settings.put("outputActivation", "tanh");
        settings.put("init", "uniform");
        settings.put("loss", Loss.MSE.id());
        settings.put("optimizer", "sgd");
        settings.put("lr", CircleExperiment.LEARNING_RATE);
        settings.put("batch", 1);
        settings.put("seed", seed);
        settings.put("trainPoints", CircleExperiment.TRAIN_POINTS);
        settings.put("validationPoints", CircleExperiment.VALIDATION_POINTS);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "experiment");
        m.put("experiment", name);
        m.put("settings", settings);
        m.put("engine", "scalar");
        m.put("seconds", seconds);
        m.put("epochs", CircleExperiment.EPOCHS);
        m.put("runs", runs);
        return m;
    }

    /** A set's final loss (as training measured it) and the classification of its points by the trained model. */
    private static Map<String, Object> measured(MLP model, Dataset data, double loss) {
        int[] predicted = new int[data.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = Loss.MSE.predict(model.predict(data.points()[i]));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("points", data.size());
        m.put("loss", loss);
        m.putAll(Classification.of(data.classNames(), data.labels(), predicted).toMap());
        return m;
    }
}
