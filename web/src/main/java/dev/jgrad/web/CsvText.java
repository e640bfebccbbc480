package dev.jgrad.web;

import dev.jgrad.data.Dataset;
import dev.jgrad.io.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV the learner loads into the page: a header row, then two numeric features and a label per
 * row. The page reads the file itself (nothing is uploaded) and hands the text to io's {@link Csv},
 * the reader {@code jgrad train --csv} uses, so quoting, duplicate headers and the classes' order
 * (sorted) are the CLI's and the page's command line reproduces the page's run. Every problem is one
 * line, naming the row where there is one.
 */
final class CsvText {
    static final int MAX_ROWS = 10_000;
    /**
     * The largest feature the page takes: it trains on unscaled features (its pictures are drawn in the
     * data's own units), and beyond this a tanh network's first steps overflow or saturate.
     */
    static final double MAX_FEATURE = 1e4;
    /** What the messages and the command line call the loaded file. */
    static final String NAME = "data.csv";

    private CsvText() {
    }

    /** A loaded file's points and its header's three names (the features', then the label's). */
    record Table(Dataset data, List<String> columns) {
    }

    /** The points of {@code text}. */
    /**
     * The points as a CSV that {@link #read} and {@code jgrad train --csv FILE --label label} read: a header {@code x1,x2,label},
     * then one row a point, its class by name; numbers in Java's shortest exact decimal, so they read back to the same bits.
     */
    static String write(Dataset points) {
        if (points.targets() != null) {
            return regression(points);
        }
        StringBuilder b = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.points()[i];
            b.append(p[0]).append(',').append(p[1]).append(',').append(points.classNames().get(points.labels()[i])).append('\n');
        }
        return b.toString();
    }

    /** Regression points with their numbers, for {@code jgrad train --csv points.csv --task regression --label target}. */
    private static String regression(Dataset points) {
        StringBuilder b = new StringBuilder(points.features() == 1 ? "x1,target\n" : "x1,x2,target\n");
        for (int i = 0; i < points.size(); i++) {
            for (double v : points.points()[i]) {
                b.append(v).append(',');
            }
            b.append(points.targets()[i]).append('\n');
        }
        return b.toString();
    }

    static Table read(String text) {
        if (text == null || text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the file is not readable as CSV text");
        }
        refuseLongFiles(text);
        Csv csv;
        try {
            csv = Csv.read(Path.of(NAME), new BufferedReader(new StringReader(text)));
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        List<String> header = csv.header();
        if (header.size() != 3) {
            throw new IllegalArgumentException(header.size() < 3
                    ? "the header has " + header.size() + " column" + (header.size() == 1 ? "" : "s") + "; expected two features and a label, e.g. x1,x2,label"
                    : "the file has " + (header.size() - 1) + " features; the playground takes two (and a label)");
        }
        Dataset data;
        try {
            data = csv.toDataset(header.get(2));
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (data.classes() != 2) {
            throw new IllegalArgumentException(NAME + ": column '" + header.get(2) + "' has " + data.classes() + " classes ("
                    + String.join(", ", data.classNames()) + "); the playground takes two");
        }
        refuseLargeFeatures(csv, data);
        return new Table(data, List.copyOf(header));
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
            for (int c = 0; c < 2; c++) {
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
