package dev.jgrad.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fitted preprocessing of a table ({@link Preprocessing#fit}): the raw columns it reads, by
 * name, and what each becomes ({@link ColumnStep}: a number, 1/0, one-hot features, filled and
 * flagged where missing). What a model file stores, so that {@code predict} turns a new file's rows
 * into the features the model was trained on, whatever order the file's columns are in.
 *
 * <pre>{@code
 * Pipeline p = Preprocessing.DEFAULT.withMissing(MissingPolicy.MEDIAN).fit(trainingRows);
 * Pipeline.Expanded x = p.apply(newRows, false);        // x.points(): p.names().size() features a row
 * }</pre>
 */
public final class Pipeline {
    private final List<ColumnStep> steps;

    /**
     * A pipeline of these steps, one per raw column.
     *
     * @param steps the steps, copied, in the features' order
     * @throws IllegalArgumentException when two steps read the same column
     */
    public Pipeline(List<ColumnStep> steps) {
        this.steps = List.copyOf(steps);
        if (new HashSet<>(columns()).size() != steps.size()) {
            throw new IllegalArgumentException("the pipeline reads a column twice: " + columns());
        }
    }

    /**
     * Each of {@code columns} as the number it holds, nothing filled: what a numeric table needs.
     *
     * @param columns the raw columns
     * @return the pipeline
     */
    public static Pipeline numbers(List<String> columns) {
        return new Pipeline(columns.stream().map(c -> new ColumnStep(c, ColumnStep.Kind.NUMBER, List.of(), Double.NaN, false)).toList());
    }

    /** {@return the steps, in the features' order} */
    public List<ColumnStep> steps() {
        return steps;
    }

    /** {@return the raw columns read, in order} */
    public List<String> columns() {
        return steps.stream().map(ColumnStep::column).toList();
    }

    /** {@return the features made, in order ({@code chas=1}, {@code missing(age)}, …)} */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        steps.forEach(s -> names.addAll(s.names()));
        return names;
    }

    /** {@return how many features a row becomes} */
    public int width() {
        return steps.stream().mapToInt(ColumnStep::width).sum();
    }

    /** {@return whether every column is a number used as it is, with no fill: then a model file needs no pipeline section} */
    public boolean trivial() {
        return steps.stream().allMatch(s -> s.kind() == ColumnStep.Kind.NUMBER && Double.isNaN(s.fill()));
    }

    /**
     * Features made from a table, and how many cells of each column held a category the training
     * data did not have (their one-hot features are all 0).
     */
    public record Expanded(double[][] points, Map<String, Integer> unseen) {
        /**
         * Unseen category cells in all columns.
         *
         * @return their count
         */
        public int unseenCells() {
            return unseen.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * {@code table}'s rows as features, its labels kept; unseen categories are all-zero features.
     *
     * @param table the raw rows
     * @return the dataset of features
     */
    public Dataset expand(RawTable table) {
        return table.data().withPoints(apply(table, false).points());
    }

    /**
     * {@code table}'s rows as features. A missing column, a missing cell without a fill, text where
     * a number belongs, or with {@code strict} an unseen category, is a {@link TableException} naming
     * the columns and the first line of each.
     *
     * @param table the raw rows
     * @param strict whether an unseen category is an error
     * @return the features and the unseen categories' counts
     */
    public Expanded apply(RawTable table, boolean strict) {
        int[] source = sourceColumns(table);
        if (readsAsIs(table, source)) {
            return new Expanded(table.data().points(), Map.of()); // no copy of a large numeric table
        }
        int n = table.data().size();
        double[][] values = new double[steps.size()][];
        Map<String, Integer> unseen = new LinkedHashMap<>();
        MissingCells missing = new MissingCells(n);
        for (int s = 0; s < steps.size(); s++) {
            ColumnStep step = steps.get(s);
            values[s] = values(step, table, source[s], strict, unseen);
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(values[s][i]) && Double.isNaN(step.fill())) {
                    missing.add(step.column(), table.line(i));
                }
            }
        }
        missing.check(table.source(), "the model was trained with no fill for missing values (missing: error or drop)");
        double[][] points = new double[n][width()];
        for (int i = 0; i < n; i++) {
            for (int s = 0, at = 0; s < steps.size(); s++) {
                at = steps.get(s).write(values[s][i], points[i], at);
            }
        }
        return new Expanded(points, unseen);
    }

    /** Whether the features are the table's rows as they are: every column numeric, in place, present. */
    private boolean readsAsIs(RawTable table, int[] source) {
        if (!trivial() || source.length != table.columns().size() || table.columns().stream().anyMatch(RawColumn::text)) {
            return false;
        }
        for (int s = 0; s < source.length; s++) {
            if (source[s] != s) {
                return false;
            }
        }
        for (double[] row : table.data().points()) {
            for (double v : row) {
                if (Double.isNaN(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private int[] sourceColumns(RawTable table) {
        List<String> names = table.names();
        List<String> absent = columns().stream().filter(c -> !names.contains(c)).toList();
        if (!absent.isEmpty()) {
            throw new TableException(table.source() + ": missing " + (absent.size() == 1 ? "column " : "columns ")
                    + String.join(", ", absent) + " (expected " + String.join(", ", columns()) + "; the file has "
                    + String.join(", ", names) + ")");
        }
        return columns().stream().mapToInt(names::indexOf).toArray();
    }

    /** One step's value of every row (NaN: missing, −1: an unseen category). */
    private static double[] values(ColumnStep step, RawTable table, int c, boolean strict, Map<String, Integer> unseen) {
        RawColumn column = table.columns().get(c);
        double[][] rows = table.data().points();
        double[] byLevel = column.levels().stream().mapToDouble(step::valueOf).toArray();
        double[] v = new double[rows.length];
        int count = 0;
        for (int i = 0; i < rows.length; i++) {
            double raw = rows[i][c];
            v[i] = Double.isNaN(raw) ? Double.NaN : column.text() ? byLevel[(int) raw] : step.valueOf(raw);
            if (Double.isNaN(v[i]) && !Double.isNaN(raw)) {
                String text = column.levels().get((int) raw);
                throw new TableException(table.source() + ":" + table.line(i) + ": column '" + step.column() + "' holds the text '"
                        + text + "'; the model reads a number there" + (Categories.decimalComma(text)
                                ? " (a decimal comma: read the file with --decimal-comma, as it was trained)" : ""));
            }
            if (v[i] == -1 && step.kind() == ColumnStep.Kind.BOOLEAN && !Double.isNaN(raw)) {
                throw new TableException(table.source() + ":" + table.line(i) + ": column '" + step.column() + "' holds '"
                        + shown(column, raw) + "'; the model reads yes/no or TRUE/FALSE there");
            }
            if (v[i] == -1 && step.kind() == ColumnStep.Kind.ONE_HOT && count++ == 0 && strict) {
                throw new TableException(table.source() + ":" + table.line(i) + ": column '" + step.column() + "': category '"
                        + shown(column, raw) + "' was not in the training data (" + String.join(", ", step.categories()) + ")");
            }
        }
        if (count > 0) {
            unseen.put(step.column(), count);
        }
        return v;
    }

    private static String shown(RawColumn column, double raw) {
        return column.text() ? column.levels().get((int) raw) : Categories.name(raw);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pipeline p && p.steps.equals(steps);
    }

    @Override
    public int hashCode() {
        return steps.hashCode();
    }

    @Override
    public String toString() {
        return "Pipeline" + names();
    }
}
