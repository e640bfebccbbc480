package dev.jgrad.io;

import dev.jgrad.data.Dataset;
import dev.jgrad.data.RawColumn;
import dev.jgrad.data.RawTable;
import dev.jgrad.data.Task;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A {@link Table}'s columns as a {@link RawTable}, row by row, for {@link dev.jgrad.data.Preprocessing}:
 * numbers as they are, text as its level's index, NaN where a cell is missing. A row whose label is
 * missing is left out and counted, never made a class.
 *
 * <pre>{@code
 * RawTable raw = RawTables.labelled(Table.read(Path.of("BostonHousing.csv")), "medv", Task.REGRESSION);
 * }</pre>
 */
public final class RawTables {
    private RawTables() {
    }

    /**
     * Every column of {@code table} but {@code except} (−1: none), unlabelled (predict's rows).
     *
     * @param table the table read
     * @param except the column left out, or −1
     * @return the raw table
     */
    public static RawTable features(Table table, int except) {
        int[] all = IntStream.range(0, table.rows()).toArray();
        return table(table, except, Dataset.regression(table.shortName(), new double[all.length][0], new double[all.length]), all, 0);
    }

    /**
     * The table labelled by the column {@code label}: classes named as written (by value when all are
     * numbers), or for {@code task} regression its numbers; a row whose label is missing is left out.
     *
     * @param table the table read
     * @param label the label column's header
     * @param task classification or regression
     * @return the raw table
     * @throws IOException for a problem in the data; the message names the column and the line
     */
    public static RawTable labelled(Table table, String label, Task task) throws IOException {
        Column col = table.column(label);
        int c = table.indexOf(label);
        if (table.rows() == 0) {
            throw new IOException(table.source() + ": no data rows after the header");
        }
        if (table.columns().size() < 2) {
            throw new IOException(table.source() + ": no feature columns besides the label '" + label + "'");
        }
        int[] kept = IntStream.range(0, table.rows()).filter(i -> !col.isMissing(i)).toArray();
        if (kept.length == 0) {
            throw new IOException(table.source() + ": column '" + label + "' is missing in every row; there is nothing to learn from");
        }
        int unlabelled = table.rows() - kept.length;
        if (task == Task.REGRESSION) {
            if (!(col instanceof Column.Numbers numbers)) {
                throw new IOException(table.source() + ": column " + (c + 1) + " ('" + label + "') is text; a regression target is a number");
            }
            double[] t = IntStream.of(kept).mapToDouble(i -> numbers.values()[i]).toArray();
            return table(table, c, Dataset.regression(table.shortName(), new double[t.length][0], t), kept, unlabelled);
        }
        List<String> classes = Points.classNames(new Table(table.source(), List.of(only(col, kept)), new int[kept.length]), 0);
        if (classes.size() < 2) {
            throw new IOException(table.source() + ": column '" + label + "' has only one class (" + classes + "); need at least 2");
        }
        int[] labels = IntStream.of(kept).map(i -> Labels.indexOf(classes, Points.text(col, i))).toArray();
        return table(table, c, new Dataset(table.shortName(), new double[kept.length][0], labels, classes.size(), classes), kept,
                unlabelled);
    }

    /**
     * A test file labelled by {@code label} with the training data's {@code classes}: rows with a
     * missing label are left out; a class not among them is an error naming it and its line, or with
     * {@code allowUnknown} the row is left out, and {@link RawTable#unlabelled()} counts those.
     *
     * @param table the table read
     * @param label the label column's header
     * @param classes the training data's class names
     * @param allowUnknown whether a row of another class is left out rather than an error
     * @return the raw table
     * @throws IOException for a problem in the data; the message names the column and the line
     */
    public static RawTable test(Table table, String label, List<String> classes, boolean allowUnknown) throws IOException {
        int c = table.columns().indexOf(table.column(label));
        int[] all = table.labels(c, classes, allowUnknown);
        int[] kept = IntStream.range(0, all.length).filter(i -> all[i] >= 0).toArray();
        if (kept.length == 0) {
            throw new IOException(table.source() + ": no labelled rows to test on");
        }
        int unknown = (int) IntStream.range(0, all.length).filter(i -> all[i] < 0 && !table.columns().get(c).isMissing(i)).count();
        int[] labels = IntStream.of(kept).map(i -> all[i]).toArray();
        return table(table, c, new Dataset(table.shortName(), new double[kept.length][0], labels, classes.size(), classes), kept,
                unknown);
    }

    /** The rows {@code kept} of every column but {@code except}, with {@code labels}' labels or targets. */
    /** Rows filled together, a column at a time: the line each of them is being written at (64 × 64 bytes) stays in L1. */
    private static final int ROWS = 64;

    private static RawTable table(Table table, int except, Dataset labels, int[] kept, int unlabelled) {
        List<RawColumn> columns = new ArrayList<>();
        List<Column> read = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            Column col = table.columns().get(c);
            if (c != except) {
                read.add(col);
                columns.add(col instanceof Column.Categories cat ? RawColumn.text(cat.name(), cat.levels()) : RawColumn.numbers(col.name()));
            }
        }
        double[][] points = new double[kept.length][read.size()];
        // Rows in blocks of ROWS, a column at a time within a block, so eight columns in a row fill a cache line of each
        // row while it is in L1; a column written down all the rows wrote one number into each of 60,000 rows 784
        // times, each on a line long gone from cache.
        for (int i0 = 0; i0 < kept.length; i0 += ROWS) {
            int i1 = Math.min(kept.length, i0 + ROWS);
            for (int j = 0; j < read.size(); j++) {
                Column col = read.get(j);
                for (int i = i0; i < i1; i++) {
                    points[i][j] = col instanceof Column.Numbers n ? n.values()[kept[i]]
                            : ((Column.Categories) col).codes()[kept[i]] < 0 ? Double.NaN : ((Column.Categories) col).codes()[kept[i]];
                }
            }
        }
        int[] lines = IntStream.of(kept).map(i -> table.lines()[i]).toArray();
        return new RawTable(table.source(), labels.withPoints(points), columns, lines, unlabelled);
    }

    /** The cells of {@code rows} of one column. */
    private static Column only(Column col, int[] rows) {
        if (col instanceof Column.Numbers n) {
            return new Column.Numbers(n.name(), IntStream.of(rows).mapToDouble(i -> n.values()[i]).toArray());
        }
        Column.Categories cat = (Column.Categories) col;
        return new Column.Categories(cat.name(), IntStream.of(rows).map(i -> cat.codes()[i]).toArray(), cat.levels());
    }
}
