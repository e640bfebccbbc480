package dev.jgrad.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How one line of bytes splits into cells: the separator, quotes ({@code "}, a doubled {@code ""}
 * inside is a quote), blanks trimmed around each cell; and what a cell means — a missing value, a
 * boolean, a number with this decimal mark, or text. One instance per thread: it keeps a scratch
 * buffer for quoted cells.
 */
final class Cells {
    /** {@link #classify}'s answers besides a number. */
    static final int NUMBER = 0, MISSING = 1, TEXT = 2;

    final byte separator;
    final byte point;
    private final byte[][] missing;
    byte[] scratch = new byte[64];
    /** The cell {@link #next} found: {@code bytes()[start … end)}, trimmed and unquoted. */
    int start, end;
    boolean quotedCell;
    /** The position after the cell and its separator; {@link #atEnd} when the line is done. */
    int next;
    boolean atEnd;
    int lineBreak;
    /** The bytes that end an unquoted cell's scan: the separator, a quote, a line break. */
    private final boolean[] stop = new boolean[256];
    boolean unclosedQuote;
    double number;
    private byte[] source;

    Cells(char separator, boolean decimalComma, List<String> missingTokens) {
        this.separator = (byte) separator;
        this.point = (byte) (decimalComma ? ',' : '.');
        stop[separator] = stop['"'] = stop['\n'] = stop['\r'] = true;
        this.missing = new byte[missingTokens.size()][];
        for (int i = 0; i < missing.length; i++) {
            missing[i] = missingTokens.get(i).strip().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The bytes the last cell is in: the line's, or the scratch buffer for a quoted cell. */
    byte[] bytes() {
        return quotedCell ? scratch : source;
    }

    /**
     * Finds the cell starting at {@code from}: it ends at the separator, a line break or {@code limit};
     * after it {@link #lineBreak} is where the line ends when {@link #atEnd}.
     */
    void next(byte[] b, int from, int limit) {
        source = b;
        unclosedQuote = false;
        int i = from;
        while (i < limit && blank(b[i])) {
            i++;
        }
        int s = i;
        while (i < limit && !stop[b[i] & 0xFF]) {
            i++;
        }
        if (i < limit && b[i] == '"') {
            quoted(b, from, limit);
            return;
        }
        int e = i;
        while (e > s && blank(b[e - 1])) {
            e--;
        }
        quotedCell = false;
        start = s;
        end = e;
        atEnd = i >= limit || b[i] != separator;
        lineBreak = i;
        next = i + 1;
    }

    /** The slow way, as the old reader split: quotes open and close anywhere, the cell is what is left. */
    private void quoted(byte[] b, int from, int limit) {
        int n = 0;
        boolean quoted = false;
        int i = from;
        for (; i < limit; i++) {
            byte c = b[i];
            if (c == '\n' || c == '\r') {
                break; // a quoted field does not span lines
            } else if (quoted && c == '"' && i + 1 < limit && b[i + 1] == '"') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
                continue;
            } else if (!quoted && c == separator) {
                break;
            }
            if (n == scratch.length) {
                scratch = java.util.Arrays.copyOf(scratch, n * 2);
            }
            scratch[n++] = c;
        }
        unclosedQuote = quoted;
        int s = 0, e = n;
        while (s < e && blank(scratch[s])) {
            s++;
        }
        while (e > s && blank(scratch[e - 1])) {
            e--;
        }
        quotedCell = true;
        start = s;
        end = e;
        atEnd = i >= limit || b[i] != separator;
        lineBreak = i;
        next = i + 1;
    }

    /** What the last cell holds: {@link #NUMBER} (then {@link #number} is it, finite), {@link #MISSING} or {@link #TEXT}. */
    int classify() {
        byte[] b = bytes();
        if (start == end) {
            return MISSING;
        }
        double v = DecimalBytes.parse(b, start, end, point);
        if (!Double.isNaN(v)) {
            number = v;
            return Double.isInfinite(v) ? TEXT : NUMBER;
        }
        for (byte[] token : missing) {
            if (equal(b, token)) {
                return MISSING;
            }
        }
        int n = end - start;
        if (n == 4 && word(b, "true") || n == 3 && word(b, "yes")) {
            number = 1;
            return NUMBER;
        }
        if (n == 5 && word(b, "false") || n == 2 && word(b, "no")) {
            number = 0;
            return NUMBER;
        }
        return TEXT;
    }

    /** Whether the last cell is one of the missing tokens or empty. */
    boolean isMissing() {
        if (start == end) {
            return true;
        }
        for (byte[] token : missing) {
            if (equal(bytes(), token)) {
                return true;
            }
        }
        return false;
    }

    /** The last cell as text; null when its bytes are not UTF-8. */
    String text() {
        byte[] b = bytes();
        return Utf8.valid(b, start, end) ? new String(b, start, end - start, StandardCharsets.UTF_8) : null;
    }

    private boolean equal(byte[] b, byte[] token) {
        if (token.length != end - start) {
            return false;
        }
        for (int k = 0; k < token.length; k++) {
            if (b[start + k] != token[k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the last cell is {@code lower} in any case (ASCII letters only). */
    private boolean word(byte[] b, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            if ((b[start + k] | 0x20) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Blanks trimmed around a cell, as String.strip does for ASCII; never the separator itself. */
    private boolean blank(byte c) {
        return (c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c == 0x1C || c == 0x1D || c == 0x1E || c == 0x1F)
                && c != separator;
    }

    /**
     * The cells of one line as strings (the header), or null when the line is not UTF-8; after
     * it, {@link #unclosedQuote} says whether a quote was left open.
     */
    List<String> split(byte[] b, int from, int lineEnd) {
        List<String> cells = new ArrayList<>();
        int i = from;
        do {
            next(b, i, lineEnd);
            if (unclosedQuote) {
                return cells;
            }
            String t = text();
            if (t == null) {
                return null;
            }
            cells.add(t);
            i = next;
        } while (!atEnd);
        return cells;
    }
}
