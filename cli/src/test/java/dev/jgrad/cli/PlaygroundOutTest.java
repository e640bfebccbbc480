package dev.jgrad.cli;

import static dev.jgrad.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jgrad playground}'s options: the site written with --out, and the usage errors. */
class PlaygroundOutTest {
    @TempDir
    Path dir;

    @Test
    void outWritesEveryFileTheJarHolds() throws IOException {
        Path out = dir.resolve("site");
        MainTest.Run r = run("playground", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Site site = Site.load();
        assertThat(r.out()).contains("Wrote the playground's " + site.size() + " files to " + out);
        for (String name : site.names()) {
            assertThat(Files.readAllBytes(out.resolve(name))).as(name).isEqualTo(site.file(name));
        }
        try (var files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(site.size());
        }
    }

    @Test
    void outMayReplaceASiteWrittenBefore() {
        Path out = dir.resolve("site");
        assertThat(run("playground", "--out", out.toString()).code()).isZero();
        MainTest.Run again = run("playground", "--out", out.toString());
        assertThat(again.code()).as(again.err()).isZero();
    }

    @Test
    void linksInASiteFolderAreReplacedAndWhatTheyNamedIsLeftAlone() throws IOException {
        Path out = dir.resolve("site");
        assertThat(run("playground", "--out", out.toString()).code()).isZero();
        Path mine = Files.writeString(dir.resolve("mine.txt"), "mine");
        for (String name : new String[] {"index.html", "engine.js"}) {
            Files.delete(out.resolve(name));
            Files.createSymbolicLink(out.resolve(name), mine);
        }
        MainTest.Run r = run("playground", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(mine)).isEqualTo("mine");
        assertThat(Files.isSymbolicLink(out.resolve("index.html"))).isFalse();
        assertThat(Files.readAllBytes(out.resolve("engine.js"))).isEqualTo(Site.load().file("engine.js"));
    }

    @Test
    void anOutThroughAFolderNotYetMadeIsResolved() {
        MainTest.Run r = run("playground", "--out", dir.resolve("m/nx/../nx2").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dir.resolve("m/nx2/index.html")).exists();
        assertThat(dir.resolve("m/nx")).doesNotExist();
    }

    @Test
    void outRefusesAFolderWithSomeoneElsesFiles() throws IOException {
        Files.writeString(dir.resolve("thesis.tex"), "mine");
        MainTest.Run r = run("playground", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: --out " + dir + ": is not empty and holds no playground written before; "
                + "give a new or empty folder\n");
        assertThat(dir.resolve("index.html")).doesNotExist();
    }

    @Test
    void anEmptyOutIsAUsageError() {
        MainTest.Run r = run("playground", "--out", "");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("jgrad: ").contains("empty path");
    }

    @Test
    void anOutThatIsAFileIsAUsageError() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        MainTest.Run r = run("playground", "--out", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: --out " + file + ": is a file, not a directory\n");
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        MainTest.Run r = run("playground", "--port", "70000");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("jgrad: --port 70000 is not a port");
    }

    @Test
    void outWithPortIsAUsageError() {
        MainTest.Run r = run("playground", "--out", dir.toString(), "--port", "9000");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("jgrad: --out writes files and serves nothing");
    }
}
