package dev.jgrad.io;

import dev.jgrad.data.Dataset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;

/**
 * A CSV file read into columns: numbers as {@code double}s (NaN where a cell is missing), text as
 * category codes ({@link Column}), and the file line of every row, so that anything built on it can
 * still say {@code file:line}. Reading parses each number as its line streams in, straight into its
 * column's array; no String is kept for a numeric cell, and the text is held a block at a time.
 *
 * <p>A cell is missing when it is empty or one of {@link CsvFormat#missing()}; {@code TRUE}/{@code FALSE}
 * and {@code yes}/{@code no} (any case) are 1 and 0; a column is text when none of its cells is a
 * number, or when {@link CsvFormat#text()} names it. A column with both numbers and text, a row
 * whose cell count differs from the header's, an unclosed quote or bytes that are not UTF-8 are
 * errors: one IOException whose message names the file, the first line and column, and counts how
 * many cells or rows share the problem ("3 cells are not numbers in column 4 ('x'), first 'abc' at
 * line 25").
 *
 * <pre>{@code
 * Table t = Table.read(Path.of("iris.csv"), CsvFormat.DEFAULT.withText(List.of("species")));
 * Column.Numbers width = (Column.Numbers) t.column("petal_width");
 * Dataset d = t.toDataset("species");
 * }</pre>
 *
 * @param source the file's name as given, which every message starts with
 * @param columns the columns in the header's order, each with {@link #rows()} cells
 * @param lines the file's line number (1-based) of each row; blank lines are not rows
 */
public record Table(String source, List<Column> columns, int[] lines) {

    /**
     * Copies the columns; refuses a column whose cell count is not the rows'.
     *
     * @param source where the rows come from, for messages
     * @param columns the columns, in the header's order
     * @param lines each row's line in the source
     */
    public Table {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lines, "lines");
        columns = List.copyOf(columns);
        for (Column c : columns) {
            if (c.size() != lines.length) {
                throw new IllegalArgumentException("column '" + c.name() + "' has " + c.size() + " cells for " + lines.length + " rows");
            }
        }
    }

    /**
     * Reads {@code file} as {@link CsvFormat#DEFAULT} says.
     *
     * @param file a CSV file with a header
     * @return the table
     * @throws IOException when it cannot be read or parsed; the message names the source and the line
     */
    public static Table read(Path file) throws IOException {
        return read(file, CsvFormat.DEFAULT, null);
    }

    /**
     * Reads {@code file} as {@code format} says.
     *
     * @param file a CSV file with a header
     * @param format how the cells are separated and read
     * @return the table
     * @throws IOException when it cannot be read or parsed; the message names the source and the line
     */
    public static Table read(Path file, CsvFormat format) throws IOException {
        return read(file, format, null);
    }

    /**
     * Reads {@code file}, parsing on two cores when there are two, and telling {@code progress}
     * (when not null) how many bytes are read after each block of about 8 MB.
     *
     * @param file a CSV file with a header
     * @param format how the cells are separated and read
     * @param progress told the bytes read so far, or null
     * @return the table
     * @throws IOException when it cannot be read or parsed; the message names the source and the line
     */
    public static Table read(Path file, CsvFormat format, LongConsumer progress) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory");
        }
        long size;
        InputStream in;
        try {
            size = Files.size(file);
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file");
        }
        boolean parallel = Runtime.getRuntime().availableProcessors() > 1 && size > CsvReader.BLOCK / 4;
        ExecutorService pool = parallel ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jgrad-csv");
            t.setDaemon(true);
            return t;
        }) : null;
        try (CsvReader reader = new CsvReader(in, file.toString(), format, CsvReader.BLOCK)) {
            return read(reader, size, pool, progress);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Reads CSV {@code text} (a page's file, a test's table) on this thread; messages start with
     * {@code source}.
     *
     * @param text the CSV text, header first
     * @param source the name messages give
     * @param format how the cells are separated and read
     * @return the table
     * @throws IOException when it cannot be read or parsed; the message names the source and the line
     */
    public static Table parse(String text, String source, CsvFormat format) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(bytes), source, format, CsvReader.BLOCK)) {
            return read(reader, bytes.length, null, null);
        }
    }

    /**
     * Reads what {@code in} streams, on this thread; messages start with {@code source}.
     *
     * @param in the CSV bytes, UTF-8, header first
     * @param source the name messages give
     * @param format how the cells are separated and read
     * @return the table
     * @throws IOException when it cannot be read or parsed; the message names the source and the line
     */
    public static Table read(InputStream in, String source, CsvFormat format) throws IOException {
        try (CsvReader reader = new CsvReader(in, source, format, CsvReader.BLOCK)) {
            return read(reader, -1, null, null);
        }
    }

    private static Table read(CsvReader reader, long size, ExecutorService pool, LongConsumer progress) throws IOException {
        TableBuilder table = new TableBuilder(reader.source, reader.header, reader.text);
        boolean estimated = false;
        for (CsvChunk[] chunks; (chunks = reader.next(pool)) != null; ) {
            if (!estimated && size > 0) {
                // One guess from the first block's bytes per row saves growing every column's array.
                int rows = 0;
                for (CsvChunk chunk : chunks) {
                    rows += chunk.rows;
                }
                double perRow = (double) reader.bytesRead() / Math.max(1, rows);
                table.reserve((int) Math.min(Integer.MAX_VALUE - 8, size / perRow * 1.02 + 16));
                estimated = true;
            }
            table.add(chunks, reader.lastBase, pool);
            if (progress != null) {
                progress.accept(reader.bytesRead());
            }
        }
        return table.finish();
    }

    /** {@return the number of rows} */
    public int rows() {
        return lines.length;
    }

    /** {@return the header's names, in order} */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Column c : columns) {
            names.add(c.name());
        }
        return names;
    }

    /**
     * The index of the column called {@code name}, or −1.
     *
     * @param name a header
     * @return its index
     */
    public int indexOf(String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(name)) {
                return c;
            }
        }
        return -1;
    }

    /**
     * The column called {@code name}; the message of its absence lists the columns there are.
     *
     * @param name a header
     * @return the column
     * @throws IOException for no such column
     */
    public Column column(String name) throws IOException {
        int c = indexOf(name);
        if (c < 0) {
            throw new IOException(source + ": no column '" + name + "'; the columns are " + String.join(", ", names()));
        }
        return columns.get(c);
    }

    /**
     * The indices of the columns called {@code names}, in that order; one error names every missing one.
     *
     * @param names headers
     * @return their indices
     * @throws IOException naming every unknown one
     */
    public List<Integer> indices(List<String> names) throws IOException {
        List<String> missing = names.stream().filter(n -> indexOf(n) < 0).toList();
        if (!missing.isEmpty()) {
            throw new IOException(source + ": missing " + (missing.size() == 1 ? "column " : "columns ") + String.join(", ", missing)
                    + " (expected " + String.join(", ", names) + "; the file has " + String.join(", ", names()) + ")");
        }
        return names.stream().map(this::indexOf).toList();
    }

    /**
     * The numbers of {@code columns}, row by row. A text column or a missing cell is an error naming
     * the column and counting its missing cells with the first one's line.
     *
     * @param columns the columns' indices
     * @return one row of numbers per row
     * @throws IOException for a problem in the data; the message names the column and the line
     */
    public double[][] numbers(List<Integer> columns) throws IOException {
        return Points.numbers(this, columns);
    }

    /**
     * This table as classification data labelled by the column called {@code label}; every other
     * column a numeric feature. Classes are the distinct labels: by value when all are numbers
     * ({@code 1} and {@code 1.0} are one class, named as first written), else alphabetically. Read
     * the label column as text ({@link CsvFormat#withText}) to keep labels exactly as written.
     *
     * @param label the label column's header
     * @return the classification data
     * @throws IOException for a problem in the data; the message names the column and the line
     */
    public Dataset toDataset(String label) throws IOException {
        return Points.classification(this, label);
    }

    /**
     * This table as regression data: the column called {@code target} holds each row's number, every other column a feature.
     *
     * @param target the target column's header
     * @return the regression data
     * @throws IOException for a problem in the data; the message names the column and the line
     */
    public Dataset toRegression(String target) throws IOException {
        return Points.regression(this, target);
    }

    /**
     * Each row's class at {@code column} as an index into {@code classes} ({@code 1.0} is class
     * {@code 1}), −1 for a missing cell. A class that is none of them is an error naming it and its
     * line, or −1 too when {@code allowUnknown}.
     *
     * @param column the label's index
     * @param classes the known class names
     * @param allowUnknown whether another class is −1 rather than an error
     * @return each row's class index
     * @throws IOException for a problem in the data; the message names the column and the line
     */
    public int[] labels(int column, List<String> classes, boolean allowUnknown) throws IOException {
        Column col = columns.get(column);
        int[] labels = new int[rows()];
        for (int i = 0; i < labels.length; i++) {
            String cell = Points.text(col, i);
            labels[i] = cell == null ? -1 : Labels.indexOf(classes, cell);
            if (labels[i] < 0 && cell != null && !allowUnknown) {
                throw new IOException(source + ":" + lines[i] + ": class '" + cell + "' in column '" + col.name()
                        + "' is not one the model knows (" + String.join(", ", classes) + ")");
            }
        }
        return labels;
    }

    /**
     * Each row's number at {@code column}, NaN for a missing cell; a text column is an error naming it.
     *
     * @param column the target's index
     * @return one number per row
     * @throws IOException for a problem in the data; the message names the column and the line
     */
    public double[] targets(int column) throws IOException {
        if (columns.get(column) instanceof Column.Numbers n) {
            return n.values().clone();
        }
        throw new IOException(source + ": column " + (column + 1) + " ('" + columns.get(column).name()
                + "') is text; a regression target must be a number");
    }

    /** Equal sources, columns and lines. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Table t && source.equals(t.source) && columns.equals(t.columns) && Arrays.equals(lines, t.lines);
    }

    @Override
    public int hashCode() {
        return (source.hashCode() * 31 + columns.hashCode()) * 31 + Arrays.hashCode(lines);
    }

    @Override
    public String toString() {
        return "Table[" + source + ": " + rows() + " rows × " + columns.size() + " columns]";
    }

    /** The file name without its folders, as a dataset's name. */
    String shortName() {
        String s = source.replace('\\', '/');
        return s.endsWith("/") || s.indexOf('/') < 0 ? source : s.substring(s.lastIndexOf('/') + 1);
    }
}
