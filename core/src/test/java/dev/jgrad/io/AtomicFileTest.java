package dev.jgrad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void aTargetThatIsADirectoryIsNamedWithoutTheTemporaryFile() throws IOException {
        Path target = Files.createDirectories(dir.resolve("model.json"));
        Files.writeString(target.resolve("inside"), "x");
        assertThatThrownBy(() -> AtomicFile.write(target, "{}")).isInstanceOf(IOException.class)
                .hasMessage(target + ": is a directory");
        assertThat(listing()).containsExactly(target);
    }

    @Test
    void filesWrittenTogetherAreAllLeftOldWhenOneCannotBeWritten() throws IOException {
        Path metrics = Files.writeString(dir.resolve("metrics.csv"), "old");
        Path model = Files.writeString(dir.resolve("model.json"), "old");
        AtomicFile.writeAll(AtomicFile.texts(metrics, "new", model, "new"));
        assertThat(Files.readString(metrics)).isEqualTo("new");
        assertThat(Files.readString(model)).isEqualTo("new");

        java.util.Map<Path, AtomicFile.Content> files = AtomicFile.texts(metrics, "newer", model, "newer");
        files.put(model, temporary -> {
            throw new IOException("disk full");
        });
        assertThatThrownBy(() -> AtomicFile.writeAll(files)).hasMessage("disk full");
        assertThat(Files.readString(metrics)).isEqualTo("new");
        assertThat(listing()).containsExactlyInAnyOrder(metrics, model);
    }

    private java.util.List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
