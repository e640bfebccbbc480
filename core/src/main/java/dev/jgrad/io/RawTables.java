package dev.jgrad.io;

import dev.jgrad.data.Dataset;
import dev.jgrad.data.RawColumn;
import dev.jgrad.data.RawTable;
import dev.jgrad.data.Task;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link Csv}'s cells as a {@link RawTable}: a column whose present cells are all numbers is
 * numeric, any other holds text; a cell written as one of the missing-value tokens is missing; a
 * row whose label is missing is left out and counted, never made a class.
 */
public final class RawTables {
    /** The cells that mean "no value" unless told otherwise: R's NA, spreadsheets' empty cell and #N/A's cousins. */
    public static final Set<String> MISSING = Set.of("", "NA", "N/A", "NaN", "?", "null");

    private RawTables() {
    }

    /** Every column of {@code csv} but {@code except} (−1: none), unlabelled. */
    public static RawTable features(Csv csv, int except, Set<String> na) {
        int n = csv.rows().size();
        return table(csv, except, na, Dataset.regression(name(csv), new double[n][0], new double[n]), 0);
    }

    /**
     * The table labelled by the column {@code label}: classes named as written (by value when all are
     * numbers), or with {@code task} regression numeric targets; a row with a missing label is left out.
     */
    public static RawTable labelled(Csv csv, String label, Task task, Set<String> na) throws IOException {
        int column = csv.column(label);
        if (csv.rows().isEmpty()) {
            throw new IOException(csv.file() + ": no data rows after the header");
        }
        if (csv.header().size() < 2) {
            throw new IOException(csv.file() + ": no feature columns besides the label '" + label + "'");
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < csv.rows().size(); i++) {
            if (!na.contains(csv.rows().get(i).cells().get(column)) && !csv.rows().get(i).cells().get(column).isEmpty()) {
                kept.add(i);
            }
        }
        if (kept.isEmpty()) {
            throw new IOException(csv.file() + ": column '" + label + "' is missing in every row; there is nothing to learn from");
        }
        Csv rows = new Csv(csv.file(), csv.header(), kept.stream().map(csv.rows()::get).toList());
        int unlabelled = csv.rows().size() - kept.size();
        if (task == Task.REGRESSION) {
            double[] t = rows.targets(column);
            return table(rows, column, na, Dataset.regression(name(csv), new double[t.length][0], t), unlabelled);
        }
        List<String> classes = classNames(rows, column);
        if (classes.size() < 2) {
            throw new IOException(csv.file() + ": column '" + label + "' has only one class (" + classes + "); need at least 2");
        }
        int[] labels = rows.labels(column, classes, false);
        return table(rows, column, na, new Dataset(name(csv), new double[labels.length][0], labels, classes.size(), classes),
                unlabelled);
    }

    /**
     * A test file labelled by {@code label} with the training data's {@code classes}: rows with a
     * missing label are left out; a class not among them is an error naming it and its line, or with
     * {@code allowUnknown} the row is left out, and {@link RawTable#unlabelled()} counts those.
     */
    public static RawTable test(Csv csv, String label, List<String> classes, boolean allowUnknown, Set<String> na)
            throws IOException {
        int column = csv.column(label);
        List<Integer> kept = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int unknown = 0;
        for (int i = 0; i < csv.rows().size(); i++) {
            String cell = csv.rows().get(i).cells().get(column);
            if (na.contains(cell) || cell.isEmpty()) {
                continue;
            }
            int k = Labels.indexOf(classes, cell);
            if (k < 0 && !allowUnknown) {
                throw new IOException(csv.file() + ":" + csv.rows().get(i).line() + ": class '" + cell + "' in column '" + label
                        + "' is not one the model knows (" + String.join(", ", classes) + "); --allow-unknown skips such rows");
            }
            if (k >= 0) {
                kept.add(i);
                labels.add(k);
            } else {
                unknown++;
            }
        }
        if (kept.isEmpty()) {
            throw new IOException(csv.file() + ": no labelled rows to test on");
        }
        Csv rows = new Csv(csv.file(), csv.header(), kept.stream().map(csv.rows()::get).toList());
        Dataset data = new Dataset(name(csv), new double[kept.size()][0], labels.stream().mapToInt(Integer::intValue).toArray(),
                classes.size(), classes);
        return table(rows, column, na, data, unknown);
    }

    private static RawTable table(Csv csv, int except, Set<String> na, Dataset labels, int unlabelled) {
        int n = csv.rows().size();
        List<RawColumn> columns = new ArrayList<>();
        List<Integer> read = new ArrayList<>();
        double[][] points = new double[n][csv.header().size() - (except >= 0 ? 1 : 0)];
        for (int c = 0; c < csv.header().size(); c++) {
            if (c != except) {
                columns.add(column(csv, c, na, points, read.size()));
                read.add(c);
            }
        }
        int[] lines = csv.rows().stream().mapToInt(Csv.Row::line).toArray();
        return new RawTable(csv.file().toString(), labels.withPoints(points), columns, lines, unlabelled);
    }

    /** Column {@code c} into {@code points[·][j]}: numbers, or indices of its texts; NaN where missing. */
    private static RawColumn column(Csv csv, int c, Set<String> na, double[][] points, int j) {
        boolean numeric = true;
        for (Csv.Row r : csv.rows()) {
            String cell = r.cells().get(c);
            numeric &= na.contains(cell) || cell.isEmpty() || Decimal.isDecimal(cell);
        }
        Map<String, Integer> levels = new HashMap<>();
        LinkedHashSet<String> order = new LinkedHashSet<>();
        for (int i = 0; i < points.length; i++) {
            String cell = csv.rows().get(i).cells().get(c);
            if (na.contains(cell) || cell.isEmpty()) {
                points[i][j] = Double.NaN;
            } else if (numeric) {
                points[i][j] = Double.parseDouble(cell);
            } else {
                points[i][j] = levels.computeIfAbsent(cell, k -> levels.size());
                order.add(cell);
            }
        }
        String name = csv.header().get(c);
        return numeric ? RawColumn.numbers(name) : RawColumn.text(name, new ArrayList<>(order));
    }

    /** The distinct labels: by value when all are numbers ({@code 1} and {@code 1.0} one class, named as first written), else alphabetically. */
    private static List<String> classNames(Csv csv, int label) {
        TreeSet<String> distinct = new TreeSet<>();
        csv.rows().forEach(r -> distinct.add(r.cells().get(label)));
        if (!distinct.stream().allMatch(c -> !Double.isNaN(Labels.number(c)))) {
            return new ArrayList<>(distinct);
        }
        List<String> names = new ArrayList<>();
        for (Csv.Row r : csv.rows()) {
            if (Labels.indexOf(names, r.cells().get(label)) < 0) {
                names.add(r.cells().get(label));
            }
        }
        names.sort((a, b) -> Double.compare(Labels.number(a), Labels.number(b)));
        return names;
    }

    private static String name(Csv csv) {
        return csv.file().getFileName() == null ? csv.file().toString() : csv.file().getFileName().toString();
    }
}
