package dev.jgrad.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Parsed runs of lines gathered into one {@link Table}: each column's numbers in one growing
 * {@code double[]}, its text as codes into its distinct strings, and the problems of every run added
 * up, so that the table, or one message counting them, comes out at the end.
 */
final class TableBuilder {
    private final String source;
    private final List<String> names;
    private final boolean[] text;
    private final int width;
    private int rows;
    private int capacity;
    private final double[][] values;
    private int[] lines = new int[0];
    private final List<Map<String, Integer>> levels = new ArrayList<>();
    private final List<List<String>> levelNames = new ArrayList<>();
    private final int[][] textRows, textCodes;
    private final int[] textCount, numberCount, firstTextLine, firstNumberLine;
    private final String[] firstText;
    private final Counted ragged = new Counted(), unclosed = new Counted(), notUtf8 = new Counted();
    private int firstRaggedCells;

    /** A problem of rows: how many, the first line. */
    private static final class Counted {
        int count;
        int line = -1;

        void add(CsvChunk.Problem p, int base) {
            if (p.count > 0 && count == 0) {
                line = base + p.line;
            }
            count += p.count;
        }
    }

    TableBuilder(String source, List<String> names, boolean[] text) {
        this.source = source;
        this.names = List.copyOf(names);
        this.text = text;
        this.width = names.size();
        values = new double[width][];
        textRows = new int[width][];
        textCodes = new int[width][];
        textCount = new int[width];
        numberCount = new int[width];
        firstTextLine = new int[width];
        firstNumberLine = new int[width];
        firstText = new String[width];
        Arrays.fill(firstNumberLine, -1);
        for (int c = 0; c < width; c++) {
            levels.add(new HashMap<>());
            levelNames.add(new ArrayList<>());
            textRows[c] = new int[0];
            textCodes[c] = new int[0];
            values[c] = text[c] ? null : new double[0];
        }
    }

    /** Room for {@code total} rows in all, so that a good guess saves the copies of growing. */
    void reserve(int total) {
        if (total > capacity) {
            capacity = total;
            for (int c = 0; c < width; c++) {
                values[c] = text[c] ? null : Arrays.copyOf(values[c], total);
            }
            lines = Arrays.copyOf(lines, total);
        }
    }

    int rows() {
        return rows;
    }

    /** Appends the rows of {@code chunk}, whose first line is line {@code base} of the file. */
    void add(CsvChunk chunk, int base) {
        room(chunk.rows);
        transpose(chunk, rows);
        count(chunk, base);
    }

    /**
     * Appends the rows of consecutive {@code chunks}, the first starting at line {@code base}, each
     * chunk's numbers moved into the columns on a thread of its own when {@code pool} is given.
     */
    void add(CsvChunk[] chunks, int base, ExecutorService pool) throws IOException {
        if (pool == null || chunks.length != 2) {
            for (CsvChunk c : chunks) {
                add(c, base);
                base += c.linesSeen;
            }
            return;
        }
        room(chunks[0].rows + chunks[1].rows);
        int second = rows + chunks[0].rows;
        Future<?> done = pool.submit(() -> transpose(chunks[1], second));
        transpose(chunks[0], rows);
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        count(chunks[0], base);
        count(chunks[1], base + chunks[0].linesSeen);
    }

    private void room(int more) {
        if (rows + more > capacity) {
            reserve((int) Math.min(Integer.MAX_VALUE - 8, Math.max(rows + (long) more, capacity + (capacity >> 1) + 16L)));
        }
    }

    /** Adds the chunk's lines, counts, text and problems; its numbers are in place already. */
    private void count(CsvChunk chunk, int base) {
        for (int r = 0; r < chunk.rows; r++) {
            lines[rows + r] = base + chunk.lines[r];
        }
        for (int c = 0; c < width; c++) {
            if (!text[c]) {
                if (chunk.numberCount[c] > 0 && numberCount[c] == 0) {
                    firstNumberLine[c] = base + chunk.firstNumberLine[c];
                }
                numberCount[c] += chunk.numberCount[c];
            }
            addTexts(chunk, c, base);
        }
        ragged.add(chunk.ragged, base);
        if (chunk.ragged.count > 0 && ragged.count == chunk.ragged.count) {
            firstRaggedCells = chunk.firstRaggedCells;
        }
        unclosed.add(chunk.unclosed, base);
        notUtf8.add(chunk.notUtf8, base);
        rows += chunk.rows;
    }

    /**
     * The chunk's rows into the columns, 32 rows at a time: the block's rows stay in cache while
     * each column gets one run of 32 values, instead of one page touched per cell.
     */
    private void transpose(CsvChunk chunk, int rows) {
        double[] from = chunk.numbers;
        for (int r0 = 0; r0 < chunk.rows; r0 += 32) {
            int r1 = Math.min(chunk.rows, r0 + 32);
            for (int c = 0; c < width; c++) {
                double[] to = values[c];
                if (to == null) {
                    continue;
                }
                for (int r = r0, at = rows + r0; r < r1; r++, at++) {
                    to[at] = from[r * width + c];
                }
            }
        }
    }

    private void addTexts(CsvChunk chunk, int c, int base) {
        int n = chunk.textCount[c];
        if (n == 0) {
            return;
        }
        if (textCount[c] == 0) {
            firstTextLine[c] = base + chunk.firstTextLine[c];
            firstText[c] = chunk.firstText[c];
        }
        int have = textCount[c];
        if (have + n > textRows[c].length) {
            int grown = Math.max(have + n, have + (have >> 1) + 16);
            textRows[c] = Arrays.copyOf(textRows[c], grown);
            textCodes[c] = Arrays.copyOf(textCodes[c], grown);
        }
        Map<String, Integer> codes = levels.get(c);
        for (int k = 0; k < n; k++) {
            String t = chunk.texts[c][k];
            Integer code = codes.get(t);
            if (code == null) {
                code = codes.size();
                codes.put(t, code);
                levelNames.get(c).add(t);
            }
            textRows[c][have + k] = rows + chunk.textRows[c][k];
            textCodes[c][have + k] = code;
        }
        textCount[c] = have + n;
    }

    /** The table, or an IOException whose one line names the first problem and counts the rest. */
    Table finish() throws IOException {
        List<Problem> problems = new ArrayList<>();
        rowProblem(problems, ragged, ragged.count == 1 ? firstRaggedCells + " cells, but the header has " + width
                : ragged.count + " rows have other than the header's " + width + " cells, the first " + firstRaggedCells);
        rowProblem(problems, unclosed, unclosed.count == 1 ? "a quoted field is not closed"
                : unclosed.count + " rows have a quoted field that is not closed");
        rowProblem(problems, notUtf8, notUtf8.count == 1 ? "not UTF-8 text" : notUtf8.count + " rows are not UTF-8 text");
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            columns.add(column(c, problems));
        }
        if (!problems.isEmpty()) {
            problems.sort((a, b) -> Integer.compare(a.line, b.line));
            Problem first = problems.get(0);
            int more = problems.size() - 1;
            throw new IOException(source + ":" + first.line + ": " + first.message
                    + (more == 0 ? "" : " (and " + more + " more problem" + (more == 1 ? "" : "s") + ")"));
        }
        return new Table(source, columns, Arrays.copyOf(lines, rows));
    }

    private record Problem(int line, String message) {
    }

    private static void rowProblem(List<Problem> problems, Counted counted, String message) {
        if (counted.count > 0) {
            problems.add(new Problem(counted.line, message + (counted.count == 1 ? "" : ", first at line " + counted.line)));
        }
    }

    private Column column(int c, List<Problem> problems) {
        String name = names.get(c);
        if (text[c] || numberCount[c] == 0 && textCount[c] > 0) {
            values[c] = null; // the codes replace it: give the memory back before the next column's copy
            int[] codes = new int[rows];
            Arrays.fill(codes, -1);
            for (int k = 0; k < textCount[c]; k++) {
                codes[textRows[c][k]] = textCodes[c][k];
            }
            return new Column.Categories(name, codes, levelNames.get(c));
        }
        if (textCount[c] > 0) {
            String where = "column " + (c + 1) + " ('" + name + "')";
            problems.add(textCount[c] <= numberCount[c]
                    ? new Problem(firstTextLine[c], textCount[c] == 1 ? where + ": '" + firstText[c] + "' is not a number"
                            : textCount[c] + " cells are not numbers in " + where + ", first '" + firstText[c] + "' at line " + firstTextLine[c])
                    : new Problem(firstNumberLine[c], numberCount[c] + " cell" + (numberCount[c] == 1 ? " is a number" : "s are numbers")
                            + " in the text " + where + ", first at line " + firstNumberLine[c] + "; a column is numbers or text, not both"));
        }
        double[] v = values[c];
        values[c] = null;
        return new Column.Numbers(name, v.length == rows ? v : Arrays.copyOf(v, rows));
    }
}
