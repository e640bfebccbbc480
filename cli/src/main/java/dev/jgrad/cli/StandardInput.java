package dev.jgrad.cli;

import dev.jgrad.io.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --input -}: a CSV read from standard input, as {@code -o -} writes to standard output. */
final class StandardInput {
    private StandardInput() {
    }

    /**
     * The CSV on {@code in}, read to its end. The reader takes files, so the text passes through a
     * temporary one, deleted at once; its messages name "-" (standard input) instead.
     */
    static Csv csv(InputStream in) throws IOException {
        Path dir = Files.createTempDirectory("jgrad-stdin");
        Path file = dir.resolve("stdin.csv");
        try {
            Files.copy(in, file);
            Csv read = Csv.read(file);
            return new Csv(Path.of("-"), read.header(), read.rows());
        } catch (IOException e) {
            String message = e.getMessage() == null ? "" : e.getMessage().replace(file.toString(), "-");
            throw new IOException(message, e);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
