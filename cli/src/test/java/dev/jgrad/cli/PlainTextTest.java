package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Under the C locale's ASCII every sign jgrad prints has an ASCII spelling; under UTF-8 none is changed. */
class PlainTextTest {
    @TempDir
    Path dir;

    /** What {@code args} prints, on standard output and error, through PlainText for US-ASCII. */
    private static String printedInAscii(String... args) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(new PlainText(text, StandardCharsets.US_ASCII), true);
        Main.run(args, out, out);
        return text.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "predict", "datasets", "experiment", "demo", "graph", "shell", "bench", "version"})
    void everyCommandsHelpIsAsciiUnderAnAsciiCharset(String command) {
        String help = printedInAscii(command, "--help");
        assertThat(help).contains("Usage: jgrad " + command);
        assertThat(help.chars().filter(c -> c >= 128)).as(help).isEmpty();
    }

    @Test
    void aTrainingRunsReportIsAsciiAndStillSaysWhatItMeans() {
        String report = printedInAscii("train", "--data", "moons", "--epochs", "2", "--out", dir.toString());
        assertThat(report).contains("MLP 2 -> 16 relu -> 16 relu -> 1");
        assertThat(report.chars().filter(c -> c >= 128)).as(report).isEmpty();
    }

    @Test
    void signsTheCharsetCanShowPassUnchanged() {
        PlainText utf8 = new PlainText(new StringWriter(), StandardCharsets.UTF_8);
        PlainText ascii = new PlainText(new StringWriter(), StandardCharsets.US_ASCII);
        String text = "2 → 16 × 3, α·Σp² ≥ 0";
        assertThat(utf8.spell(text)).isEqualTo(text);
        assertThat(ascii.spell(text)).isEqualTo("2 -> 16 x 3, alpha*sum p^2 >= 0");
    }
}
