package dev.jgrad.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {
    @TempDir
    Path dir;

    private static Map<String, String> pair(String run) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("model.json", "model of " + run);
        files.put("metrics.csv", "metrics of " + run);
        return files;
    }

    @Test
    void eachRunIsSwitchedInWholeAndOnlyTheCurrentOneIsKept() throws IOException {
        RunFiles.publish(dir, pair("one"));
        RunFiles.publish(dir, pair("two"));
        assertThat(Files.readString(dir.resolve("model.json"))).isEqualTo("model of two");
        assertThat(Files.readString(dir.resolve("metrics.csv"))).isEqualTo("metrics of two");
        assertThat(Files.isSymbolicLink(dir.resolve("model.json"))).isTrue();
        assertThat(names(dir.resolve(RunFiles.RUNS))).hasSize(2).contains("current");
        assertThat(names(dir)).containsExactlyInAnyOrder("model.json", "metrics.csv", RunFiles.RUNS);
    }

    @Test
    void filesWrittenInPlaceByAnOlderJgradAreReplacedAsAPair() throws IOException {
        Files.writeString(dir.resolve("model.json"), "old model");
        Files.writeString(dir.resolve("metrics.csv"), "old metrics");
        RunFiles.publish(dir, pair("new"));
        assertThat(Files.readString(dir.resolve("model.json"))).isEqualTo("model of new");
        assertThat(Files.readString(dir.resolve("metrics.csv"))).isEqualTo("metrics of new");
    }

    @Test
    void aWriterKilledMidRunLeavesThePreviousPairWhichTheNextRunTidiesAway() throws IOException {
        RunFiles.publish(dir, pair("one"));
        // What a kill -9 leaves: a half-written run of a process that is gone, never switched in.
        Path partial = Files.createDirectories(dir.resolve(RunFiles.RUNS).resolve(".partial-1-2147483646-1"));
        Files.writeString(partial.resolve("model.json"), "model of a killed run");
        assertThat(Files.readString(dir.resolve("model.json"))).isEqualTo("model of one");
        assertThat(Files.readString(dir.resolve("metrics.csv"))).isEqualTo("metrics of one");
        RunFiles.publish(dir, pair("two"));
        assertThat(partial).doesNotExist();
        assertThat(Files.readString(dir.resolve("metrics.csv"))).isEqualTo("metrics of two");
    }

    @Test
    void aNameThatIsSomethingElseIsWrittenThroughAsBefore() throws IOException {
        Path elsewhere = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("m.json"), "x");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("model.json"), elsewhere);
        RunFiles.publish(out, pair("one"));
        assertThat(Files.readString(elsewhere)).isEqualTo("model of one");
        assertThat(Files.readString(out.resolve("metrics.csv"))).isEqualTo("metrics of one");
        assertThat(out.resolve(RunFiles.RUNS)).doesNotExist();
    }

    private static List<String> names(Path p) throws IOException {
        try (Stream<Path> s = Files.list(p)) {
            return s.map(f -> f.getFileName().toString()).toList();
        }
    }
}
