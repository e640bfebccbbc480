package dev.jgrad.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** One column's {@link ColumnStep} learnt from the training split: its kind, its categories, its fill. */
final class Fitting {
    private Fitting() {
    }

    /**
     * Each of the f columns' missing cells, in one pass along the rows: a pass down each column read one number from
     * each of 60,000 rows 784 times for Fashion-MNIST (about half a second of its command; along the rows, a fifth).
     */
    static int[] missingCells(double[][] rows, int f) {
        int[] missing = new int[f];
        for (double[] row : rows) {
            for (int c = 0; c < f; c++) {
                if (Double.isNaN(row[c])) {
                    missing[c]++;
                }
            }
        }
        return missing;
    }

    /** Column c's step, given its {@code missingCells} in {@code train}. */
    static ColumnStep step(RawTable train, int c, int missingCells, boolean categorical, MissingPolicy missing, boolean indicator) {
        RawColumn column = train.columns().get(c);
        double[][] rows = train.data().points();
        // Only a text or categorical column needs its cells' names: naming every cell of a number column made
        // a String per cell (47 million for Fashion-MNIST's pixels) and took minutes.
        boolean named = column.text() || categorical;
        List<String> present = new ArrayList<>();
        if (named) {
            for (double[] row : rows) {
                if (!Double.isNaN(row[c])) {
                    present.add(column.text() ? column.levels().get((int) row[c]) : Categories.name(row[c]));
                }
            }
        }
        boolean flag = indicator && missingCells > 0;
        if (column.text() && !categorical && isBoolean(present)) {
            double[] v = present.stream().mapToDouble(t -> ColumnStep.TRUE.contains(t.toLowerCase(Locale.ROOT)) ? 1 : 0).toArray();
            return new ColumnStep(column.name(), ColumnStep.Kind.BOOLEAN, List.of(), fill(v, missing), flag);
        }
        if (column.text() || categorical) {
            List<String> categories = Categories.sorted(new TreeSet<>(present));
            double fill = missing.fills() && !present.isEmpty() ? categories.indexOf(mostFrequent(present, categories)) : Double.NaN;
            return new ColumnStep(column.name(), ColumnStep.Kind.ONE_HOT, categories, fill, flag && !Double.isNaN(fill));
        }
        if (!missing.fills()) {
            // nothing to fill: the column's values are not needed (a second pass down 60,000 rows a column)
            return new ColumnStep(column.name(), ColumnStep.Kind.NUMBER, List.of(), Double.NaN, flag && rows.length > missingCells);
        }
        double[] v = Arrays.stream(rows).mapToDouble(r -> r[c]).filter(x -> !Double.isNaN(x)).toArray();
        return new ColumnStep(column.name(), ColumnStep.Kind.NUMBER, List.of(), fill(v, missing), flag && v.length > 0);
    }

    /** Yes/no or TRUE/FALSE (in any case) and nothing else. */
    private static boolean isBoolean(List<String> present) {
        if (present.isEmpty()) {
            return false;
        }
        return present.stream().map(t -> t.toLowerCase(Locale.ROOT)).allMatch(t -> t.equals("true") || t.equals("false"))
                || present.stream().map(t -> t.toLowerCase(Locale.ROOT)).allMatch(t -> t.equals("yes") || t.equals("no"));
    }

    /** The policy's fill of these values; NaN for a policy with none, or no values. */
    static double fill(double[] v, MissingPolicy missing) {
        if (!missing.fills() || v.length == 0) {
            return Double.NaN;
        }
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        return switch (missing) {
            case MEAN -> Arrays.stream(v).sum() / v.length;
            case MEDIAN -> sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            default -> mode(sorted);
        };
    }

    /** The most frequent of sorted values, the smallest of a tie (as scikit-learn's SimpleImputer). */
    private static double mode(double[] sorted) {
        double best = sorted[0];
        int bestRun = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            if (j - i > bestRun) {
                best = sorted[i];
                bestRun = j - i;
            }
            i = j;
        }
        return best;
    }

    /** The most frequent text, the first of {@code order} of a tie. */
    private static String mostFrequent(List<String> present, List<String> order) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        order.forEach(c -> counts.put(c, 0));
        present.forEach(p -> counts.merge(p, 1, Integer::sum));
        return counts.entrySet().stream().reduce((a, b) -> b.getValue() > a.getValue() ? b : a).orElseThrow().getKey();
    }
}
