package dev.jgrad.io;

import dev.jgrad.data.Dataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** A {@link Table}'s columns as the row-by-row points, labels and targets a {@link Dataset} holds. */
final class Points {
    private Points() {
    }

    static double[][] numbers(Table t, List<Integer> columns) throws IOException {
        double[][] v = new double[columns.size()][];
        List<String> missing = new ArrayList<>();
        int firstLine = Integer.MAX_VALUE;
        for (int j = 0; j < v.length; j++) {
            int c = columns.get(j);
            Column col = t.columns().get(c);
            if (col instanceof Column.Categories cat) {
                throw new IOException(t.source() + ": column " + (c + 1) + " ('" + col.name() + "') is text ("
                        + levels(cat) + "), not numbers");
            }
            v[j] = ((Column.Numbers) col).values();
            int first = col.firstMissing();
            if (first >= 0) {
                int count = col.missing();
                String what = (count == 1 ? "1 cell is" : count + " cells are") + " missing in column " + (c + 1) + " ('" + col.name()
                        + "'), first at line " + t.lines()[first];
                if (t.lines()[first] < firstLine) {
                    firstLine = t.lines()[first];
                    missing.add(0, what);
                } else {
                    missing.add(what);
                }
            }
        }
        if (!missing.isEmpty()) {
            int more = missing.size() - 1;
            throw new IOException(t.source() + ":" + firstLine + ": " + missing.get(0)
                    + (more == 0 ? "" : " (and " + more + " more column" + (more == 1 ? "" : "s") + " with missing cells)"));
        }
        return rows(v, t.rows());
    }

    /** Column arrays to row arrays, eight rows at a time so that each column's reads stay in one cache line. */
    private static double[][] rows(double[][] columns, int n) {
        double[][] points = new double[n][columns.length];
        for (int from = 0; from < n; from += 8) {
            int to = Math.min(n, from + 8);
            for (int j = 0; j < columns.length; j++) {
                double[] col = columns[j];
                for (int i = from; i < to; i++) {
                    points[i][j] = col[i];
                }
            }
        }
        return points;
    }

    private static String levels(Column.Categories c) {
        List<String> shown = c.levels().subList(0, Math.min(3, c.levels().size())).stream().map(s -> "'" + s + "'").toList();
        return String.join(", ", shown) + (c.levels().size() > 3 ? ", …" : "");
    }

    /** Every column but {@code except}, by index. */
    static List<Integer> allBut(Table t, int except) {
        List<Integer> all = new ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) {
            if (c != except) {
                all.add(c);
            }
        }
        return all;
    }

    static Dataset classification(Table t, String label) throws IOException {
        int c = usable(t, label, "label");
        Column col = t.columns().get(c);
        requireAll(t, c, "label");
        List<String> classNames = classNames(t, c);
        if (classNames.size() < 2) {
            throw new IOException(t.source() + ": column '" + label + "' has only one class (" + classNames + "); need at least 2");
        }
        int[] labels = new int[t.rows()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Labels.indexOf(classNames, text(col, i));
        }
        return new Dataset(t.shortName(), numbers(t, allBut(t, c)), labels, classNames.size(), classNames);
    }

    static Dataset regression(Table t, String target) throws IOException {
        int c = usable(t, target, "target");
        if (!(t.columns().get(c) instanceof Column.Numbers values)) {
            throw new IOException(t.source() + ": column " + (c + 1) + " ('" + target + "') is text; a regression target is a number");
        }
        requireAll(t, c, "target");
        return Dataset.regression(t.shortName(), numbers(t, allBut(t, c)), values.values().clone());
    }

    private static int usable(Table t, String name, String what) throws IOException {
        int c = t.columns().indexOf(t.column(name));
        if (t.rows() == 0) {
            throw new IOException(t.source() + ": no data rows after the header");
        }
        if (t.columns().size() < 2) {
            throw new IOException(t.source() + ": no feature columns besides the " + what + " '" + name + "'");
        }
        return c;
    }

    private static void requireAll(Table t, int c, String what) throws IOException {
        Column col = t.columns().get(c);
        int first = col.firstMissing();
        if (first >= 0) {
            int n = col.missing();
            throw new IOException(t.source() + ":" + t.lines()[first] + ": column " + (c + 1) + " ('" + col.name() + "'): "
                    + (n == 1 ? "a missing " + what : n + " missing " + what + "s, first at line " + t.lines()[first])
                    + "; every row needs a " + what);
        }
    }

    /** A label cell as written (a number column's integral values without a ".0"), or null when missing. */
    static String text(Column col, int row) {
        if (col instanceof Column.Categories c) {
            return c.text(row);
        }
        double v = ((Column.Numbers) col).values()[row];
        if (Double.isNaN(v)) {
            return null;
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The distinct labels: by numeric value when all are numbers (named as first written), else alphabetically. */
    static List<String> classNames(Table t, int c) {
        Column col = t.columns().get(c);
        TreeSet<String> distinct = new TreeSet<>();
        if (col instanceof Column.Categories cat) {
            distinct.addAll(cat.levels());
        } else {
            for (int i = 0; i < col.size(); i++) {
                distinct.add(text(col, i));
            }
        }
        if (!distinct.stream().allMatch(s -> !Double.isNaN(Labels.number(s)))) {
            return new ArrayList<>(distinct);
        }
        List<String> names = new ArrayList<>();
        List<String> inOrder = col instanceof Column.Categories cat ? cat.levels() : new ArrayList<>(distinct);
        for (String s : inOrder) {
            if (Labels.indexOf(names, s) < 0) {
                names.add(s);
            }
        }
        names.sort((a, b) -> Double.compare(Labels.number(a), Labels.number(b)));
        return names;
    }
}
