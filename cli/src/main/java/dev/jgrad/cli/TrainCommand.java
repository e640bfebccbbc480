package dev.jgrad.cli;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.io.AtomicFile;
import dev.jgrad.io.Csv;
import dev.jgrad.io.ModelFile;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Engine;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.Model;
import dev.jgrad.nn.Network;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.optim.OptimizerKind;
import dev.jgrad.optim.Parameters;
import dev.jgrad.optim.ScheduleKind;
import dev.jgrad.train.EpochMetrics;
import dev.jgrad.train.Learner;
import dev.jgrad.train.Trainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgrad train}: trains an MLP on a built-in dataset or a CSV file and writes the model and its metrics. */
@Command(name = "train", sortOptions = false,
        description = {"Train an MLP classifier on a built-in dataset or a CSV file.",
            "Writes model.json and metrics.csv into --out and prints a summary."},
        footer = {"", "Examples:",
            "  jgrad train --data circle --hidden 9 --activation tanh --batch 1 --epochs 200",
            "  jgrad train --data spiral --hidden 32,32 --engine tensor --epochs 300",
            "  jgrad train --csv iris.csv --label species --hidden 8 --batch 16",
            "Exit codes: 0 done, 1 unreadable or invalid file or diverged training, 2 bad usage."})
final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "NAME", description = "Built-in dataset: circle, moons, xor, spiral, gauss (default: ${DEFAULT-VALUE}; see jgrad datasets).")
    String data = "moons";

    @Option(names = "--csv", paramLabel = "FILE", description = "Train on this CSV file instead: a header row, numeric features, a label column.")
    Path csv;

    @Option(names = "--label", paramLabel = "COLUMN", description = "The CSV's label column (default: ${DEFAULT-VALUE}).")
    String label = "label";

    @Option(names = "--points", paramLabel = "N", description = "Points to generate (default: ${DEFAULT-VALUE}).")
    int points = 200;

    @Option(names = "--noise", paramLabel = "X", description = "Noise of the generated data (default: the dataset's own).")
    Double noise;

    @Option(names = "--classes", paramLabel = "K", description = "Classes of spiral and gauss (default: 3).")
    Integer classes;

    @Option(names = "--hidden", split = ",", paramLabel = "N", description = "Hidden layer sizes, e.g. 16,16 (default: 16,16).")
    List<Integer> hidden = List.of(16, 16);

    @Option(names = "--activation", paramLabel = "F", description = "Hidden activation: tanh, relu, sigmoid, linear (default: ${DEFAULT-VALUE}).")
    String activation = "relu";

    @Option(names = "--output-activation", paramLabel = "F", description = "Output activation (default: ${DEFAULT-VALUE}).")
    String outputActivation = "linear";

    @Option(names = "--init", paramLabel = "I", description = "Weight init: uniform (micrograd's), xavier, he (default: ${DEFAULT-VALUE}).")
    String init = "uniform";

    @Option(names = "--loss", paramLabel = "L", description = "Loss: mse, hinge, bce, cross-entropy (default: bce for 2 classes, cross-entropy for more).")
    String loss;

    @Option(names = "--l2", paramLabel = "ALPHA", description = "Add ALPHA·Σp² to the loss (default: ${DEFAULT-VALUE}).")
    double l2 = 0;

    @Option(names = "--optimizer", paramLabel = "O", description = "sgd, adam, adamw (default: ${DEFAULT-VALUE}).")
    String optimizer = "adam";

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (default: 0.1 for sgd, 0.01 for adam and adamw).")
    Double lr;

    @Option(names = "--momentum", paramLabel = "M", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    double momentum = 0;

    @Option(names = "--weight-decay", paramLabel = "W", description = "Weight decay (default: 0, or 0.01 for adamw).")
    Double weightDecay;

    @Option(names = "--schedule", paramLabel = "S",
            description = "Learning-rate schedule over the whole run: constant; linear (down to 0.1×, micrograd's); "
                    + "step (halved every quarter); cosine (down to 0) (default: ${DEFAULT-VALUE}).")
    String schedule = "constant";

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs = 100;

    @Option(names = "--batch", paramLabel = "B", description = "Points per update: 1 (per sample), a size, or full (default: ${DEFAULT-VALUE}).")
    String batch = "full";

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the data, split, weights and shuffling (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--val", paramLabel = "FRACTION", description = "Fraction held out for validation, in [0, 1) (default: ${DEFAULT-VALUE}).")
    double val = 0.2;

    @Option(names = "--engine", paramLabel = "E", description = {"auto, tensor (batched) or scalar (one Value per number, as "
            + "micrograd) (default: ${DEFAULT-VALUE}: scalar for --batch 1 with at most " + EngineChoice.AUTO_SCALAR_UP_TO + " parameters, "
            + "where the tensor engine's fixed cost per step outweighs its few multiply-adds (the scalar engine is about 1.5 to 2.5 times "
            + "faster on a 2-9-1 net); tensor otherwise; the choice is printed).", "Both engines give the same model to rounding."})
    String engine = "auto";


    @Option(names = "--out", paramLabel = "DIR", description = "Where to write model.json and metrics.csv (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("out", "train");

    @Option(names = "--progress", paramLabel = "P", description = "auto, line (redrawn in place), plain (a line every few epochs) or none (default: ${DEFAULT-VALUE}).")
    String progress = "auto";

    @Option(names = "--plots", description = "Also write pictures into --out: boundary.png and boundary.gif "
            + "(for 2 features and 2 classes), loss.png/.svg and accuracy.png/.svg.")
    boolean plots;

    @Option(names = "--frame-every", paramLabel = "K", description = "With --plots: a GIF frame every K epochs (default: about 50 frames).")
    Integer frameEvery;

    private static final String MODEL = "model.json";
    private static final String METRICS = "metrics.csv";

    /** The names of the features: the CSV's columns but the label, or x and y. */
    List<String> features = List.of("x", "y");

    @Override
    public Integer call() throws IOException {
        checkOptions();
        OutDir dir = OutDir.check("--out", out, MODEL, METRICS);
        if (plots) {
            OutDir.check("--out", out, Plots.FILES);
        }
        try {
            return train(dir);
        } catch (IOException | RuntimeException | Error e) {
            dir.removeIfEmpty();
            throw e;
        }
    }

    private int train(OutDir dir) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Rng root = new Rng(seed);
        Dataset all = dataset(root.split());
        Dataset.Split split = all.split(val, root.split());
        if (split.train().size() == 0) {
            throw new IllegalArgumentException("the training set is empty: --val " + val + " holds out all " + all.size()
                    + " points; lower --val or use more points");
        }
        Loss objective = loss == null ? (all.classes() == 2 ? Loss.BCE : Loss.CROSS_ENTROPY) : Loss.CHOICES.parse(loss);
        List<Integer> sizes = new ArrayList<>(hidden);
        sizes.add(objective.outputs(all.classes()));
        Network initial = Network.initialise(all.features(), sizes, Network.activations(sizes.size(),
                Activation.CHOICES.parse(activation), Activation.CHOICES.parse(outputActivation)), Init.CHOICES.parse(init), root.split());
        Trainer trainer = new Trainer(epochs).batchSize(batchSize()).seed(root.split().nextLong());
        // long: epochs × steps per epoch passes Integer.MAX_VALUE for long per-sample runs on big data.
        long totalSteps = (long) epochs * trainer.stepsPerEpoch(split.train().size());
        Engine chosen = EngineChoice.resolve(engine, batch, initial, stdout);
        engine = chosen.id();
        Model model = chosen.build(initial);
        Learner learner = new Learner(model, objective, l2, optimizer(model.trainable(), totalSteps));
        Progress bar = Progress.of(progress, epochs, stdout);
        trainer.listener(bar);
        long start = System.nanoTime();
        Path modelFile = dir.resolve(MODEL);
        Path metricsFile = dir.resolve(METRICS);
        List<Path> pictures = List.of();
        try (Plots drawn = plots ? Plots.start(out, split.train(), learner, trainer, hidden, frameEvery) : null) {
            List<EpochMetrics> history = trainer.fit(learner, split.train(), split.validation());
            bar.finish();
            double seconds = (System.nanoTime() - start) / 1e9;
            Network trained = model.network();
            EpochMetrics last = history.get(history.size() - 1);
            // The model and its metrics are renamed into place together: never a fresh one beside a stale one.
            AtomicFile.writeAll(AtomicFile.texts(modelFile, new ModelFile(trained, TrainReport.metadata(this, all, split, objective, last)).toJson(),
                    metricsFile, TrainReport.metricsCsv(history)));
            TrainReport.summary(this, stdout, trained, all, split, objective, seconds, last, modelFile, metricsFile);
            if (drawn != null) {
                pictures = drawn.finish(history);
                if (drawn.skipped() != null) {
                    stdout.println(drawn.skipped());
                }
            }
        }
        if (!pictures.isEmpty()) {
            stdout.println("wrote " + pictures.stream().map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.joining(", ")) + " into " + out);
        }
        return 0;
    }

    /** Every option on its own and against the others, before any data is read or directory made. */
    private void checkOptions() {
        // Names are accepted in any case and recorded (summary, model.json) in their canonical lower case.
        engine = engine.equalsIgnoreCase("auto") ? "auto" : EngineChoice.named(engine).id();
        activation = Activation.CHOICES.parse(activation).id();
        outputActivation = Activation.CHOICES.parse(outputActivation).id();
        init = Init.CHOICES.parse(init).id();
        if (loss != null) {
            loss = Loss.CHOICES.parse(loss).id();
        }
        optimizer = OptimizerKind.CHOICES.parse(optimizer).id();
        schedule = ScheduleKind.CHOICES.parse(schedule).id();
        batch = batch.toLowerCase(Locale.ROOT);
        batchSize(); // for its check only: train() asks again once the data is read
        progress = Progress.CHOICES.parse(progress).id();
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        if (csv != null) {
            for (String o : List.of("--data", "--points", "--noise", "--classes")) {
                if (given.hasMatchedOption(o)) {
                    throw new IllegalArgumentException(o + " does not apply with --csv: the file holds the data");
                }
            }
        } else if (given.hasMatchedOption("--label")) {
            throw new IllegalArgumentException("--label applies to --csv only");
        } else {
            data = Datasets.CHOICES.parse(data).id();
            if (classes != null && Datasets.CHOICES.parse(data).defaultClasses() == 2) {
                throw new IllegalArgumentException("--classes applies to spiral and gauss; " + data + " always has 2 classes");
            }
        }
        if (frameEvery != null && !plots) {
            throw new IllegalArgumentException("--frame-every applies with --plots only");
        }
        for (int h : hidden) {
            Check.atLeast("--hidden sizes", h, 1);
        }
        Check.atLeast("--epochs", epochs, 1);
        Check.atLeast("--points", points, 1);
        Check.atLeast("--l2", l2, 0);
        Check.in("--val", val, 0, 1);
        Check.in("--momentum", momentum, 0, 1);
        if (lr != null) {
            Check.above("--lr", lr, 0);
        }
        if (noise != null) {
            Check.atLeast("--noise", noise, 0);
        }
        if (classes != null) {
            Check.atLeast("--classes", classes, 2);
        }
        if (weightDecay != null) {
            Check.atLeast("--weight-decay", weightDecay, 0);
        }
        if (momentum != 0 && !optimizer.equals("sgd")) {
            throw new IllegalArgumentException("--momentum applies to sgd only; adam and adamw have their own");
        }
    }

    private Dataset dataset(Rng random) throws IOException {
        if (csv != null) {
            Csv table = Csv.read(csv);
            features = table.featureNames(List.of(table.column(label)));
            return table.toDataset(label);
        }
        Datasets.Generator g = Datasets.CHOICES.parse(data);
        return Datasets.generate(g.id(), points, noise == null ? g.defaultNoise() : noise,
                classes == null ? g.defaultClasses() : classes, random);
    }

    private int batchSize() {
        if (batch.equals("full")) {
            return Trainer.FULL_BATCH;
        }
        try {
            int b = Integer.parseInt(batch);
            if (b >= 1) {
                return b;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--batch must be 1, a batch size ≥ 1, or full; got '" + batch + "'");
    }

    double rate() {
        return lr != null ? lr : OptimizerKind.CHOICES.parse(optimizer).defaultLearningRate();
    }

    double decay() {
        return weightDecay != null ? weightDecay : OptimizerKind.CHOICES.parse(optimizer).defaultWeightDecay();
    }

    private Optimizer optimizer(Parameters parameters, long totalSteps) {
        return OptimizerKind.CHOICES.parse(optimizer).create(parameters, rate(), momentum, decay())
                .schedule(ScheduleKind.CHOICES.parse(schedule).over(totalSteps));
    }
}
