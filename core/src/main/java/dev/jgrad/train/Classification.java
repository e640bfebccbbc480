package dev.jgrad.train;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How well predicted classes match true ones: the confusion matrix and what scikit-learn's
 * {@code classification_report} computes from it — accuracy; per class precision, recall, F1 and
 * support; their macro and support-weighted averages. As there, a ratio whose denominator is 0
 * (a class never predicted has no precision) counts as 0, and the averages run over the classes
 * that occur in the true or the predicted classes, so the numbers equal scikit-learn's on the same
 * predictions.
 *
 * @param classes the class names, index by index
 * @param confusion {@code confusion[t][p]}: how many points of true class t were predicted as p
 *     (scikit-learn's {@code confusion_matrix} layout: rows are true classes)
 */
public record Classification(List<String> classes, long[][] confusion) {

    /**
     * Copies the class names; refuses a matrix with another number of rows.
     *
     * @param classes each class's name, by index
     * @param confusion {@code confusion[t][p]}: the points of true class t predicted as p
     */
    public Classification {
        classes = List.copyOf(classes);
        if (confusion.length != classes.size()) {
            throw new IllegalArgumentException(classes.size() + " classes but a " + confusion.length + "-row confusion matrix");
        }
    }

    /**
     * The matrix of {@code truth[i]} against {@code predicted[i]}; both hold class indices.
     *
     * @param classes each class's name, by index
     * @param truth each point's true class
     * @param predicted each point's predicted class
     * @return the figures
     */
    public static Classification of(List<String> classes, int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true classes but " + predicted.length + " predictions");
        }
        long[][] m = new long[classes.size()][classes.size()];
        for (int i = 0; i < truth.length; i++) {
            m[truth[i]][predicted[i]]++;
        }
        return new Classification(classes, m);
    }

    /** {@return the number of points} */
    public long total() {
        long n = 0;
        for (int t = 0; t < confusion.length; t++) {
            n += support(t);
        }
        return n;
    }

    /** {@return the fraction predicted right (NaN for no points)} */
    public double accuracy() {
        long right = 0;
        for (int c = 0; c < confusion.length; c++) {
            right += confusion[c][c];
        }
        return (double) right / total();
    }

    /**
     * The points whose true class is {@code c}.
     *
     * @param c the class's index
     * @return their count
     */
    public long support(int c) {
        long n = 0;
        for (long v : confusion[c]) {
            n += v;
        }
        return n;
    }

    /**
     * The points predicted as {@code c}.
     *
     * @param c the class's index
     * @return their count
     */
    public long predicted(int c) {
        long n = 0;
        for (long[] row : confusion) {
            n += row[c];
        }
        return n;
    }

    /**
     * Of the points predicted as c, the fraction that are c.
     *
     * @param c the class's index
     * @return the precision, 0 when none is predicted as c
     */
    public double precision(int c) {
        return ratio(confusion[c][c], predicted(c));
    }

    /**
     * Of the points of class c, the fraction predicted as c.
     *
     * @param c the class's index
     * @return the recall, 0 when c has no points
     */
    public double recall(int c) {
        return ratio(confusion[c][c], support(c));
    }

    /**
     * The harmonic mean of precision and recall.
     *
     * @param c the class's index
     * @return F1, 0 when precision and recall are
     */
    public double f1(int c) {
        return ratio(2 * confusion[c][c], support(c) + predicted(c));
    }

    /** Precision, recall and F1 averaged over classes, and the points they cover. */
    public record Average(double precision, double recall, double f1, long support) {
    }

    /** {@return the unweighted mean over the classes present in the truth or the predictions} */
    public Average macro() {
        return average(false);
    }

    /** {@return the mean weighted by each class's support} */
    public Average weighted() {
        return average(true);
    }

    private Average average(boolean weighted) {
        double p = 0, r = 0, f = 0, weights = 0;
        for (int c = 0; c < confusion.length; c++) {
            if (support(c) == 0 && predicted(c) == 0) {
                continue;
            }
            double w = weighted ? support(c) : 1;
            p += w * precision(c);
            r += w * recall(c);
            f += w * f1(c);
            weights += w;
        }
        return new Average(ratio(p, weights), ratio(r, weights), ratio(f, weights), total());
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    /**
     * As plain values for a JSON writer: accuracy, the matrix, every class's figures, both averages.
     *
     * @return the map, in a stable order
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy());
        m.put("classes", classes);
        List<Object> matrix = new ArrayList<>();
        for (long[] row : confusion) {
            List<Object> r = new ArrayList<>();
            for (long v : row) {
                r.add(v);
            }
            matrix.add(r);
        }
        m.put("confusion", matrix);
        Map<String, Object> perClass = new LinkedHashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            perClass.put(classes.get(c), figures(precision(c), recall(c), f1(c), support(c)));
        }
        m.put("perClass", perClass);
        Average macro = macro(), weighted = weighted();
        m.put("macro", figures(macro.precision(), macro.recall(), macro.f1(), macro.support()));
        m.put("weighted", figures(weighted.precision(), weighted.recall(), weighted.f1(), weighted.support()));
        return m;
    }

    private static Map<String, Object> figures(double precision, double recall, double f1, long support) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("precision", precision);
        m.put("recall", recall);
        m.put("f1", f1);
        m.put("support", support);
        return m;
    }

    /** {@return the table in scikit-learn's {@code classification_report} layout, then the confusion matrix} */
    public String report() {
        int w = "weighted avg".length();
        for (String c : classes) {
            w = Math.max(w, c.length());
        }
        StringBuilder s = new StringBuilder();
        s.append(pad("", w)).append("  precision    recall  f1-score   support\n\n");
        for (int c = 0; c < classes.size(); c++) {
            s.append(row(pad(classes.get(c), w), precision(c), recall(c), f1(c), support(c)));
        }
        s.append('\n').append(pad("accuracy", w)).append(String.format(Locale.ROOT, "  %9s %9s %9s %9d\n", "", "", two(accuracy()), total()));
        Average macro = macro(), weighted = weighted();
        s.append(row(pad("macro avg", w), macro.precision(), macro.recall(), macro.f1(), macro.support()));
        s.append(row(pad("weighted avg", w), weighted.precision(), weighted.recall(), weighted.f1(), weighted.support()));
        s.append('\n').append(pad("true \\ predicted", w));
        for (String c : classes) {
            s.append(' ').append(pad(c, Math.max(6, c.length())));
        }
        s.append('\n');
        for (int t = 0; t < classes.size(); t++) {
            s.append(pad(classes.get(t), w));
            for (int p = 0; p < classes.size(); p++) {
                s.append(' ').append(pad(Long.toString(confusion[t][p]), Math.max(6, classes.get(p).length())));
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String row(String name, double p, double r, double f, long support) {
        return name + String.format(Locale.ROOT, "  %9s %9s %9s %9d\n", two(p), two(r), two(f), support);
    }

    /**
     * {@code v} with two decimals as Python formats a float (and so scikit-learn's report): the
     * double's exact binary value rounded half to even, so an exact tie such as 0.625 prints 0.62
     * where {@code %.2f}, rounding half up, prints 0.63.
     */
    static String two(double v) {
        return new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String pad(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Classification c && classes.equals(c.classes) && java.util.Arrays.deepEquals(confusion, c.confusion);
    }

    @Override
    public int hashCode() {
        return 31 * classes.hashCode() + java.util.Arrays.deepHashCode(confusion);
    }
}
