package dev.jgrad.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV read a block at a time, for work that goes row by row (predicting, converting): each
 * {@link #next} is a {@link Table} of the next few thousand rows, and {@link #line} gives back a
 * row's text as written, so that a file of any length passes through in the memory of one block.
 * The rules and messages are {@link Table#read}'s; the kind of a column (numbers or text) is decided
 * block by block.
 */
public final class TableStream implements Closeable {
    private final CsvReader reader;
    private CsvChunk[] last;

    private TableStream(CsvReader reader) {
        this.reader = reader;
    }

    /**
     * Opens {@code file} and reads its header.
     *
     * @param file a CSV file with a header
     * @param format how the cells are separated and read
     * @return the stream, its header read
     * @throws IOException when it cannot be read or parsed; the message names the source and the line
     */
    public static TableStream open(Path file, CsvFormat format) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory");
        }
        try {
            return open(Files.newInputStream(file), file.toString(), format);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file");
        }
    }

    /**
     * Reads the header of what {@code in} streams; messages start with {@code source}. Closing closes {@code in}.
     *
     * @param in the CSV bytes, UTF-8, header first
     * @param source the name messages give
     * @param format how the cells are separated and read
     * @return the stream, its header read
     * @throws IOException when it cannot be read or parsed; the message names the source and the line
     */
    public static TableStream open(InputStream in, String source, CsvFormat format) throws IOException {
        return open(in, source, format, CsvReader.BLOCK);
    }

    /** With blocks of about {@code block} bytes (a test's small ones). */
    static TableStream open(InputStream in, String source, CsvFormat format, int block) throws IOException {
        try {
            return new TableStream(new CsvReader(in, source, format, block));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** {@return the header's names} */
    public List<String> names() {
        return reader.header;
    }

    /** {@return the header line as written} */
    public String header() {
        return new String(reader.headerBytes, StandardCharsets.UTF_8);
    }

    /** {@return the character between cells: the format's, or the one the header showed} */
    public char separator() {
        return reader.separator;
    }

    /** {@return whether the format reads {@code 1,5} as one and a half} */
    public boolean decimalComma() {
        return reader.format.decimalComma();
    }

    /**
     * The next block's rows, or null after the last; an IOException names the file and line of a problem in it.
     *
     * @return the block, or null
     * @throws IOException when it cannot be read or parsed; the message names the source and the line
     */
    public Table next() throws IOException {
        CsvChunk[] chunks = reader.next(null);
        if (chunks == null) {
            last = null;
            return null;
        }
        TableBuilder b = new TableBuilder(reader.source, reader.header, reader.text);
        b.add(chunks, reader.lastBase, null);
        last = chunks;
        return b.finish();
    }

    /**
     * Row {@code row} of the last {@link #next} table as its line was written (without the line break).
     *
     * @param row the row in the last block, from 0
     * @return its text
     */
    public String line(int row) {
        for (CsvChunk c : last) {
            if (row < c.rows) {
                return new String(reader.lastBlock, c.lineStart[row], c.lineEnd[row] - c.lineStart[row], StandardCharsets.UTF_8);
            }
            row -= c.rows;
        }
        throw new IndexOutOfBoundsException("row " + row + " is past the last block's rows");
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
