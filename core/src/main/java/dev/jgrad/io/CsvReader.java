package dev.jgrad.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A CSV stream read a block at a time: the header first, then runs of whole lines parsed into
 * {@link CsvChunk}s, so that no more than a block of text is held at once. With an executor the
 * block is cut at a line break near its middle and the two halves are parsed at once; the result
 * is the same either way.
 */
final class CsvReader implements Closeable {
    /** Bytes read per block: large enough that starting a parse costs nothing, small enough to hold twice. */
    static final int BLOCK = 8 << 20;

    private final InputStream in;
    final String source;
    final CsvFormat format;
    private byte[] buf;
    private int start, limit;
    private boolean eof;
    private long bytesRead;
    /** The file's line number (1-based) of the byte at {@code start}. */
    private int line = 1;
    final List<String> header;
    /** The header line's bytes as written (without its line break or a byte-order mark). */
    final byte[] headerBytes;
    final boolean[] text;
    final char separator;
    private final Cells cells, otherCells;
    /** The two chunks each block is parsed into, reused: the caller is done with them when it asks for the next. */
    private final CsvChunk firstHalf, secondHalf;
    /** The raw bytes of the last runs, for {@link CsvChunk#lineStart}. */
    byte[] lastBlock;
    int lastBase;

    CsvReader(InputStream in, String source, CsvFormat format, int block) throws IOException {
        this.in = in;
        this.source = source;
        this.format = format;
        this.buf = new byte[Math.max(block, 1024)];
        fill();
        if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            start = 3; // the byte-order mark spreadsheets put first
        }
        byte[] first = headerLine();
        headerBytes = first;
        if (!Utf8.valid(first, 0, first.length)) {
            throw new IOException(source + ":" + (line - 1) + ": not UTF-8 text");
        }
        separator = format.separatorFor(new String(first, java.nio.charset.StandardCharsets.UTF_8));
        cells = new Cells(separator, format.decimalComma(), format.missing());
        otherCells = new Cells(separator, format.decimalComma(), format.missing());
        header = cells.split(first, 0, first.length);
        if (cells.unclosedQuote) {
            throw new IOException(source + ":" + (line - 1) + ": a quoted field is not closed");
        }
        checkHeader(header);
        text = new boolean[header.size()];
        for (int c = 0; c < text.length; c++) {
            text[c] = format.text().contains(header.get(c));
        }
        firstHalf = new CsvChunk(header.size(), text);
        secondHalf = new CsvChunk(header.size(), text);
    }

    /** The first non-blank line's bytes, past which {@code start} and {@code line} then point. */
    private byte[] headerLine() throws IOException {
        while (true) {
            int end = start;
            while (true) {
                while (end < limit && buf[end] != '\n' && buf[end] != '\r') {
                    end++;
                }
                if (end < limit || eof) {
                    break;
                }
                int offset = end - start;
                compactAndGrow();
                end = start + offset;
                fill();
            }
            if (end == start && end >= limit && eof) {
                throw new IOException(source + ": empty file; expected a header row");
            }
            byte[] text = Arrays.copyOfRange(buf, start, end);
            int next = end < limit && buf[end] == '\r' && end + 1 < limit && buf[end + 1] == '\n' ? end + 2 : end + 1;
            start = Math.min(next, limit);
            line++;
            if (!new String(text, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
                return text;
            }
        }
    }

    private void checkHeader(List<String> names) throws IOException {
        for (int c = 0; c < names.size(); c++) {
            int first = names.indexOf(names.get(c));
            if (first < c) {
                throw new IOException(source + ":" + (line - 1) + ": column " + (c + 1) + " ('" + names.get(c)
                        + "') has the same name as column " + (first + 1) + "; header names must differ");
            }
        }
    }

    /** Bytes read so far. */
    long bytesRead() {
        return bytesRead;
    }

    /**
     * The next block's rows as one or two chunks (two with {@code pool}), or null at the end; the
     * base line of each is in {@link CsvChunk#lines}' numbering plus {@link #lastBase}.
     */
    CsvChunk[] next(ExecutorService pool) throws IOException {
        int end = nextRun();
        if (end < 0) {
            return null;
        }
        int from = start;
        start = end;
        lastBlock = buf;
        lastBase = line;
        int middle = pool == null ? end : lineBreakAfter(from + (end - from) / 2, end);
        CsvChunk[] chunks;
        if (middle >= end) {
            chunks = new CsvChunk[] {CsvChunk.parse(buf, from, end, cells, firstHalf)};
        } else {
            byte[] b = buf;
            Callable<CsvChunk> half = () -> CsvChunk.parse(b, middle, end, otherCells, secondHalf);
            Future<CsvChunk> later = pool.submit(half);
            CsvChunk a = CsvChunk.parse(buf, from, middle, cells, firstHalf);
            chunks = new CsvChunk[] {a, join(later)};
        }
        for (CsvChunk c : chunks) {
            line += c.linesSeen;
        }
        return chunks;
    }

    private static CsvChunk join(Future<CsvChunk> later) throws IOException {
        try {
            return later.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }

    /** The position just past the next line break at or after {@code from}, or {@code end}. */
    private int lineBreakAfter(int from, int end) {
        for (int i = from; i < end; i++) {
            if (buf[i] == '\n') {
                return i + 1;
            }
        }
        return end;
    }

    /** Fills the buffer and answers where its last whole line ends (−1 when nothing is left). */
    private int nextRun() throws IOException {
        while (true) {
            if (!eof) {
                compactAndGrow();
                fill();
            }
            if (eof) {
                return start < limit ? limit : -1;
            }
            for (int i = limit - 1; i >= start; i--) {
                if (buf[i] == '\n') {
                    return i + 1;
                }
            }
            // a full buffer without a line break: the next round doubles it
        }
    }

    /** Moves the unread bytes to the front, and doubles the buffer when they fill it (a line longer than a block). */
    private void compactAndGrow() {
        int n = limit - start;
        byte[] target = n == buf.length ? new byte[buf.length * 2] : buf;
        System.arraycopy(buf, start, target, 0, n);
        buf = target;
        start = 0;
        limit = n;
    }

    private void fill() throws IOException {
        while (limit < buf.length && !eof) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
                bytesRead += n;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
