package dev.jgrad.web;

import dev.jgrad.data.Dataset;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV the learner loads into the page: a header row, then two numeric features and a label per
 * row (the label any text; two classes, named in order of first appearance). Read from text, since
 * the page reads the file itself and nothing is uploaded; io.Csv reads files, which the browser has
 * none of. Every problem is one line, naming the row where there is one.
 */
final class CsvText {
    static final int MAX_ROWS = 10_000;

    private CsvText() {
    }

    /** A loaded file's points and its header's three names (the features', then the label's). */
    record Table(Dataset data, List<String> columns) {
    }

    /** The points of {@code text}. */
    static Table read(String text) {
        if (text == null || text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the file is not readable as CSV text");
        }
        String[] lines = Cut.at(text.replace("\r\n", "\n").replace('\r', '\n'), '\n').toArray(new String[0]);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first == lines.length) {
            throw new IllegalArgumentException("the file is empty");
        }
        List<String> header = cells(lines[first].startsWith("\uFEFF") ? lines[first].substring(1) : lines[first]);
        if (header.size() < 3) {
            throw new IllegalArgumentException("the header has " + header.size() + " column" + (header.size() == 1 ? "" : "s")
                    + "; expected two features and a label, e.g. x1,x2,label");
        }
        if (header.size() > 3) {
            throw new IllegalArgumentException("the file has " + (header.size() - 1) + " features; the playground takes two (and a label)");
        }
        List<double[]> points = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (int i = first + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (points.size() == MAX_ROWS) {
                throw new IllegalArgumentException("the file has more than " + MAX_ROWS + " rows");
            }
            List<String> c = cells(lines[i]);
            if (c.size() != 3) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + c.size() + " cells; the header has 3");
            }
            points.add(new double[] {number(c.get(0), header.get(0), i + 1), number(c.get(1), header.get(1), i + 1)});
            String label = c.get(2);
            if (label.isEmpty()) {
                throw new IllegalArgumentException("row " + (i + 1) + " has no label");
            }
            if (!classes.contains(label)) {
                if (classes.size() == 2) {
                    throw new IllegalArgumentException("row " + (i + 1) + " has a third class '" + label + "'; the playground takes two ("
                            + classes.get(0) + ", " + classes.get(1) + ")");
                }
                classes.add(label);
            }
            labels.add(classes.indexOf(label));
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("the file has a header but no rows");
        }
        if (classes.size() < 2) {
            throw new IllegalArgumentException("every row has the label '" + classes.get(0) + "'; the playground needs two classes");
        }
        int[] l = new int[labels.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = labels.get(i);
        }
        return new Table(new Dataset("csv", points.toArray(new double[0][]), l, 2, classes), List.copyOf(header));
    }

    private static List<String> cells(String line) {
        List<String> c = new ArrayList<>();
        for (String cell : Cut.at(line, ',')) {
            String t = cell.trim();
            c.add(t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t);
        }
        return c;
    }

    private static double number(String cell, String column, int row) {
        try {
            double d = Double.parseDouble(cell);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("row " + row + ": " + column + " is '" + cell + "', not a number");
    }
}
