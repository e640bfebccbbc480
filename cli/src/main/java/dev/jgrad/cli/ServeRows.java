package dev.jgrad.cli;

import dev.jgrad.io.Column;
import dev.jgrad.io.CsvFormat;
import dev.jgrad.io.Json;
import dev.jgrad.io.Table;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A {@code POST /predict} body read into a {@link Table} of the model's raw columns, so that serve predicts
 * through {@code predict}'s own path ({@link PredictRows}). JSON rows are numbered from 1 as the table's
 * lines, so every message names the row ("row:3: column 'age' holds the text 'old'…"); a CSV body's lines
 * are its own.
 *
 * <p>A JSON row is an object keyed by column name (other keys are ignored, as predict ignores other
 * columns) or an array in the model's column order. A cell is a number, true/false (1/0, as a CSV reads
 * them), text, or null for a missing value; an absent key is an error, not a missing value, so a typo
 * cannot pass for one.
 */
final class ServeRows {
    /** The source every JSON row's message starts with: {@code row:3: …}. */
    static final String ROW = "row";
    /** The source of a CSV body's messages: {@code line:4: …}, the body's own line. */
    static final String LINE = "line";

    /** The words a CSV file reads as 1 and 0 in a column of numbers. */
    private static final Map<String, Double> BOOLEAN = Map.of("yes", 1.0, "true", 1.0, "no", 0.0, "false", 0.0);

    private ServeRows() {
    }

    /** A bad body, with the one line that says why; answered 400 (or 413 for too many rows). */
    static final class BadRows extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        BadRows(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** A JSON array of rows as a table of {@code columns}; at most {@code maxRows} rows. */
    static Table json(String body, List<String> columns, int maxRows) throws BadRows {
        Object parsed;
        try {
            parsed = Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw new BadRows(400, "the body is not JSON: " + e.getMessage());
        }
        if (!(parsed instanceof List<?> rows)) {
            throw new BadRows(400, "the body is a JSON array of rows (objects keyed by column name, or arrays in the order "
                    + String.join(", ", columns) + "), not a JSON " + kind(parsed));
        }
        checkCount(rows.size(), maxRows);
        Object[][] cells = new Object[columns.size()][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            read(rows.get(r), r, columns, cells);
        }
        List<Column> table = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            table.add(column(columns.get(c), cells[c]));
        }
        return new Table(ROW, table, IntStream.rangeClosed(1, rows.size()).toArray());
    }

    /** A CSV body with a header, read as predict reads a file (the label column, when named, as text); at most {@code maxRows} rows. */
    static Table csv(String body, String labelName, int maxRows) throws BadRows {
        CsvFormat format = labelName == null ? CsvFormat.DEFAULT : CsvFormat.DEFAULT.withText(List.of(labelName));
        Table t;
        try {
            t = Table.parse(body, LINE, format);
        } catch (IOException | RuntimeException e) {
            throw new BadRows(400, e.getMessage());
        }
        checkCount(t.rows(), maxRows);
        return t;
    }

    private static void checkCount(int rows, int maxRows) throws BadRows {
        if (rows > maxRows) {
            throw new BadRows(413, rows + " rows in one request; at most " + maxRows);
        }
    }

    /** Row {@code r}'s cells into {@code cells[column][r]}. */
    private static void read(Object row, int r, List<String> columns, Object[][] cells) throws BadRows {
        String at = ROW + " " + (r + 1);
        if (row instanceof Map<?, ?> object) {
            for (int c = 0; c < columns.size(); c++) {
                if (!object.containsKey(columns.get(c))) {
                    throw new BadRows(400, at + ": no field '" + columns.get(c) + "' (the model reads " + String.join(", ", columns)
                            + "; null for a missing value)");
                }
                cells[c][r] = cell(object.get(columns.get(c)), at, columns.get(c));
            }
        } else if (row instanceof List<?> array) {
            if (array.size() != columns.size()) {
                throw new BadRows(400, at + ": " + array.size() + " values; the model reads " + columns.size() + " columns ("
                        + String.join(", ", columns) + ")");
            }
            for (int c = 0; c < columns.size(); c++) {
                cells[c][r] = cell(array.get(c), at, columns.get(c));
            }
        } else {
            throw new BadRows(400, at + ": a JSON " + kind(row) + "; a row is an object keyed by column name or an array of values");
        }
    }

    /** A number (true/false as 1/0), a text, or null: anything else names its row and field. */
    private static Object cell(Object v, String at, String column) throws BadRows {
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (v == null || v instanceof Double || v instanceof String) {
            return v;
        }
        throw new BadRows(400, at + ", field '" + column + "': a JSON " + kind(v) + "; a value is a number, text, true/false "
                + "or null (missing)");
    }

    /**
     * A column of numbers, or of text when its cells are text; one of each is an error naming the row and
     * field. As in a CSV file, "yes"/"no" and "true"/"false" (any case) in a column of numbers are 1 and 0.
     */
    private static Column column(String name, Object[] cells) throws BadRows {
        int text = -1, number = -1;
        for (int r = 0; r < cells.length && (text < 0 || number < 0); r++) {
            boolean plainText = cells[r] instanceof String s && !BOOLEAN.containsKey(s.toLowerCase(Locale.ROOT));
            if (plainText && text < 0) {
                text = r;
            } else if (cells[r] instanceof Double && number < 0) {
                number = r;
            }
        }
        if (text >= 0 && number >= 0) {
            throw new BadRows(400, ROW + " " + (Math.max(text, number) + 1) + ", field '" + name + "': "
                    + (text > number ? "text" : "a number") + " where row " + (Math.min(text, number) + 1) + " has "
                    + (text > number ? "a number" : "text") + "; a column holds one or the other");
        }
        if (text < 0) {
            double[] values = new double[cells.length];
            for (int r = 0; r < cells.length; r++) {
                values[r] = cells[r] == null ? Double.NaN
                        : cells[r] instanceof String s ? BOOLEAN.get(s.toLowerCase(Locale.ROOT)) : (Double) cells[r];
            }
            return new Column.Numbers(name, values);
        }
        Map<String, Integer> levels = new LinkedHashMap<>();
        int[] codes = new int[cells.length];
        for (int r = 0; r < cells.length; r++) {
            codes[r] = cells[r] == null ? -1 : levels.computeIfAbsent((String) cells[r], k -> levels.size());
        }
        return new Column.Categories(name, codes, List.copyOf(levels.keySet()));
    }

    private static String kind(Object v) {
        return v instanceof Map ? "object" : v instanceof List ? "array" : v instanceof String ? "string"
                : v instanceof Boolean ? "boolean" : v == null ? "null" : "number";
    }
}
