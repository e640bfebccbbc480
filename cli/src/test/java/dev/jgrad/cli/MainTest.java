package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommands() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: jgrad").contains("version");
    }

    @Test
    void bareJgradPrintsTheUsageOnStandardErrorWithExitCodeTwo() {
        Run r = run();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("Usage: jgrad").contains("train", "predict", "demo");
    }

    @Test
    void versionNamesTheRelease() {
        Run r = run("version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("jgrad 0.").contains("Java");
    }

    @Test
    void anUnknownCommandIsOneLineAndExitCodeTwo() {
        Run r = run("frobnicate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: unknown command 'frobnicate'; the commands are train, predict, datasets, "
                + "experiment, demo, graph, bench, version, help" + System.lineSeparator());
    }

    @Test
    void aUsageErrorIsOneLineThatSaysWhereTheHelpIs() {
        Run r = run("train", "--epochs", "many");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: Invalid value for option '--epochs': 'many' is not an int (see 'jgrad train --help')"
                + System.lineSeparator());
    }

    @Test
    void runningOutOfMemoryOrStackIsOneLineAndExitCodeOne() {
        StringWriter err = new StringWriter();
        assertThat(Errors.fatal(new OutOfMemoryError("Java heap space"), new PrintWriter(err, true))).isEqualTo(1);
        assertThat(Errors.fatal(new StackOverflowError(), new PrintWriter(err, true))).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly(
                "jgrad: out of memory (try JGRAD_JAVA_OPTS=-Xmx4g, or a smaller model or dataset)",
                "jgrad: stack overflow (is the input nested too deeply?)");
    }
}
