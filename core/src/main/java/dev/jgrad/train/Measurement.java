package dev.jgrad.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model measured on one set of points: the mean loss (with the L2 penalty, as training reports
 * it) and how its predicted classes match the true ones.
 */
public record Measurement(String set, double loss, Classification classification) {

    public double accuracy() {
        return classification.accuracy();
    }

    /** {@code loss} and the classification's figures, as plain values for a JSON writer. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("points", classification.total());
        m.put("loss", loss);
        m.putAll(classification.toMap());
        return m;
    }
}
