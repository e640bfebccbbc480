package dev.jgrad.io;

import java.util.Arrays;

/**
 * The rows of a run of whole lines, parsed: each number straight into {@code numbers}, row by
 * row ({@code numbers[r * width + c]}: written in order, as the bytes are read), each text cell kept once per row of its column, and
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
        return parse(b, from, to, cells, new CsvChunk(width, text));
    }

    /**
     * Parses into {@code chunk}, emptied first: its arrays are kept when large enough, so that a
     * reader reusing two chunks allocates (and the collector reclaims) nothing per block.
     */
    static CsvChunk parse(byte[] b, int from, int to, Cells cells, CsvChunk chunk) {
        chunk.reset(estimate(b, from, to));
        int line = 0;
        for (int i = from; i < to; line++) {
            i = chunk.row(b, i, to, line, cells);
        }
        chunk.linesSeen = line;
        return chunk;
    }

    /** The rows to make room for: the line breaks in the first 64 KB, scaled up to the whole run, and a margin. */
    private static int estimate(byte[] b, int from, int to) {
        int sample = Math.min(to, from + (1 << 16));
        int breaks = 1;
        for (int i = from; i < sample; i++) {
            breaks += b[i] == '\n' ? 1 : 0;
        }
        return (int) Math.min(Integer.MAX_VALUE / 2, (long) breaks * (to - from) / Math.max(1, sample - from) * 11 / 10 + 16);
    }

    private void reset(int rowsWanted) {
        rows = 0;
        linesSeen = 0;
        Arrays.fill(numberCount, 0);
        Arrays.fill(textCount, 0);
        Arrays.fill(firstNumberLine, -1);
        Arrays.fill(firstText, null);
        Arrays.fill(textRows, null);
        Arrays.fill(texts, null);
        for (Problem p : new Problem[] {ragged, unclosed, notUtf8}) {
            p.count = 0;
            p.line = -1;
        }
        firstRaggedCells = 0;
        if (numbers == null || lines.length < rowsWanted || numbers.length < (long) rowsWanted * width) {
            numbers = null; // not copied: nothing in it is needed
            lines = lineStart = lineEnd = null;
            allocate(rowsWanted);
        }
    }

    private void allocate(int capacity) {
        this.capacity = capacity;
        numbers = java.util.Arrays.copyOf(numbers == null ? new double[0] : numbers, capacity * width);
        lines = java.util.Arrays.copyOf(lines == null ? new int[0] : lines, capacity);
        lineStart = java.util.Arrays.copyOf(lineStart == null ? new int[0] : lineStart, capacity);
        lineEnd = java.util.Arrays.copyOf(lineEnd == null ? new int[0] : lineEnd, capacity);
    }

    /** Parses the line starting at {@code from}; answers where the next one starts. */
    private int row(byte[] b, int from, int to, int line, Cells cells) {
        int i = from;
        while (i < to && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        if (i == to || b[i] == '\n' || b[i] == '\r') {
            return after(b, i, to); // a blank line
        }
        if (rows == capacity) {
            allocate(capacity + (capacity >> 1) + 16);
        }
        int r = rows;
        int c = 0;
        int end;
        byte separator = cells.separator;
        for (i = from; ; c++) {
            if (c < width && !text[c]) {
                int j = plain(b, i, to, r * width + c, separator, cells.point);
                if (j >= 0) {
                    if (numberCount[c]++ == 0) {
                        firstNumberLine[c] = line;
                    }
                    if (j < to && b[j] == separator) {
                        i = j + 1;
                        continue;
                    }
                    end = j;
                    cells.unclosedQuote = false;
                    break;
                }
            }
            cells.next(b, i, to);
            if (c < width) {
                cell(r, c, line, cells);
            }
            if (cells.atEnd) {
                end = cells.lineBreak;
                break;
            }
            i = cells.next;
        }
        if (cells.unclosedQuote) {
            unclosed.add(line);
            undo(r, Math.min(c + 1, width));
        } else if (c + 1 != width) {
            if (ragged.count == 0) {
                firstRaggedCells = c + 1;
            }
            ragged.add(line);
            undo(r, Math.min(c + 1, width));
        } else {
            lines[r] = line;
            lineStart[r] = from;
            lineEnd[r] = end;
            rows++;
        }
        return after(b, end, to);
    }

    /**
     * The common cell read in one pass: [-] digits [point digits], at most 15 digits in all, ended
     * by the separator or the line: exactly {@code digits / 10^k}, so Double.parseDouble's bits.
     * Stores it at {@code numbers[at]} and answers where it ended, or −1 for any other cell.
     */
    private int plain(byte[] b, int i, int to, int at, byte separator, byte point) {
        boolean negative = i < to && b[i] == '-';
        if (negative) {
            i++;
        }
        long m = 0;
        int first = i;
        int d;
        while (i < to && (d = b[i] - '0') >= 0 && d <= 9) {
            m = m * 10 + d;
            i++;
        }
        int digits = i - first, fraction = 0;
        if (i < to && b[i] == point) {
            int f = ++i;
            while (i < to && (d = b[i] - '0') >= 0 && d <= 9) {
                m = m * 10 + d;
                i++;
            }
            fraction = i - f;
        }
        if (digits + fraction == 0 || digits + fraction > 15 || i < to && b[i] != separator && b[i] != '\n' && b[i] != '\r') {
            return -1;
        }
        double v = fraction == 0 ? m : m / DecimalBytes.POWERS[fraction];
        numbers[at] = negative ? -v : v;
        return i;
    }

    /** The position after the line break at {@code i}: {@code \r\n}, {@code \n} or {@code \r}. */
    private static int after(byte[] b, int i, int to) {
        return i < to && b[i] == '\r' && i + 1 < to && b[i + 1] == '\n' ? i + 2 : i + 1;
    }

    private void cell(int r, int c, int line, Cells cells) {
        if (text[c]) {
            numbers[r * width + c] = Double.NaN;
            if (!cells.isMissing()) {
                addText(r, c, line, cells);
            }
            return;
        }
        int kind = cells.classify();
        if (kind == Cells.NUMBER) {
            numbers[r * width + c] = cells.number;
            if (numberCount[c]++ == 0) {
                firstNumberLine[c] = line;
            }
        } else {
            numbers[r * width + c] = Double.NaN;
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
            } else if (!text[c] && !Double.isNaN(numbers[r * width + c]) && numberCount[c] > 0) {
                numberCount[c]--;
            }
        }
    }
}
