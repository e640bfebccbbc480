package dev.jgrad.train;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How well predicted numbers match true ones, in the target's own units: scikit-learn's
 * {@code mean_squared_error}, {@code mean_absolute_error} and {@code r2_score}. As there, R² is
 * 1 − Σ(y − ŷ)² / Σ(y − ȳ)², and for targets that are all equal (no variance to explain) it is 1
 * when every prediction is exact and 0 otherwise. Of fewer than 2 points it is undefined: NaN.
 *
 * @param points how many pairs were compared
 */
public record Regression(long points, double mse, double mae, double r2) {

    /**
     * The figures of {@code predicted[i]} against {@code truth[i]}.
     *
     * @param truth the true numbers
     * @param predicted the predicted ones, as many
     * @return the figures
     */
    public static Regression of(double[] truth, double[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " targets but " + predicted.length + " predictions");
        }
        int n = truth.length;
        double mean = 0;
        for (double t : truth) {
            mean += t;
        }
        mean /= n;
        double squares = 0, absolute = 0, total = 0;
        for (int i = 0; i < n; i++) {
            double e = truth[i] - predicted[i];
            squares += e * e;
            absolute += Math.abs(e);
            total += (truth[i] - mean) * (truth[i] - mean);
        }
        // One point has no spread to explain: R² is undefined there (NaN, as scikit-learn's r2_score).
        double r2 = n < 2 ? Double.NaN : total == 0 ? (squares == 0 ? 1 : 0) : 1 - squares / total;
        return new Regression(n, squares / n, absolute / n, r2);
    }

    /**
     * As plain values for a JSON writer.
     *
     * @return points, mse, mae and r2
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mse", mse);
        m.put("mae", mae);
        m.put("r2", Double.isNaN(r2) ? null : r2);
        return m;
    }

    /** {@return "MSE 0.0123, MAE 0.0871, R² 0.976": four significant figures, as a summary line shows them} */
    public String summary() {
        return "MSE " + figure(mse) + ", MAE " + figure(mae) + ", R² " + r2Text();
    }

    /** {@return R² to 3 decimals, or "undefined (1 point)" where it is NaN} */
    public String r2Text() {
        return Double.isNaN(r2) ? "undefined (" + points + " point" + (points == 1 ? "" : "s") + ")" : String.format(Locale.ROOT, "%.3f", r2);
    }

    private static String figure(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
