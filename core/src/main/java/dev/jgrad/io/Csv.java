package dev.jgrad.io;

import dev.jgrad.data.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A CSV file read as text: a header row, then rows of cells, each row knowing its line number so
 * that a bad cell can be reported as {@code file:line:column}. Comma-separated, UTF-8, fields may be
 * quoted with {@code "} (a doubled {@code ""} inside is a quote); blank lines are skipped.
 */
public record Csv(Path file, List<String> header, List<Row> rows) {

    /** One data row and the line of the file it came from (1-based). */
    public record Row(int line, List<String> cells) {
    }

    /**
     * Copies the header and the rows.
     *
     * @param file the file read
     * @param header the column names
     * @param rows the data rows
     */
    public Csv {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /**
     * Reads {@code file}; every error message starts with the file name and names the line.
     *
     * @param file a CSV file with a header
     * @return its header and rows
     * @throws IOException when it cannot be read or parsed; the message names the file and the line
     */
    public static Csv read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file, in);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file");
        } catch (MalformedInputException e) {
            throw new IOException(file + ": not UTF-8 text");
        }
    }

    /**
     * Reads CSV text that the caller holds already (the playground's page reads a file itself), with the same
     * rules and messages as a file; {@code file} is the name the messages give it.
     *
     * @param file the name messages give
     * @param in the text
     * @return its header and rows
     * @throws IOException when it cannot be read or parsed; the message names the file and the line
     */
    public static Csv read(Path file, BufferedReader in) throws IOException {
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        int line = 0;
        for (String text; (text = in.readLine()) != null; ) {
            line++;
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1); // the byte-order mark spreadsheets put first
            }
            if (text.isBlank()) {
                continue;
            }
            List<String> cells = split(file, line, text);
            if (header == null) {
                header = checkedHeader(file, line, cells);
            } else if (cells.size() != header.size()) {
                throw new IOException(file + ":" + line + ": " + cells.size() + " cells, but the header has " + header.size());
            } else {
                rows.add(new Row(line, cells));
            }
        }
        if (header == null) {
            throw new IOException(file + ": empty file; expected a header row");
        }
        return new Csv(file, header, rows);
    }

    /** Two columns of one name would make "the column called x" ambiguous. */
    private static List<String> checkedHeader(Path file, int line, List<String> header) throws IOException {
        for (int c = 0; c < header.size(); c++) {
            int first = header.indexOf(header.get(c));
            if (first < c) {
                throw new IOException(file + ":" + line + ": column " + (c + 1) + " ('" + header.get(c)
                        + "') has the same name as column " + (first + 1) + "; header names must differ");
            }
        }
        return header;
    }

    private static List<String> split(Path file, int line, String text) throws IOException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IOException(file + ":" + line + ": a quoted field is not closed");
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    /**
     * The index of the column called {@code name}; the message lists the columns there are.
     *
     * @param name a header
     * @return its index
     * @throws IOException for no such column (with "did you mean")
     */
    public int column(String name) throws IOException {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IOException(file + ": no column '" + name + "'; the columns are " + String.join(", ", header));
        }
        return i;
    }

    /**
     * The cell at {@code column} of {@code row} as a finite number, or an error naming file, line and column.
     *
     * @param row the row
     * @param column the column's index
     * @return its number
     * @throws IOException for a problem in the data; the message names the file, the column and the line
     */
    public double number(Row row, int column) throws IOException {
        String cell = row.cells().get(column);
        try {
            double v = Decimal.parse(cell);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, with the place
        }
        throw new IOException(file + ":" + row.line() + ": column " + (column + 1) + " ('" + header.get(column)
                + "'): '" + cell + "' is not a finite number");
    }

    /**
     * The numeric features of every row: all columns but those listed in {@code except}.
     *
     * @param except the columns left out (the label)
     * @return one row of numbers per data row
     * @throws IOException for a problem in the data; the message names the file, the column and the line
     */
    public double[][] features(List<Integer> except) throws IOException {
        double[][] points = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            double[] p = new double[header.size() - except.size()];
            for (int c = 0, j = 0; c < header.size(); c++) {
                if (!except.contains(c)) {
                    p[j++] = number(row, c);
                }
            }
            points[i] = p;
        }
        return points;
    }

    /**
     * The names of the feature columns: all but those listed in {@code except}.
     *
     * @param except the columns left out
     * @return the other headers, in order
     */
    public List<String> featureNames(List<Integer> except) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (!except.contains(c)) {
                names.add(header.get(c));
            }
        }
        return names;
    }

    /**
     * This table as a dataset, labelled by the column called {@code labelColumn}.
     *
     * @param labelColumn the label's header
     * @return the classification data
     * @throws IOException for a problem in the data; the message names the file, the column and the line
     */
    public Dataset toDataset(String labelColumn) throws IOException {
        int label = column(labelColumn);
        if (rows.isEmpty()) {
            throw new IOException(file + ": no data rows after the header");
        }
        if (header.size() < 2) {
            throw new IOException(file + ": no feature columns besides the label '" + labelColumn + "'");
        }
        List<String> classNames = classNames(label);
        int[] labels = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String cell = rows.get(i).cells().get(label);
            if (cell.isEmpty()) {
                throw new IOException(file + ":" + rows.get(i).line() + ": column " + (label + 1) + " ('" + labelColumn + "'): empty label");
            }
            labels[i] = Labels.indexOf(classNames, cell);
        }
        if (classNames.size() < 2) {
            throw new IOException(file + ": column '" + labelColumn + "' has only one class (" + classNames + "); need at least 2");
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return new Dataset(name, features(List.of(label)), labels, classNames.size(), classNames);
    }

    /**
     * This table as regression data: the column called {@code targetColumn} holds each row's
     * number, every other column a feature. A target cell that is not a finite number is an error
     * naming its line.
     *
     * @param targetColumn the target's header
     * @return the regression data
     * @throws IOException for a problem in the data; the message names the file, the column and the line
     */
    public Dataset toRegression(String targetColumn) throws IOException {
        int target = column(targetColumn);
        if (rows.isEmpty()) {
            throw new IOException(file + ": no data rows after the header");
        }
        if (header.size() < 2) {
            throw new IOException(file + ": no feature columns besides the target '" + targetColumn + "'");
        }
        double[] t = targets(target);
        for (int i = 0; i < t.length; i++) {
            if (Double.isNaN(t[i])) {
                throw new IOException(file + ":" + rows.get(i).line() + ": column " + (target + 1) + " ('" + targetColumn
                        + "'): empty target; a regression target is a number in every row");
            }
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return Dataset.regression(name, features(List.of(target)), t);
    }

    /**
     * Each row's regression target at {@code column}, NaN for an empty cell (an unlabelled row); a
     * cell that is not a finite number is an error naming its line.
     *
     * @param column the target's index
     * @return one number per row
     * @throws IOException for a problem in the data; the message names the file, the column and the line
     */
    public double[] targets(int column) throws IOException {
        double[] t = new double[rows.size()];
        for (int i = 0; i < t.length; i++) {
            Row row = rows.get(i);
            if (row.cells().get(column).isEmpty()) {
                t[i] = Double.NaN;
                continue;
            }
            try {
                t[i] = number(row, column);
            } catch (IOException e) {
                throw new IOException(e.getMessage() + "; a regression target must be a number", e);
            }
        }
        return t;
    }

    /**
     * The distinct labels: by numeric value when all are numbers (then {@code 1} and {@code 1.0} are
     * one class, named as it is first written), else alphabetically.
     */
    private List<String> classNames(int label) {
        TreeSet<String> distinct = new TreeSet<>();
        for (Row r : rows) {
            if (!r.cells().get(label).isEmpty()) {
                distinct.add(r.cells().get(label));
            }
        }
        if (!distinct.stream().allMatch(c -> !Double.isNaN(Labels.number(c)))) {
            return new ArrayList<>(distinct);
        }
        List<String> names = new ArrayList<>();
        for (Row r : rows) {
            String c = r.cells().get(label);
            if (!c.isEmpty() && Labels.indexOf(names, c) < 0) {
                names.add(c);
            }
        }
        names.sort((a, b) -> Double.compare(Labels.number(a), Labels.number(b)));
        return names;
    }

    /**
     * The columns called {@code names}, in that order; one error names every missing column.
     *
     * @param names headers
     * @return their indices, in order
     * @throws IOException for an unknown name
     */
    public List<Integer> columns(List<String> names) throws IOException {
        List<String> missing = names.stream().filter(n -> !header.contains(n)).toList();
        if (!missing.isEmpty()) {
            throw new IOException(file + ": missing " + (missing.size() == 1 ? "column " : "columns ") + String.join(", ", missing)
                    + " (expected " + String.join(", ", names) + "; the file has " + String.join(", ", header) + ")");
        }
        return names.stream().map(header::indexOf).toList();
    }

    /**
     * The numbers at {@code columns} of every row, point by point.
     *
     * @param columns the columns' indices
     * @return one row of numbers per data row
     * @throws IOException for a problem in the data; the message names the file, the column and the line
     */
    public double[][] numbers(List<Integer> columns) throws IOException {
        double[][] points = new double[rows.size()][columns.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < columns.size(); j++) {
                points[i][j] = number(rows.get(i), columns.get(j));
            }
        }
        return points;
    }

    /**
     * Each row's class at {@code column} as an index into {@code classes} ({@link Labels#indexOf}:
     * {@code 1.0} is class {@code 1}), −1 for an empty cell. A class that is none of them is an
     * error naming it and its line, or −1 too when {@code allowUnknown}.
     *
     * @param column the label's index
     * @param classes the known class names
     * @param allowUnknown whether a class not among them is −1 rather than an error
     * @return each row's class index
     * @throws IOException for a problem in the data; the message names the file, the column and the line
     */
    public int[] labels(int column, List<String> classes, boolean allowUnknown) throws IOException {
        int[] labels = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String cell = rows.get(i).cells().get(column);
            labels[i] = cell.isEmpty() ? -1 : Labels.indexOf(classes, cell);
            if (labels[i] < 0 && !cell.isEmpty() && !allowUnknown) {
                throw new IOException(file + ":" + rows.get(i).line() + ": class '" + cell + "' in column '" + header.get(column)
                        + "' is not one the model knows (" + String.join(", ", classes) + ")");
            }
        }
        return labels;
    }
}
