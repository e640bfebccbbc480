package dev.jgrad.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model measured on one set of points: the mean loss (with the L2 penalty, as training reports
 * it; for regression on the scaled targets training saw) and, by task, how its predicted classes
 * match the true ones (for two classes also how its scores rank them) or how its predicted values (in the target's units) match the true values.
 *
 * @param classification null for a regression model
 * @param regression null for a classifier
 * @param ranking for a classifier of two classes, how its scores rank class 1 above class 0 (ROC AUC, average
 *     precision); else null
 */
public record Measurement(String set, double loss, Classification classification, Regression regression, Ranking ranking) {

    /**
     * Refuses both a classification and a regression, or neither.
     *
     * @param set the set's name, e.g. "test"
     * @param loss the mean loss, penalty included
     * @param classification a classifier's figures, else null
     * @param regression a regression model's figures, else null
     * @param ranking a two-class classifier's ranking figures, else null
     */
    public Measurement {
        if ((classification == null) == (regression == null)) {
            throw new IllegalArgumentException("a measurement is of a classifier or of a regression model: give one of the two");
        }
    }

    /**
     * A classifier's measurement.
     *
     * @param set the set's name
     * @param loss the mean loss
     * @param classification the figures
     */
    public Measurement(String set, double loss, Classification classification) {
        this(set, loss, classification, null, null);
    }

    /**
     * A regression model's measurement.
     *
     * @param set the set's name
     * @param loss the mean loss
     * @param regression the figures
     */
    public Measurement(String set, double loss, Regression regression) {
        this(set, loss, null, regression, null);
    }

    /** {@return the fraction of classes predicted right;} NaN for a regression model. */
    public double accuracy() {
        return classification == null ? Double.NaN : classification.accuracy();
    }

    /** {@return how many points were measured} */
    public long points() {
        return classification == null ? regression.points() : classification.total();
    }

    /** {@return {@code loss} and the classification's or regression's figures, as plain values for a JSON writer} */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("points", points());
        m.put("loss", loss);
        m.putAll(classification == null ? regression.toMap() : classification.toMap());
        if (ranking != null) {
            // null where they are undefined: a set of one class has no ranking to measure
            m.put("rocAuc", Double.isNaN(ranking.rocAuc()) ? null : ranking.rocAuc());
            m.put("prAuc", Double.isNaN(ranking.averagePrecision()) ? null : ranking.averagePrecision());
        }
        return m;
    }
}
