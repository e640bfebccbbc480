package dev.jgrad.viz;

import dev.jgrad.io.AtomicFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** core's {@link AtomicFile} for pictures: a failure becomes one unchecked message naming the file. */
final class Output {
    interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    private Output() {
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

    static void text(Path target, String text) {
        write(target, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
    }
}
