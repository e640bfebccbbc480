package dev.jgrad.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model measured on one set of points: the mean loss (with the L2 penalty, as training reports
 * it; for regression on the scaled targets training saw) and, by task, how its predicted classes
 * match the true ones or how its predicted values (in the target's units) match the true values.
 *
 * @param classification null for a regression model
 * @param regression null for a classifier
 */
public record Measurement(String set, double loss, Classification classification, Regression regression) {

    public Measurement {
        if ((classification == null) == (regression == null)) {
            throw new IllegalArgumentException("a measurement is of a classifier or of a regression model: give one of the two");
        }
    }

    /** A classifier's measurement. */
    public Measurement(String set, double loss, Classification classification) {
        this(set, loss, classification, null);
    }

    /** A regression model's measurement. */
    public Measurement(String set, double loss, Regression regression) {
        this(set, loss, null, regression);
    }

    /** The fraction of classes predicted right; NaN for a regression model. */
    public double accuracy() {
        return classification == null ? Double.NaN : classification.accuracy();
    }

    /** How many points were measured. */
    public long points() {
        return classification == null ? regression.points() : classification.total();
    }

    /** {@code loss} and the classification's or regression's figures, as plain values for a JSON writer. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("points", points());
        m.put("loss", loss);
        m.putAll(classification == null ? regression.toMap() : classification.toMap());
        return m;
    }
}
