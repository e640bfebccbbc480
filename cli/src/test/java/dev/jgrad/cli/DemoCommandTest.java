package dev.jgrad.cli;

import static dev.jgrad.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void aShortDemoWritesTheIndexAndPrintsTheAccuracyTable() {
        Path out = dir.resolve("figures");
        MainTest.Run r = run("demo", "--out", out.toString(), "--epochs", "3", "--frame-every", "3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("hidden   train acc").contains("Open file:").contains("index.html");
        assertThat(out.resolve("index.html")).exists();
        assertThat(out.resolve("9_neurons.gif")).exists();
        assertThat(out.resolve("moons.png")).exists();
    }

    @Test
    void anOutThatIsAFileIsAUsageError() throws java.io.IOException {
        Path file = java.nio.file.Files.writeString(dir.resolve("taken"), "x");
        MainTest.Run r = run("demo", "--out", file.toString(), "--epochs", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: --out " + file + ": is a file, not a directory\n");
    }

    @Test
    void anOutThroughAFolderNotYetMadeIsResolvedBeforeAnyWork() {
        MainTest.Run r = run("demo", "--out", dir.resolve("m/nx/../nx2").toString(), "--epochs", "1", "--frame-every", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dir.resolve("m/nx2/index.html")).exists();
        assertThat(dir.resolve("m/nx")).doesNotExist();
    }

    @Test
    void zeroEpochsIsAUsageError() {
        MainTest.Run r = run("demo", "--out", dir.toString(), "--epochs", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("jgrad: epochs must be at least 1");
    }
}
