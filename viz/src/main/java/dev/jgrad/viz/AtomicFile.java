package dev.jgrad.viz;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/** Writes a file completely or not at all: into a temporary sibling, then renamed over the target. */
final class AtomicFile {
    interface Writer {
        void write(Path temporary) throws IOException;
    }

    interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    private static final AtomicLong COUNTER = new AtomicLong();

    private AtomicFile() {
    }

    static void write(Path target, Writer writer) {
        Path dir = target.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Files.createDirectories(dir);
            // Named, not created: Files.createTempFile would make it owner-only, and the rename keeps that.
            temporary = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid()
                    + "-" + COUNTER.incrementAndGet() + ".part");
            writer.write(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    static void stream(Path target, StreamWriter writer) {
        write(target, temporary -> {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                writer.write(out);
            }
        });
    }

    static void text(Path target, String text) {
        write(target, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // The rename already succeeded or the write failed for a reason reported above.
            }
        }
    }
}
