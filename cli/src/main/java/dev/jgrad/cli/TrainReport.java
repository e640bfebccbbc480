package dev.jgrad.cli;

import dev.jgrad.data.Dataset;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Network;
import dev.jgrad.train.EpochMetrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code jgrad train} writes: the metrics table, the model's metadata, the summary. */
final class TrainReport {
    private TrainReport() {
    }

    static String metricsCsv(List<EpochMetrics> history) {
        StringBuilder s = new StringBuilder("epoch,train_loss,train_accuracy,val_loss,val_accuracy\n");
        for (EpochMetrics m : history) {
            s.append(m.epoch()).append(',').append(m.trainLoss()).append(',').append(m.trainAccuracy()).append(',')
                    .append(m.hasValidation() ? Double.toString(m.valLoss()) : "").append(',')
                    .append(m.hasValidation() ? Double.toString(m.valAccuracy()) : "").append('\n');
        }
        return s.toString();
    }

    static Map<String, Object> metadata(TrainCommand c, Dataset all, Dataset.Split split, Loss objective, EpochMetrics last) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss", objective.id());
        m.put("classes", all.classNames());
        m.put("features", c.features);
        if (c.csv != null) {
            m.put("labelColumn", c.label);
        }
        m.put("dataset", all.name());
        m.put("trainPoints", split.train().size());
        m.put("validationPoints", split.validation().size());
        m.put("hidden", c.hidden);
        m.put("activation", c.activation);
        m.put("outputActivation", c.outputActivation);
        m.put("init", c.init);
        m.put("optimizer", c.optimizer);
        m.put("lr", c.rate());
        m.put("schedule", c.schedule);
        if (c.optimizer.equals("sgd")) {
            m.put("momentum", c.momentum);
        }
        m.put("weightDecay", c.decay());
        m.put("l2", c.l2);
        m.put("epochs", c.epochs);
        m.put("batch", c.batch);
        m.put("seed", c.seed);
        m.put("engine", c.engine);
        m.put("trainLoss", last.trainLoss());
        m.put("trainAccuracy", last.trainAccuracy());
        if (last.hasValidation()) {
            m.put("valLoss", last.valLoss());
            m.put("valAccuracy", last.valAccuracy());
        }
        m.put("jgrad", VersionCommand.version());
        return m;
    }

    static void summary(TrainCommand c, PrintWriter o, Network model, Dataset all, Dataset.Split split, Loss objective, double seconds,
            EpochMetrics last, Path modelFile, Path metricsFile) {
        o.printf("trained MLP %s on %s (%d training, %d validation points)%n", model, all.name(), split.train().size(), split.validation().size());
        o.printf("%d epochs, batch %s, %s, %s loss%s, %s engine: %.2f s%n", c.epochs, c.batch, c.optimizer, objective.id(),
                c.l2 > 0 ? " + " + c.l2 + "·Σp²" : "", c.engine, seconds);
        o.printf("final: train loss %.4f, accuracy %.3f", last.trainLoss(), last.trainAccuracy());
        if (last.hasValidation()) {
            o.printf("; validation loss %.4f, accuracy %.3f", last.valLoss(), last.valAccuracy());
        }
        o.printf("%nwrote %s and %s%n", modelFile, metricsFile);
    }
}
