package dev.jgrad.cli;

import dev.jgrad.data.Dataset;
import dev.jgrad.optim.OptimizerKind;
import dev.jgrad.train.EpochMetrics;
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
 * the summary. It reads the run's configuration, never the command's options.
 *
 * @param labelColumn the CSV's label column, or null for built-in data
 */
record TrainReport(Training run, Dataset all, List<String> features, String labelColumn, double seconds,
        List<EpochMetrics> history) {

    String metricsCsv() {
        StringBuilder s = new StringBuilder("epoch,train_loss,train_accuracy,val_loss,val_accuracy\n");
        for (EpochMetrics m : history) {
            s.append(m.epoch()).append(',').append(m.trainLoss()).append(',').append(m.trainAccuracy()).append(',')
                    .append(m.hasValidation() ? Double.toString(m.valLoss()) : "").append(',')
                    .append(m.hasValidation() ? Double.toString(m.valAccuracy()) : "").append('\n');
        }
        return s.toString();
    }

    /** The metadata a model file records: the data, every setting as used, the final metrics. */
    Map<String, Object> metadata() {
        TrainingConfig c = run.config();
        EpochMetrics last = last();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss", run.loss().id());
        m.put("classes", all.classNames());
        m.put("features", features);
        if (labelColumn != null) {
            m.put("labelColumn", labelColumn);
        }
        m.put("dataset", all.name());
        m.put("trainPoints", run.train().size());
        m.put("validationPoints", run.validation().size());
        m.put("hidden", c.hidden());
        m.put("activation", c.activation().id());
        m.put("outputActivation", c.outputActivation().id());
        m.put("init", c.init().id());
        m.put("optimizer", c.optimizer().id());
        m.put("lr", c.learningRate());
        m.put("schedule", c.schedule().id());
        if (c.optimizer() == OptimizerKind.SGD) {
            m.put("momentum", c.momentum());
        }
        m.put("weightDecay", c.weightDecay());
        m.put("l2", c.l2());
        m.put("epochs", c.epochs());
        m.put("batch", batch());
        m.put("seed", c.seed());
        m.put("engine", run.engine().id());
        m.put("trainLoss", last.trainLoss());
        m.put("trainAccuracy", last.trainAccuracy());
        if (last.hasValidation()) {
            m.put("valLoss", last.valLoss());
            m.put("valAccuracy", last.valAccuracy());
        }
        m.put("jgrad", VersionCommand.version());
        return m;
    }

    void summary(PrintWriter o, Path modelFile, Path metricsFile) {
        TrainingConfig c = run.config();
        EpochMetrics last = last();
        o.printf("trained MLP %s on %s (%d training, %d validation points)%n", run.model().network(), all.name(),
                run.train().size(), run.validation().size());
        o.printf("%d epochs, batch %s, %s, %s loss%s, %s engine: %.2f s%n", c.epochs(), batch(), c.optimizer().id(),
                run.loss().id(), c.l2() > 0 ? " + " + c.l2() + "·Σp²" : "", run.engine().id(), seconds);
        o.printf("final: train loss %s, accuracy %.3f", Progress.loss(last.trainLoss()), last.trainAccuracy());
        if (last.hasValidation()) {
            o.printf("; validation loss %s, accuracy %.3f", Progress.loss(last.valLoss()), last.valAccuracy());
        }
        o.printf("%nwrote %s and %s%n", modelFile, metricsFile);
    }

    /** "full", or the batch size as the user typed it. */
    private String batch() {
        int b = run.config().batchSize();
        return b == Trainer.FULL_BATCH ? "full" : Integer.toString(b);
    }

    private EpochMetrics last() {
        return history.get(history.size() - 1);
    }
}
