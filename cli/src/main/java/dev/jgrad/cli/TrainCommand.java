package dev.jgrad.cli;

import dev.jgrad.base.InvalidSetting;
import dev.jgrad.base.Rng;
import dev.jgrad.data.Datasets;
import dev.jgrad.data.Features;
import dev.jgrad.data.Task;
import dev.jgrad.io.CsvFormat;
import dev.jgrad.io.AtomicFile;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.RunFiles;
import dev.jgrad.train.CrossValidation;
import dev.jgrad.tensor.JvmKernels;
import dev.jgrad.train.EpochMetrics;
import dev.jgrad.train.Trainer;
import dev.jgrad.train.Training;
import dev.jgrad.train.TrainingConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgrad train}: trains an MLP on a built-in dataset or a CSV file and writes the model and its metrics. */
@Command(name = "train", sortOptions = false,
        description = {"Train an MLP classifier (or, with --task regression, a regressor) on a built-in dataset or a CSV file.",
            "Writes model.json (weights and the feature scaling) and metrics.csv into --out and prints a summary:",
            "final train, validation and --test loss and accuracy, with per-class precision, recall and F1",
            "(for regression: MSE, MAE and R², in the target's units)."},
        footer = {"", "Examples:",
            "  jgrad train --data circle --hidden 9 --activation tanh --batch 1 --epochs 200",
            "  jgrad train --data spiral --hidden 32,32 --engine tensor --epochs 300",
            "A real-data session (standardised features, a held-out test file, per-class metrics, probabilities):",
            "  jgrad train --csv docs/examples/flowers.csv --label species --hidden 8 --epochs 200 \\",
            "              --test docs/examples/new-flowers.csv --out out/flowers",
            "  jgrad predict --model out/flowers/model.json --input docs/examples/new-flowers.csv --proba -o predictions.csv",
            "Regression (a numeric target; early stopping on the validation loss):",
            "  jgrad train --csv docs/examples/springs.csv --task regression \\",
            "              --label stretch --hidden 16 --activation tanh \\",
            "              --epochs 300 --early-stop 30 --out out/springs",
            "  jgrad train --data sine --hidden 16 --activation tanh \\",
            "              --epochs 500 --plots --out out/sine",
            "Exit codes: 0 done, 1 unreadable or invalid file or diverged training, 2 bad usage."})
final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "NAME", description = "Built-in dataset: circle, moons, xor, spiral, gauss; "
            + "for regression sine, plane, gaussian-mixture (default: ${DEFAULT-VALUE}; see jgrad datasets).")
    String data = "moons";

    @Option(names = "--task", paramLabel = "T", description = "classification or regression (a numeric --label: mse loss, "
            + "one linear output, the target scaled as the features are) (default: the dataset's, classification for --csv).")
    String task;

    @Option(names = "--csv", paramLabel = "FILE", description = "Train on this CSV file instead: a header row, numeric features, a label column.")
    Path csv;

    @Option(names = "--label", paramLabel = "COLUMN", description = "The CSV's label column, or with --task regression its numeric target (default: ${DEFAULT-VALUE}).")
    String label = "label";

    @CommandLine.Mixin
    CsvOptions csvOptions = new CsvOptions();

    @Option(names = "--points", paramLabel = "N", description = "Points to generate (default: ${DEFAULT-VALUE}).")
    int points = 200;

    @Option(names = "--noise", paramLabel = "X", description = "Noise of the generated data (default: the dataset's own).")
    Double noise;

    @Option(names = "--classes", paramLabel = "K", description = "Classes of spiral and gauss (default: 3).")
    Integer classes;

    // --features, its first name, stays an alias; it read as a choice of columns, which --columns is.
    @Option(names = {"--feature-maps", "--features"}, split = ",", paramLabel = "F", description = "Train on these functions "
            + "of the 2 features x1, x2 instead of the features themselves: x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2 (as the "
            + "playground's inputs; model.json records them and predict applies them). To choose columns, see --columns.")
    List<String> features;

    @CommandLine.Mixin
    TableOptions table = new TableOptions();

    @CommandLine.Mixin
    TrainingOptions training = new TrainingOptions();

    @Option(names = "--test", paramLabel = "FILE", description = "After training, evaluate on this labelled CSV file "
            + "(the training data's feature and label columns, by name): loss, accuracy, per-class metrics (MSE, MAE, R²).")
    Path test;

    @Option(names = "--test-split", paramLabel = "FRACTION", description = "Hold out this fraction of the data, in (0, 1), "
            + "each class in proportion, as the test set (reported as --test's; drawn from --seed); --val splits the rest.")
    Double testSplit;

    @Option(names = "--folds", paramLabel = "K", description = "Cross-validate instead: K stratified folds (drawn from --seed), "
            + "each the test set of a run trained on the others; prints each fold's and the mean ± std accuracy (R² for "
            + "regression) and writes folds.csv into --out, no model.")
    Integer folds;

    @Option(names = "--repeats", paramLabel = "R", description = "With --folds: repeat on R different fold draws (default: 1).")
    Integer repeats;

    @Option(names = "--allow-unknown", description = "With --test: skip rows whose class the training data does not have "
            + "(otherwise an error naming the class and the line).")
    boolean allowUnknown;

    @Option(names = "--json", description = "Print one JSON object (settings, engine, seconds, epochs, final train, "
            + "validation and test metrics) on standard output; the summary goes to standard error.")
    boolean json;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Where to write model.json and metrics.csv (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("out", "train");

    @Option(names = "--progress", paramLabel = "P", description = "auto, line (redrawn in place), plain (a line every few epochs) or none (default: ${DEFAULT-VALUE}).")
    String progress = "auto";

    @Option(names = "--plots", description = "Also write pictures into --out: boundary.png and boundary.gif "
            + "(for 2 features: the score for 2 classes, the arg-max regions in class colours for more), loss.png/.svg and "
            + "accuracy.png/.svg; for regression fit.png (the fitted function over the data for 1 feature, a heat map of "
            + "the prediction for 2) and loss.png/.svg.")
    boolean plots;

    @Option(names = "--frame-every", paramLabel = "K", description = "With --plots: GIF frames at most K epochs apart, denser in the first epochs, and only when the boundary moved (default K: a 50th of the epochs).")
    Integer frameEvery;

    private static final String MODEL = "model.json";
    private static final String METRICS = "metrics.csv";

    @Override
    public Integer call() throws IOException {
        TrainingConfig config = checkOptions();
        if (folds != null) {
            return crossValidate(config, OutDir.check("--out", out, FoldsReport.FILE));
        }
        OutDir dir = OutDir.check("--out", out, MODEL, METRICS);
        if (plots) {
            OutDir.check("--out", out, Plots.FILES);
        }
        // Ctrl-C or a kill during training: the files are only ever renamed into place whole, so say that
        // the previous ones (if any) are what --out holds.
        Thread interrupted = new Thread(() -> {
            spec.commandLine().getErr().println(
                    "jgrad: interrupted; " + out + " keeps what it held before (no new model.json or metrics.csv)");
            dir.removeIfEmpty();
        });
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            return train(config, dir);
        } catch (IOException | RuntimeException | Error e) {
            dir.removeIfEmpty();
            throw e;
        } finally {
            Runtime.getRuntime().removeShutdownHook(interrupted);
        }
    }

    private int train(TrainingConfig config, OutDir dir) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        // With --json, standard output carries the one JSON object; everything for people goes to stderr.
        PrintWriter human = json ? spec.commandLine().getErr() : stdout;
        Rng root = new Rng(config.seed());
        if (csv != null && config.batchSize() != Trainer.FULL_BATCH) {
            // The header gives the network's size before the rows are read: a wide one's kernels warm while they are
            // (Fashion-MNIST's rows take seconds; warmed after them, its first epoch ran partly on plain loops).
            int features = table.featuresAtLeast(TrainData.headerColumns(csv, table.format(csvOptions.format())));
            JvmKernels.expect(config.batchSize() * config.parameterCount(features, 2), config.dtype());
        }
        TrainData data = data(root, config);
        data.notes().forEach(human::println);
        long parameters = config.parameterCount(data.all().features(), data.all().classes());
        Memory.checkModel("--hidden " + String.join(",", training.hidden), parameters);
        int batchPoints = config.batchSize() == Trainer.FULL_BATCH ? data.all().size() : config.batchSize();
        // A wide network's products warm the vector kernel up now, before its first epoch, not during it.
        JvmKernels.expect(Math.min(batchPoints, data.all().size()) * parameters, config.dtype());
        Training run = start(config, data, root);
        if (!plots) {
            // the run trains on its scaled copy: the unscaled training points (Fashion-MNIST's 376 MB) go
            run = run.withoutUnscaledPoints();
            data = data.withoutPoints();
        }
        SmallData.check(run, human);
        if (config.hidden().isEmpty() && spec.commandLine().getParseResult().hasMatchedOption("--activation")) {
            human.println("warning: --activation applies to hidden layers, and --hidden none has none: " + training.activation
                    + " is not used (--output-activation sets the output's)");
        }
        if (config.engine() == null) {
            EngineChoice.explain(run, human);
        }
        // An epoch's training loss and accuracy are its updates' (docs/cli.md): a second pass over the training
        // set after every epoch cost small tables about as much as the updates themselves.
        run.trainer().runningMetrics(true);
        Progress bar = Progress.of(progress, config.epochs(), human);
        run.trainer().listener(bar);
        List<Double> elapsed = new ArrayList<>();
        // Drawing the animation's frames happens between epochs; it is not training time.
        AtomicLong drawing = new AtomicLong();
        // The data checked and the batches readied before the clock starts (a float32 model's points rounded once took a
        // fifth of Fashion-MNIST's first epoch): the epochs' times are training's, as PyTorch's loop is timed.
        Trainer.Run prepared = run.trainer().start(run.learner(), run.train(), run.validation());
        long start = System.nanoTime();
        run.trainer().listener(m -> elapsed.add((System.nanoTime() - start - drawing.get()) / 1e9));
        Path modelFile = dir.resolve(MODEL);
        Path metricsFile = dir.resolve(METRICS);
        List<Path> pictures = List.of();
        Path out = dir.path();
        try (Plots drawn = plots ? Plots.start(out, run, data.all(), frameEvery, drawing, data.fromCsv() ? data.features() : null) : null) {
            List<EpochMetrics> history = run.trainer().fit(prepared);
            // the run's batches (a float32 model's points rounded, 188 MB for Fashion-MNIST) are not kept while it is
            // measured: held, they took its training past -Xmx1g
            prepared = null;
            double seconds = (System.nanoTime() - start - drawing.get()) / 1e9;
            bar.finish();
            TrainReport report = new TrainReport(run, data, seconds, history, elapsed, run.measure("train", run.train()),
                    run.validation().size() == 0 ? null : run.measure("validation", run.validation()),
                    data.test() == null ? null : run.measure(data.test().name(), run.scaled(data.test())));
            // The model and its metrics are switched in by one rename: never a fresh one beside a stale one.
            Map<String, String> files = new LinkedHashMap<>();
            files.put(MODEL, new ModelFile(run.model().network(), run.scaler(), run.target(), report.metadata(),
                    data.pipelineToSave()).toJson());
            files.put(METRICS, report.metricsCsv());
            RunFiles.publish(out, files);
            report.summary(human, modelFile, metricsFile);
            if (drawn != null) {
                pictures = drawn.finish(history);
                if (drawn.skipped() != null) {
                    human.println(drawn.skipped());
                }
            }
            if (json) {
                stdout.print(report.json(modelFile, metricsFile));
                stdout.flush();
            }
        }
        if (!pictures.isEmpty()) {
            human.println("wrote " + pictures.stream().map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.joining(", ")) + " into " + dir.path());
        }
        human.flush();
        return 0;
    }

    /** The run set up on {@code data}'s points; a lambda of {@code train}'s would keep them for its whole length. */
    private static Training start(TrainingConfig config, TrainData data, Rng root) {
        return data.namingOverflow(() -> Options.<Training>asOptions(() -> Training.start(config, data.all(), root)));
    }

    /** {@code --folds}: cross-validation, a line per fold, then the mean ± std; folds.csv and no model. */
    private int crossValidate(TrainingConfig config, OutDir dir) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter human = json ? spec.commandLine().getErr() : stdout;
        Rng root = new Rng(config.seed());
        TrainData data = data(root, config);
        int r = repeats == null ? 1 : repeats;
        try {
            CrossValidation cv = data.namingOverflow(() -> Options.asOptions(() -> CrossValidation.run(config, data.all(), folds, r, root, f -> {
                human.println(FoldsReport.line(f));
                human.flush();
            })));
            Path file = dir.resolve(FoldsReport.FILE);
            AtomicFile.write(file, FoldsReport.csv(cv));
            FoldsReport.summary(human, cv, folds, r, data.all().name(), file);
            if (json) {
                stdout.print(FoldsReport.json(cv, folds, r, data.all().name(), file));
            }
        } catch (IOException | RuntimeException e) {
            dir.removeIfEmpty();
            throw e;
        }
        stdout.flush();
        human.flush();
        return 0;
    }

    /** The options' data, drawn from the seed's first stream for built-in data (as the playground draws it). */
    TrainData data(Rng root, TrainingConfig config) throws IOException {
        CsvFormat format = table.format(csvOptions.format());
        TrainData data = csv != null ? TrainData.csv(csv, label, config, format, readProgress(csv))
                : TrainData.generated(this.data, points, noise, classes, root.split());
        if (features != null) {
            data = data.transformed(featureMaps());
        }
        if (test != null) {
            data = data.withTest(test, allowUnknown, format);
        }
        if (testSplit != null) {
            data = data.withTestSplit(testSplit, root.split());
        }
        return data;
    }

    /** Lines on standard error while a large --csv is read, unless --progress none. */
    private java.util.function.LongConsumer readProgress(Path file) throws IOException {
        if (progress.equalsIgnoreCase("none") || !java.nio.file.Files.isRegularFile(file)) {
            return null;
        }
        return CsvOptions.progress(file, java.nio.file.Files.size(file), spec.commandLine().getErr());
    }

    /**
     * Every option on its own and against the others, before any data is read or directory made;
     * the training options become one checked configuration.
     */
    TrainingConfig checkOptions() {
        Progress.CHOICES.parse(progress);
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        checkSource(given);
        checkEvaluation(given);
        checkGenerated();
        Task chosen = TrainData.task(task, csv != null, data);
        if (frameEvery != null && chosen == Task.REGRESSION) {
            throw new IllegalArgumentException("--frame-every sets boundary.gif's frames; regression draws fit.png, no animation");
        }
        return Options.asOptions(() -> training.config(chosen, csv != null,
                () -> csv != null ? table.preprocessing() : dev.jgrad.data.Preprocessing.DEFAULT));
    }

    /** The data's options: a file's or a generator's, never both; --classes only where the generator draws them. */
    private void checkSource(CommandLine.ParseResult given) {
        if (csv != null) {
            for (String o : List.of("--data", "--points", "--noise", "--classes")) {
                if (given.hasMatchedOption(o)) {
                    throw new IllegalArgumentException(o + " does not apply with --csv: the file holds the data");
                }
            }
        } else if (!TableOptions.given(given).isEmpty()) {
            throw new IllegalArgumentException(TableOptions.given(given).get(0) + " applies to --csv only");
        } else if (given.hasMatchedOption("--label")) {
            throw new IllegalArgumentException("--label applies to --csv only");
        } else if (classes != null && Datasets.CHOICES.parse(data).task() == Task.REGRESSION) {
            throw new IllegalArgumentException("--classes applies to spiral and gauss; " + Datasets.CHOICES.parse(data).id()
                    + " is regression data");
        } else if (classes != null && Datasets.CHOICES.parse(data).defaultClasses() == 2) {
            throw new IllegalArgumentException("--classes applies to spiral and gauss; " + Datasets.CHOICES.parse(data).id()
                    + " always has 2 classes");
        }
    }

    /** How the model is tested: --test, --test-split or --folds, and the options that go with each. */
    private void checkEvaluation(CommandLine.ParseResult given) {
        if (test != null && testSplit != null) {
            throw new IllegalArgumentException("--test-split and --test both name the test set: give one");
        }
        if (folds != null) {
            for (String o : List.of("--test", "--test-split", "--plots")) {
                if (given.hasMatchedOption(o)) {
                    throw new IllegalArgumentException(o + " does not apply with --folds: each fold in turn is the test set");
                }
            }
        } else if (repeats != null) {
            throw new IllegalArgumentException("--repeats applies with --folds only");
        }
        if (allowUnknown && test == null) {
            throw new IllegalArgumentException("--allow-unknown applies with --test only");
        }
        if (frameEvery != null && !plots) {
            throw new IllegalArgumentException("--frame-every applies with --plots only");
        }
    }

    /** The generator's numbers, and the feature maps' names. */
    private void checkGenerated() {
        InvalidSetting.atLeast("--points", points, 1);
        if (features != null) {
            featureMaps();
        }
        if (noise != null) {
            InvalidSetting.atLeast("--noise", noise, 0);
            if (noise > Datasets.MAX_NOISE) {
                throw new IllegalArgumentException("--noise must be at most " + InvalidSetting.shown(Datasets.MAX_NOISE)
                        + " (the data span a few units: more noise only buries them), got " + InvalidSetting.shown(noise));
            }
        }
        if (classes != null) {
            InvalidSetting.atLeast("--classes", classes, 2);
            if (classes > points) {
                throw new IllegalArgumentException("--classes " + classes + " is more than the " + points + " points: each class needs one");
            }
        }
        if (csv == null) {
            Memory.checkPoints("--points " + points, points);
        }
    }

    /** {@code --feature-maps}; names that are none, as column names would be, point to {@code --columns}. */
    private Features featureMaps() {
        try {
            return Features.of(features);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; --feature-maps (also spelled --features) are the playground's "
                    + "functions of x1 and x2; to train on chosen columns say --columns " + String.join(",", features), e);
        }
    }
}
