package dev.jgrad.viz;

import dev.jgrad.io.AtomicFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a picture (or the page that shows pictures) atomically, through {@link AtomicFile}: a
 * failure becomes one unchecked message naming the file.
 */
public final class PictureFile {
    interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    private PictureFile() {
    }

    static void write(Path target, AtomicFile.Content content) {
        try {
            AtomicFile.write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    static void stream(Path target, StreamWriter writer) {
        write(target, temporary -> {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                writer.write(out);
            }
        });
    }

    /** Writes {@code text} as UTF-8 to {@code target}. */
    public static void text(Path target, String text) {
        write(target, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
    }
}
