package dev.jgrad.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file so that a crash leaves the old file or the new one, never half of one: the content
 * goes to a temporary file beside the target, which then replaces it by a rename.
 */
public final class AtomicFile {
    private static final AtomicLong COUNTER = new AtomicLong();

    /** Fills the temporary file; it replaces the target only if this returns normally. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes {@code text} (UTF-8) to {@code file}, creating its directory if needed. */
    public static void write(Path file, String text) throws IOException {
        write(file, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
    }

    /**
     * Lets {@code content} write a temporary file beside {@code file} (it may also hand the path to
     * another program), then renames it over {@code file}; on failure the temporary file is deleted.
     */
    public static void write(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Named, not created: Files.createTempFile would make it owner-only, and the rename keeps that.
        Path temp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + COUNTER.incrementAndGet() + ".tmp");
        try {
            content.writeTo(temp);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
