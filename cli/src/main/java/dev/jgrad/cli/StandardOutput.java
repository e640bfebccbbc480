package dev.jgrad.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Standard output that remembers why its first write failed. {@code System.out} swallows write errors
 * and keeps only a flag, so a full disk and a closed pipe would look alike; they are not: a reader that
 * closed the pipe ({@code jgrad datasets | head -1}) has all it wanted, and the command ends quietly as
 * coreutils' do, while a full disk loses output and is an error.
 */
final class StandardOutput extends FilterOutputStream {
    private volatile IOException failure;

    StandardOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private IOException failed(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /** Whether a write failed because the reading end of the pipe was closed (EPIPE: "Broken pipe" on Linux). */
    boolean pipeClosed() {
        IOException e = failure;
        return e != null && e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("pipe");
    }

    /** Why the first write failed ("No space left on device"), or null when none did. */
    String reason() {
        IOException e = failure;
        return e == null ? null : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
