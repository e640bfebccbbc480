package dev.jgrad.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {
    @TempDir
    Path dir;

    private static Map<String, String> pair(String run) {
        return PublishLoop.pair(run);
    }

    @Test
    void eachRunIsSwitchedInWholeAndRunsReplacedLongAgoAreRemoved() throws IOException {
        RunFiles.publish(dir, pair("one"));
        Path runs = dir.resolve(RunFiles.RUNS);
        Path first = runs.resolve(Files.readSymbolicLink(runs.resolve("current")));
        RunFiles.publish(dir, pair("two"));
        // The run replaced a moment ago is kept for readers still opening it, then removed.
        assertThat(first).exists();
        agePastGrace(dir);
        RunFiles.publish(dir, pair("three"));
        assertThat(first).doesNotExist();
        assertThat(Files.readString(dir.resolve("model.json"))).isEqualTo("model of three");
        assertThat(Files.readString(dir.resolve("metrics.csv"))).isEqualTo("metrics of three");
        assertThat(Files.isSymbolicLink(dir.resolve("model.json"))).isTrue();
        assertThat(names(runs)).hasSize(4).contains("current", ".lock");
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
    void aLinkOfSomeoneElsesAtANameIsReplacedNotFollowed() throws IOException {
        Path elsewhere = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("m.json"), "x");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("model.json"), elsewhere);
        RunFiles.publish(out, pair("one"));
        assertThat(Files.readString(elsewhere)).isEqualTo("x");
        assertThat(Files.readString(out.resolve("model.json"))).isEqualTo("model of one");
        assertThat(Files.readString(out.resolve("metrics.csv"))).isEqualTo("metrics of one");
    }

    @Test
    void aDanglingLinkAtANameCreatesNothingWhereItPoints() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path nowhere = dir.resolve("missing").resolve("dir").resolve("model.json");
        Files.createSymbolicLink(out.resolve("model.json"), nowhere);
        RunFiles.publish(out, pair("one"));
        assertThat(dir.resolve("missing")).doesNotExist();
        assertThat(Files.readString(out.resolve("model.json"))).isEqualTo("model of one");
    }

    @Test
    void oldFilesInAnotherEncodingAreKeptAsBytesUntilReplaced() throws IOException {
        byte[] latin1 = "caf\u00e9;na\u00efve".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("metrics.csv"), latin1);
        Files.write(dir.resolve("model.json"), latin1);
        RunFiles.publish(dir, pair("new"));
        assertThat(Files.readString(dir.resolve("model.json"))).isEqualTo("model of new");
        assertThat(Files.readString(dir.resolve("metrics.csv"))).isEqualTo("metrics of new");
    }

    @Test
    void aFileThatCannotBeWrittenIsNamedAndLeavesNoHalfMadeRun() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no POSIX shell here");
        RunFiles.publish(dir, pair("old"));
        // ulimit -f 4: no file over 4 KiB, as on a full disk; the JVM ignores SIGXFSZ, so write fails.
        Process p = new ProcessBuilder("/bin/sh", "-c", "ulimit -f 4; exec \"$0\" \"$@\"", java(), "-XX:-UsePerfData",
                "-cp", System.getProperty("java.class.path"), PublishLoop.class.getName(), dir.toString(), "x".repeat(10_000), "1")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isNotZero();
        assertThat(out).contains(dir.resolve("model.json") + ": file too large");
        assertThat(names(dir.resolve(RunFiles.RUNS))).noneMatch(n -> n.startsWith(".partial-"));
        assertThat(Files.readString(dir.resolve("model.json"))).isEqualTo("model of old");
    }

    @Test
    void writersInThreadsEachLeaveAWholePairAndTheLastOneWins() throws Exception {
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 0; round < 40; round++) {
                CyclicBarrier start = new CyclicBarrier(writers);
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    String run = round + "-" + w;
                    done.add(pool.submit(() -> {
                        start.await();
                        RunFiles.publish(dir, pair(run));
                        assertThat(Files.readString(dir.resolve("model.json"))).startsWith("model of ");
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                assertWholePair(dir);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void writersInTwoProcessesEachLeaveAWholePair() throws Exception {
        List<Process> writers = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            writers.add(new ProcessBuilder(java(), "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"),
                    PublishLoop.class.getName(), dir.toString(), name, "150").redirectErrorStream(true).start());
        }
        for (int w = 0; w < 2; w++) {
            RunFiles.publish(dir, pair("main-" + w));
        }
        for (Process p : writers) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isZero();
        }
        assertWholePair(dir);
        agePastGrace(dir);
        RunFiles.publish(dir, pair("last"));
        // the last run and the one it replaced, whose readers may still be opening it
        assertThat(names(dir.resolve(RunFiles.RUNS))).hasSize(4).contains("current", ".lock");
    }

    /** Every run folder as if it had been replaced longer ago than the grace period. */
    private static void agePastGrace(Path dir) throws IOException {
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 2 * RunFiles.GRACE_MILLIS);
        try (Stream<Path> runs = Files.list(dir.resolve(RunFiles.RUNS))) {
            for (Path run : runs.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                Files.setLastModifiedTime(run, old);
            }
        }
    }

    /** model.json and metrics.csv are of the same run, the current one's. */
    private static void assertWholePair(Path dir) throws IOException {
        String model = Files.readString(dir.resolve("model.json"));
        assertThat(model).startsWith("model of ");
        assertThat(Files.readString(dir.resolve("metrics.csv"))).isEqualTo("metrics of " + model.substring("model of ".length()));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> names(Path p) throws IOException {
        try (Stream<Path> s = Files.list(p)) {
            return s.map(f -> f.getFileName().toString()).toList();
        }
    }
}
