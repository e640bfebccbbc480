package dev.jgrad.io;

import java.util.Arrays;

/**
 * The rows of a run of whole lines, parsed: each number straight into {@code numbers}, column by
 * column ({@code numbers[c * capacity + r]}), each text cell kept once per row of its column, and
 * every problem counted with its first line. Lines are counted from the run's start (0 is its first
 * line), so that two runs can be parsed at once and numbered after. The raw line of each row stays
 * findable ({@link #lineStart}, {@link #lineEnd}) while the bytes do, for {@code predict} to copy.
 */
final class CsvChunk {
    final int width;
    final boolean[] text;
    int rows;
    int capacity;
    double[] numbers;
    int[] lines;
    int[] lineStart;
    int[] lineEnd;
    /** Lines in the run, blank ones too: where the next run's numbering starts. */
    int linesSeen;
    /** Per column: how many cells were numbers, how many text; the first text cell and its line; the first number's line. */
    final int[] numberCount, textCount, firstTextLine, firstNumberLine;
    final String[] firstText;
    /** Per column: the rows with text and their text, in order; null for a column without any. */
    final int[][] textRows;
    final String[][] texts;
    /** Rows with a cell count other than the width (not kept), with an unclosed quote, or not UTF-8. */
    final Problem ragged = new Problem(), unclosed = new Problem(), notUtf8 = new Problem();
    int firstRaggedCells;

    /** A kind of problem: how often, and the first line it happened on (−1 before it has). */
    static final class Problem {
        int count;
        int line = -1;

        void add(int at) {
            if (count++ == 0) {
                line = at;
            }
        }
    }

    CsvChunk(int width, boolean[] text) {
        this.width = width;
        this.text = text;
        numberCount = new int[width];
        textCount = new int[width];
        firstTextLine = new int[width];
        firstNumberLine = new int[width];
        firstText = new String[width];
        textRows = new int[width][];
        texts = new String[width][];
        Arrays.fill(firstNumberLine, -1);
    }

    /** Parses the whole lines of {@code b[from … to)} with {@code cells}. */
    static CsvChunk parse(byte[] b, int from, int to, int width, boolean[] text, Cells cells) {
        CsvChunk chunk = new CsvChunk(width, text);
        int newlines = 1;
        for (int i = from; i < to; i++) {
            newlines += b[i] == '\n' || b[i] == '\r' ? 1 : 0;
        }
        chunk.allocate(newlines);
        int line = 0, i = from;
        while (i < to) {
            int end = i;
            while (end < to && b[end] != '\n' && b[end] != '\r') {
                end++;
            }
            chunk.row(b, i, end, line, cells);
            line++;
            i = end < to && b[end] == '\r' && end + 1 < to && b[end + 1] == '\n' ? end + 2 : end + 1;
        }
        chunk.linesSeen = line;
        return chunk;
    }

    private void allocate(int capacity) {
        this.capacity = capacity;
        numbers = new double[capacity * width];
        lines = new int[capacity];
        lineStart = new int[capacity];
        lineEnd = new int[capacity];
    }

    private void row(byte[] b, int from, int to, int line, Cells cells) {
        int i = from;
        while (i < to && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        if (i == to) {
            return; // a blank line
        }
        int r = rows;
        int c = 0;
        for (i = from; ; c++) {
            cells.next(b, i, to);
            if (cells.unclosedQuote) {
                unclosed.add(line);
                undo(r, Math.min(c, width));
                return;
            }
            if (c < width) {
                cell(r, c, line, cells);
            }
            if (cells.atEnd) {
                break;
            }
            i = cells.next;
        }
        if (c + 1 != width) {
            if (ragged.count == 0) {
                firstRaggedCells = c + 1;
            }
            ragged.add(line);
            undo(r, Math.min(c + 1, width));
            return;
        }
        lines[r] = line;
        lineStart[r] = from;
        lineEnd[r] = to;
        rows++;
    }

    private void cell(int r, int c, int line, Cells cells) {
        if (text[c]) {
            numbers[c * capacity + r] = Double.NaN;
            if (!cells.isMissing()) {
                addText(r, c, line, cells);
            }
            return;
        }
        int kind = cells.classify();
        if (kind == Cells.NUMBER) {
            numbers[c * capacity + r] = cells.number;
            if (numberCount[c]++ == 0) {
                firstNumberLine[c] = line;
            }
        } else {
            numbers[c * capacity + r] = Double.NaN;
            if (kind == Cells.TEXT) {
                addText(r, c, line, cells);
            }
        }
    }

    private void addText(int r, int c, int line, Cells cells) {
        String t = cells.text();
        if (t == null) {
            notUtf8.add(line);
            t = "";
        }
        int n = textCount[c]++;
        if (n == 0) {
            firstTextLine[c] = line;
            firstText[c] = t;
            textRows[c] = new int[8];
            texts[c] = new String[8];
        } else if (n == textRows[c].length) {
            textRows[c] = Arrays.copyOf(textRows[c], n * 2);
            texts[c] = Arrays.copyOf(texts[c], n * 2);
        }
        textRows[c][n] = r;
        texts[c][n] = t;
    }

    /** Forgets what the first {@code written} cells of a broken row {@code r} left in the counts: it is not a row. */
    private void undo(int r, int written) {
        for (int c = 0; c < written; c++) {
            if (textCount[c] > 0 && textRows[c][textCount[c] - 1] == r) {
                textCount[c]--;
            } else if (!text[c] && !Double.isNaN(numbers[c * capacity + r]) && numberCount[c] > 0) {
                numberCount[c]--;
            }
        }
    }
}
