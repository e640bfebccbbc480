package dev.jgrad.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as read, before {@link Preprocessing}: {@code data}'s points hold one raw value per
 * column of {@code columns} (a number, or a text column's level index; NaN where the cell is
 * missing) and its labels or regression targets, the rows whose label was missing already left out.
 *
 * @param source where the rows come from, for messages (a file's path)
 * @param lines each row's line in its file, for messages (null: rows are numbered from 1)
 * @param unlabelled how many rows were left out for a missing label
 */
public record RawTable(String source, Dataset data, List<RawColumn> columns, int[] lines, int unlabelled) {

    /**
     * Copies the columns; refuses a column count other than the data's width and line numbers other than one per row.
     *
     * @param source where the rows come from
     * @param data the rows as numbers, text as its level's index, missing cells NaN
     * @param columns one per feature of {@code data}
     * @param lines each row's line, or null
     * @param unlabelled rows left out for a missing label
     */
    public RawTable {
        columns = List.copyOf(columns);
        if (data.size() > 0 && data.features() != columns.size()) {
            throw new IllegalArgumentException(data.name() + ": " + data.features() + " values a row, but " + columns.size()
                    + " columns");
        }
        if (lines != null && lines.length != data.size()) {
            throw new IllegalArgumentException(data.name() + ": " + lines.length + " line numbers for " + data.size() + " rows");
        }
    }

    /**
     * Row {@code i}'s line in its file.
     *
     * @param i the row
     * @return its line in the source, from 1
     */
    public int line(int i) {
        return lines == null ? i + 1 : lines[i];
    }

    /** {@return the column names, in order} */
    public List<String> names() {
        return columns.stream().map(RawColumn::name).toList();
    }

    /**
     * The rows at {@code indices} (same columns, their lines kept).
     *
     * @param indices the rows to keep, in order
     * @return the smaller table
     */
    public RawTable rows(int[] indices) {
        int[] l = lines == null ? null : new int[indices.length];
        for (int i = 0; l != null && i < indices.length; i++) {
            l[i] = lines[indices[i]];
        }
        return new RawTable(source, data.subset(data.name(), indices), columns, l == null ? lineNumbers(indices) : l, unlabelled);
    }

    /**
     * Only the columns at {@code keep}, in that order.
     *
     * @param keep the columns to keep, by index
     * @return the narrower table
     */
    public RawTable columns(int[] keep) {
        if (java.util.Arrays.equals(keep, java.util.stream.IntStream.range(0, columns.size()).toArray())) {
            return this; // every column in its place: no copy of a large table
        }
        List<RawColumn> cs = new ArrayList<>();
        for (int k : keep) {
            cs.add(columns.get(k));
        }
        double[][] p = new double[data.size()][keep.length];
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < keep.length; j++) {
                p[i][j] = data.points()[i][keep[j]];
            }
        }
        return new RawTable(source, data.withPoints(p), cs, lines, unlabelled);
    }

    private static int[] lineNumbers(int[] indices) {
        int[] l = new int[indices.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = indices[i] + 1;
        }
        return l;
    }
}
