package dev.jgrad.web;

import dev.jgrad.data.Dataset;
import dev.jgrad.io.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV the learner loads into the page, and the one the page's "Download the data" writes: a header row, then a
 * point's coordinates and its label per row. A last column named {@value #TARGET} holds a number to fit (regression;
 * two coordinates, or one for a curve such as the sine), any other name a class of two. The page reads the file itself
 * (nothing is uploaded) and hands the text to io's {@link Csv}, the reader {@code jgrad train --csv} uses, so quoting,
 * duplicate headers and the classes' order (sorted) are the CLI's and the page's command line reproduces the page's
 * run. Every problem is one line, naming the row where there is one.
 */
final class CsvText {
    static final int MAX_ROWS = 10_000;
    /**
     * The largest feature the page takes: it trains on unscaled features (its pictures are drawn in the data's own units),
     * and beyond this a tanh network's first steps overflow or saturate.
     */
    static final double MAX_FEATURE = 1e4;
    /** What the messages and the command line call the loaded file. */
    static final String NAME = "data.csv";
    /** The last column's name that makes a file regression data, as the page writes it and {@code jgrad train --label} names it. */
    static final String TARGET = "target";
    /** The class column's name as the page writes drawn points. */
    static final String LABEL = "label";

    private CsvText() {
    }

    /** A loaded file's points and its header's names (the coordinates', then the label's or target's). */
    record Table(Dataset data, List<String> columns) {
        /** The label's (or target's) column name: the last. */
        String label() {
            return columns.get(columns.size() - 1);
        }

        /** The coordinates' column names. */
        List<String> features() {
            return columns.subList(0, columns.size() - 1);
        }
    }

    /**
     * The points as a CSV that {@link #read} and {@code jgrad train --csv} read: a header ({@code x1,x2,label}, or for
     * regression {@code x1,x2,target} and {@code x1,target} for points of one coordinate), then one row a point, its class
     * by name or its target; numbers in Java's shortest exact decimal, so they read back to the same bits.
     */
    static String write(Dataset points) {
        boolean fit = points.targets() != null;
        StringBuilder b = new StringBuilder(points.features() == 1 ? "x1" : "x1,x2").append(',').append(fit ? TARGET : LABEL).append('\n');
        for (int i = 0; i < points.size(); i++) {
            for (double v : points.points()[i]) {
                b.append(v).append(',');
            }
            b.append(fit ? Double.toString(points.targets()[i]) : points.classNames().get(points.labels()[i])).append('\n');
        }
        return b.toString();
    }

    static Table read(String text) {
        if (text == null || text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the file is not readable as CSV text");
        }
        refuseLongFiles(text);
        try {
            Csv csv = Csv.read(Path.of(NAME), new BufferedReader(new StringReader(text)));
            List<String> header = csv.header();
            boolean fit = header.get(header.size() - 1).equals(TARGET);
            refuseColumns(header, fit);
            Dataset data = fit ? csv.toRegression(TARGET) : csv.toDataset(header.get(2));
            if (data.classes() != 2 && !fit) {
                throw new IllegalArgumentException(NAME + ": column '" + header.get(2) + "' has " + data.classes() + " classes ("
                        + String.join(", ", data.classNames()) + "); the playground takes two");
            }
            refuseLargeFeatures(csv, data);
            return new Table(data, List.copyOf(header));
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** Two coordinates and a label or target, or one coordinate and a target: anything else is one line. */
    private static void refuseColumns(List<String> header, boolean fit) {
        if (header.size() == 3 || fit && header.size() == 2) {
            return;
        }
        throw new IllegalArgumentException(header.size() < 3
                ? "the header has " + header.size() + " column" + (header.size() == 1 ? "" : "s") + "; expected two features and a label, e.g. x1,x2,label"
                        + " (or one feature and a target, x1,target)"
                : "the file has " + (header.size() - 1) + " features; the playground takes two (and a label)");
    }

    /**
     * Refuses a file of more than {@link #MAX_ROWS} rows at the row after the last allowed, before any
     * line is split into cells: a 40 MB file is refused at once, not after reading all of it.
     */
    private static void refuseLongFiles(String text) {
        int lines = 0;
        boolean blank = true;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                // Line ends as BufferedReader sees them; a blank line (or the gap in CR LF) is skipped, as Csv skips it.
                if (!blank && ++lines > MAX_ROWS + 1) {
                    throw new IllegalArgumentException("the file has more than " + MAX_ROWS + " rows");
                }
                blank = true;
            } else if (blank && !Character.isWhitespace(c)) {
                blank = false;
            }
        }
    }

    /** One line for a feature beyond {@link #MAX_FEATURE}, naming its row and column. */
    private static void refuseLargeFeatures(Csv csv, Dataset data) {
        for (int i = 0; i < data.size(); i++) {
            for (int c = 0; c < data.features(); c++) {
                double v = data.points()[i][c];
                if (!(Math.abs(v) <= MAX_FEATURE)) {
                    throw new IllegalArgumentException(NAME + ":" + csv.rows().get(i).line() + ": column '" + csv.header().get(c) + "' is "
                            + csv.rows().get(i).cells().get(c) + "; the playground trains on unscaled features of at most ±"
                            + Setup.text(MAX_FEATURE) + ": scale the file first (or train it with jgrad train --scale standard)");
                }
            }
        }
    }
}
