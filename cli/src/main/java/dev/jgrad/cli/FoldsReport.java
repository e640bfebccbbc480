package dev.jgrad.cli;

import dev.jgrad.io.Json;
import dev.jgrad.train.CrossValidation;
import dev.jgrad.train.Measurement;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code jgrad train --folds K} writes: a line per fold as it is measured, the mean ± std,
 * folds.csv (one row per fold) and its JSON form. No model: cross-validation measures the settings,
 * not one model; the same command without {@code --folds} trains the model to keep.
 */
final class FoldsReport {
    static final String FILE = "folds.csv";
    static final String HEADER = "repeat,fold,train_points,test_points,test_loss,test_accuracy";
    static final String REGRESSION_HEADER = "repeat,fold,train_points,test_points,test_loss,test_mse,test_mae,test_r2";

    private FoldsReport() {
    }

    /** "repeat 1, fold 2: 30 test points, accuracy 0.967" (R² for regression). */
    static String line(CrossValidation.Fold f) {
        return String.format(Locale.ROOT, "repeat %d, fold %d: %d test points, %s %.3f", f.repeat(), f.fold(), f.test().points(),
                f.test().regression() == null ? "accuracy" : "R²", f.score());
    }

    /** The closing lines: the mean and the spread over every fold. */
    static void summary(PrintWriter o, CrossValidation cv, int folds, int repeats, String data, Path file) {
        o.printf(Locale.ROOT, "%s %.3f ± %.3f (mean ± std over %d folds%s of %s; each fold the test set of a run trained on the others)%n",
                cv.metric(), cv.mean(), cv.std(), cv.folds().size(), repeats > 1 ? ", " + folds + " folds × " + repeats + " repeats" : "",
                data);
        o.printf("wrote %s (no model: train without --folds to keep one)%n", file);
    }

    static String csv(CrossValidation cv) {
        boolean regression = cv.folds().get(0).test().regression() != null;
        StringBuilder s = new StringBuilder(regression ? REGRESSION_HEADER : HEADER).append('\n');
        for (CrossValidation.Fold f : cv.folds()) {
            Measurement m = f.test();
            s.append(f.repeat()).append(',').append(f.fold()).append(',').append(f.trainPoints()).append(',').append(m.points())
                    .append(',').append(m.loss()).append(',');
            if (regression) {
                s.append(m.regression().mse()).append(',').append(m.regression().mae()).append(',').append(m.regression().r2());
            } else {
                s.append(m.accuracy());
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** {@code --json}: the folds' scores, their mean and std, and each fold's full measurement. */
    static String json(CrossValidation cv, int folds, int repeats, String data, Path file) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "train");
        m.put("dataset", data);
        m.put("task", cv.task().id());
        m.put("folds", folds);
        m.put("repeats", repeats);
        m.put("metric", cv.metric().equals("R²") ? "r2" : "accuracy");
        m.put("mean", cv.mean());
        m.put("std", cv.std());
        List<Double> scores = new ArrayList<>();
        for (double s : cv.scores()) {
            scores.add(s);
        }
        m.put("scores", scores);
        List<Map<String, Object>> each = new ArrayList<>();
        for (CrossValidation.Fold f : cv.folds()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("repeat", f.repeat());
            one.put("fold", f.fold());
            one.put("trainPoints", f.trainPoints());
            one.put("test", f.test().toMap());
            each.add(one);
        }
        m.put("results", each);
        m.put("file", file.toString());
        return Json.write(m);
    }
}
