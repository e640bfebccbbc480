package dev.jgrad.cli;

import dev.jgrad.io.Json;
import dev.jgrad.optim.OptimizerKind;
import dev.jgrad.train.ClassWeight;
import dev.jgrad.train.EpochMetrics;
import dev.jgrad.train.Measurement;
import dev.jgrad.train.Regression;
import dev.jgrad.train.Trainer;
import dev.jgrad.train.Training;
import dev.jgrad.train.TrainingConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code jgrad train} writes about a finished run: the metrics table, the model's metadata,
 * the summary and its JSON form. It reads the run's configuration, never the command's options.
 *
 * @param elapsed seconds since training started, at the end of each epoch
 * @param validation null when nothing was held out
 * @param test null without {@code --test}
 */
record TrainReport(Training run, TrainData data, double seconds, List<EpochMetrics> history, List<Double> elapsed,
        Measurement train, Measurement validation, Measurement test) {

    /** The metrics.csv header: every column but the last is the same, bit for bit, for the same seed. */
    static final String METRICS_HEADER = "epoch,train_loss,train_accuracy,val_loss,val_accuracy,elapsed_s";
    /** A regression run's metrics.csv header: MSE, MAE and R² in the target's units. */
    static final String REGRESSION_HEADER = "epoch,train_loss,train_mse,train_mae,train_r2,val_loss,val_mse,val_mae,val_r2,elapsed_s";

    private boolean regression() {
        return run.target() != null;
    }

    /**
     * One row per epoch. {@code elapsed_s} (seconds since training started, at the epoch's end) is
     * the one column that differs between runs of one seed: compare the others for determinism.
     */
    String metricsCsv() {
        StringBuilder s = new StringBuilder(regression() ? REGRESSION_HEADER : METRICS_HEADER).append('\n');
        for (int i = 0; i < history.size(); i++) {
            EpochMetrics m = history.get(i);
            s.append(m.epoch()).append(',').append(m.trainLoss()).append(',');
            if (regression()) {
                fit(s, m.trainFit()).append(m.hasValidation() ? Double.toString(m.valLoss()) : "").append(',');
                fit(s, m.valFit());
            } else {
                s.append(m.trainAccuracy()).append(',')
                        .append(m.hasValidation() ? Double.toString(m.valLoss()) : "").append(',')
                        .append(m.hasValidation() ? Double.toString(m.valAccuracy()) : "").append(',');
            }
            s.append(String.format(java.util.Locale.ROOT, "%.6f", elapsed.get(i))).append('\n');
        }
        return s.toString();
    }

    /** "mse,mae,r2," or, without a measurement, three empty cells. */
    private static StringBuilder fit(StringBuilder s, Regression r) {
        return r == null ? s.append(",,,") : s.append(r.mse()).append(',').append(r.mae()).append(',')
                .append(Double.isNaN(r.r2()) ? "" : Double.toString(r.r2())).append(',');
    }

    /** Every setting as used, named as the options are. */
    Map<String, Object> settings() {
        TrainingConfig c = run.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", c.task().id());
        m.put("hidden", c.hidden());
        // One id when every hidden layer has it (as the option was given), else one per layer.
        List<String> each = c.hiddenActivations().stream().map(a -> a.id()).toList();
        m.put("activation", each.stream().distinct().count() <= 1 ? c.activation().id() : String.join(",", each));
        m.put("outputActivation", c.outputActivation().id());
        m.put("init", c.init().id());
        m.put("loss", run.loss().id());
        m.put("optimizer", c.optimizer().id());
        m.put("lr", c.learningRate());
        m.put("schedule", c.schedule().id());
        if (c.optimizer() == OptimizerKind.SGD) {
            m.put("momentum", c.momentum());
        }
        m.put("weightDecay", c.weightDecay());
        m.put("l1", c.l1());
        m.put("l2", c.l2());
        m.put("epochs", c.epochs());
        m.put("batch", batch());
        m.put("seed", c.seed());
        m.put("val", c.validation());
        m.put("earlyStop", c.earlyStop());
        m.put("scale", c.scaling().id());
        if (data.prepared() != null) {
            m.put("missing", c.preprocessing().missing().id());
            m.put("missingIndicator", c.preprocessing().indicator());
            m.put("columns", data.prepared().pipeline().columns());
        }
        if (c.task() == dev.jgrad.data.Task.CLASSIFICATION) {
            m.put("classWeight", c.classWeight().id());
        }
        return m;
    }

    /** The metadata a model file records: the data, every setting as used, the final metrics. */
    Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!regression()) {
            m.put("classes", data.all().classNames());
        }
        m.put("features", data.features());
        if (data.transform() != null) {
            m.put("transform", data.transform().ids());
        }
        if (data.fromCsv()) {
            m.put("labelColumn", data.labelColumn());
        }
        m.put("dataset", data.all().name());
        m.put("trainPoints", run.train().size());
        m.put("validationPoints", run.validation().size());
        m.putAll(settings());
        // The epochs run, not asked for: early stopping may end sooner, with the best epoch's weights.
        m.put("epochs", history.size());
        if (run.config().earlyStop() > 0) {
            m.put("maxEpochs", run.config().epochs());
            m.put("bestEpoch", bestEpoch());
        }
        m.put("constantFeatures", constantFeatures());
        if (run.learner().classWeights() != null) {
            m.put("classWeights", java.util.Arrays.stream(run.learner().classWeights()).boxed().toList());
        }
        m.put("engine", run.engine().id());
        m.put("dtype", run.config().dtype().id());
        figures(m, "train", train);
        if (validation != null) {
            figures(m, "val", validation);
        }
        if (test != null) {
            testSource(m);
            m.put("testPoints", test.points());
            figures(m, "test", test);
        }
        m.put("jgrad", VersionCommand.version());
        return m;
    }

    /** Where the test set came from: testFile, or testSplit, the fraction held out of the data. */
    private void testSource(Map<String, Object> m) {
        if (data.testSplit() > 0) {
            m.put("testSplit", data.testSplit());
        } else {
            m.put("testFile", test.set());
        }
    }

    /** trainLoss and trainAccuracy, or for regression trainLoss, trainMse, trainMae, trainR2 (so for val and test). */
    private static void figures(Map<String, Object> m, String set, Measurement r) {
        m.put(set + "Loss", r.loss());
        if (r.regression() == null) {
            m.put(set + "Accuracy", r.accuracy());
            if (r.ranking() != null && !Double.isNaN(r.ranking().rocAuc())) {
                m.put(set + "RocAuc", r.ranking().rocAuc());
                m.put(set + "PrAuc", r.ranking().averagePrecision());
            }
        } else {
            m.put(set + "Mse", r.regression().mse());
            m.put(set + "Mae", r.regression().mae());
            // null where R² is undefined (one point): JSON has no NaN
            m.put(set + "R2", Double.isNaN(r.regression().r2()) ? null : r.regression().r2());
        }
    }

    /** The names of the features that were constant in the training split. */
    private List<String> constantFeatures() {
        return run.scaler().constant().stream().map(data.inputNames()::get).toList();
    }

    /** {@code --json}: one object with the settings, the run and every final measurement. */
    String json(Path modelFile, Path metricsFile) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "train");
        m.put("dataset", data.all().name());
        m.put("features", data.features());
        m.put("task", run.config().task().id());
        if (regression()) {
            m.put("target", data.labelColumn());
        } else {
            m.put("classes", data.all().classNames());
        }
        m.put("settings", settings());
        m.put("constantFeatures", constantFeatures());
        m.put("engine", run.engine().id());
        m.put("parameters", run.start().parameterCount());
        m.put("seconds", seconds);
        m.put("epochs", history.size());
        m.put("bestEpoch", bestEpoch());
        m.put("train", train.toMap());
        m.put("validation", validation == null ? null : validation.toMap());
        m.put("test", test == null ? null : test.toMap());
        if (test != null) {
            testSource(m);
            m.put("testRowsSkipped", data.unknown());
        }
        m.put("model", modelFile.toString());
        m.put("metrics", metricsFile.toString());
        return Json.write(m);
    }

    void summary(PrintWriter o, Path modelFile, Path metricsFile) {
        TrainingConfig c = run.config();
        o.printf("trained MLP %s on %s (%d training, %s)%n", run.model().network(), data.all().name(),
                run.train().size(), Words.count(run.validation().size(), "validation point"));
        o.printf("%s epochs, batch %s, %s, %s loss%s, %s engine: %.2f s%n",
                history.size() < c.epochs() ? history.size() + " of " + c.epochs() : Integer.toString(c.epochs()), batch(), c.optimizer().id(),
                run.loss().id(), (c.l1() > 0 ? " + " + c.l1() + "·Σ|p|" : "") + (c.l2() > 0 ? " + " + c.l2() + "·Σp²" : "")
                + (c.classWeight() == ClassWeight.BALANCED ? " (classes weighted: balanced)" : ""), run.engine().id(), seconds);
        if (history.size() < c.epochs()) {
            o.printf("stopped early after epoch %d: the validation loss was lowest at epoch %d, whose weights are kept%n",
                    history.size(), bestEpoch());
        }
        if (!run.scaler().isIdentity() || !run.scaler().constant().isEmpty()) {
            o.printf("features%s scaled: %s, fitted on the training split%s%n", regression() ? " and target" : "", c.scaling().id(),
                    constantFeatures().isEmpty() ? "" : "; constant there, so scaled to 0: " + String.join(", ", constantFeatures()));
        }
        o.printf("final: train %s", figures(train));
        if (validation != null) {
            o.printf("; validation %s", figures(validation));
        }
        o.println();
        if (test != null) {
            o.printf("test (%s, %s): %s%n", data.testSplit() > 0 ? "held out: " + data.testSplit() + " of the data, "
                    + (regression() ? "at random" : "stratified") : test.set(), Words.count(test.points(), "point"), figures(test));
            if (data.unknown() > 0) {
                o.printf("skipped %s whose class the training data does not have (--allow-unknown)%n",
                        Words.count(data.unknown(), "test row"));
            }
        }
        Measurement shown = test != null ? test : validation != null ? validation : train;
        if (!regression()) {
            o.printf("%non the %s set:%n%s%n", shown == test ? "test" : shown.set(), shown.classification().report());
            if (shown.ranking() != null && !Double.isNaN(shown.ranking().rocAuc())) {
                o.printf(java.util.Locale.ROOT, "ROC AUC %.3f, PR AUC (average precision) %.3f%n%n", shown.ranking().rocAuc(),
                        shown.ranking().averagePrecision());
            }
        } else if (run.target().kind() != dev.jgrad.data.Scaling.NONE) {
            o.println("(the loss is on the scaled target; MSE, MAE and R² are in " + data.labelColumn() + "'s units)");
        }
        o.printf("wrote %s and %s%n", modelFile, metricsFile);
    }

    /** "loss 0.0123, accuracy 0.950", or for regression "loss 0.0123, MSE …, MAE …, R² …". */
    private static String figures(Measurement m) {
        return "loss " + Progress.loss(m.loss()) + ", " + (m.regression() != null ? m.regression().summary()
                : String.format(java.util.Locale.ROOT, "accuracy %.3f", m.accuracy()));
    }

    /** The epoch whose weights the model holds: the last, or with early stopping the first of lowest validation loss. */
    private int bestEpoch() {
        if (run.config().earlyStop() == 0 || history.size() == run.config().epochs()) {
            return history.size();
        }
        EpochMetrics best = history.get(0);
        for (EpochMetrics m : history) {
            best = m.valLoss() < best.valLoss() ? m : best;
        }
        return best.epoch();
    }

    /** "full", or the batch size as the user typed it. */
    private String batch() {
        int b = run.config().batchSize();
        return b == Trainer.FULL_BATCH ? "full" : Integer.toString(b);
    }
}
