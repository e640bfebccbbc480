package dev.jgrad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
        assertThatThrownBy(() -> AtomicFile.writeAll(files)).hasMessage(model + ": disk full");
        assertThat(Files.readString(metrics)).isEqualTo("new");
        assertThat(listing()).containsExactlyInAnyOrder(metrics, model);
    }

    @Test
    void aSymbolicLinkIsFollowedAndStaysALink() throws IOException {
        Path real = Files.writeString(Files.createDirectories(dir.resolve("real")).resolve("model.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real", "model.json"));
        AtomicFile.write(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
        assertThat(listing()).containsExactlyInAnyOrder(dir.resolve("real"), link);
    }

    @Test
    void aFifoIsWrittenThroughAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("pipe");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                "mkfifo is not available");
        java.util.concurrent.CompletableFuture<String> reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        AtomicFile.write(fifo, "through the pipe");
        assertThat(reader.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("through the pipe");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();
    }

    @Test
    void aFullDeviceIsAnErrorNamingItAndStaysADevice() {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "no /dev/full here");
        assertThatThrownBy(() -> AtomicFile.write(full, "x".repeat(100_000))).isInstanceOf(IOException.class)
                .hasMessageStartingWith("/dev/full: ");
        assertThat(Files.isRegularFile(full)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", "/dev/stderr"})
    void aPipeReachedThroughTheKernelsLinksIsWrittenThrough(String file) throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/proc/self/fd/1")), "no /proc here");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                "-cp", System.getProperty("java.class.path"), WriteFile.class.getName(), file, "through the pipe")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).isEqualTo("through the pipe");
    }

    @Test
    void aDanglingLinkMakesNoFolderForItsTarget() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("out.csv"), dir.resolve("missing").resolve("out.csv"));
        assertThatThrownBy(() -> AtomicFile.write(link, "x")).isInstanceOf(IOException.class)
                .hasMessageStartingWith(link + ": ");
        assertThat(dir.resolve("missing")).doesNotExist();
    }

    @Test
    void replacingInAFolderOfOursReplacesALinkAndLeavesItsTargetAlone() throws IOException {
        Path theirs = Files.writeString(dir.resolve("theirs.html"), "theirs");
        Path link = Files.createSymbolicLink(dir.resolve("index.html"), theirs);
        AtomicFile.replaceAll(java.util.Map.of(link, t -> Files.writeString(t, "ours")));
        assertThat(Files.readString(theirs)).isEqualTo("theirs");
        assertThat(Files.isSymbolicLink(link)).isFalse();
        assertThat(Files.readString(link)).isEqualTo("ours");
    }

    @Test
    void aTemporaryAbandonedByADeadWriterIsRemovedByTheNextWrite() throws IOException {
        Path model = dir.resolve("model.json");
        Path dead = Files.writeString(dir.resolve(".model.json.2147483646-1.tmp"), "half");
        Path live = Files.writeString(dir.resolve(".model.json." + ProcessHandle.current().pid() + "-999999.tmp"), "busy");
        Path other = Files.writeString(dir.resolve(".other.json.2147483646-1.tmp"), "not ours");
        AtomicFile.write(model, "{}");
        assertThat(listing()).containsExactlyInAnyOrder(model, live, other);
        assertThat(dead).doesNotExist();
    }

    private java.util.List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
