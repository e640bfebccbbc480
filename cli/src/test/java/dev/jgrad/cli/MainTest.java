package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
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
        assertThat(r.err()).isEqualTo("jgrad: unknown command 'frobnicate'; the commands are train, predict, export, import, serve, datasets, "
                + "experiment, demo, graph, shell, bench, playground, version, help" + System.lineSeparator());
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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "demo -o ''", "train --out ''", "train --csv ''", "predict --model m.json --input in.csv -o ''",
        "predict --model '' --input in.csv"})
    void anEmptyPathIsAUsageError(String command) {
        String[] args = java.util.Arrays.stream(command.split(" ")).map(a -> a.equals("''") ? "" : a).toArray(String[]::new);
        Run r = run(args);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("an empty path names no file or directory").hasLineCount(1);
    }

    @org.junit.jupiter.api.Test
    void anOutputFileThatIsADirectoryIsAUsageError() {
        Run r = run("graph", "a", "--set", "a=1", "-o", "/");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: -o /: is a directory; give a file, e.g. -o graph.svg" + System.lineSeparator());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"version", "datasets", "--help", "graph a*b --set a=1,b=2"})
    void aFailedWriteToStandardOutputExitsOneWithALine(String command) throws Exception {
        java.io.File full = new java.io.File("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(full.exists(), "no /dev/full here");
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "dev.jgrad.cli.Main"));
        cmd.addAll(java.util.List.of(command.split(" ")));
        Process p = new ProcessBuilder(cmd).redirectOutput(full).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(err).isEqualTo(1);
        assertThat(err).isEqualTo("jgrad: could not write to standard output: No space left on device" + System.lineSeparator());
    }

    @Test
    void controlCharactersInAMessageAreEscapedSoItStaysOneLine() {
        Run r = run("graph", "a +\n\u0000");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).hasLineCount(1).contains("\\u0000").doesNotContain("\u0000");
    }

    @Test
    void aNegativeMatmulSizeIsAUsageError() {
        Run r = run("bench", "--matmul", "-5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: --matmul sizes must be ≥ 1, or 0 for none; got -5" + System.lineSeparator());
    }

    @Test
    void aModelTooBigForTheHeapIsRefusedAtOnceWithAdvice() {
        Run r = run("train", "--hidden", "100000,100000", "--epochs", "1", "--progress", "none", "--out", "unused-out");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("jgrad: --hidden 100000,100000 (10,000,")
                .contains("parameters) needs more memory than the").contains("JGRAD_JAVA_OPTS=-Xmx").hasLineCount(1);
        assertThat(Path.of("unused-out")).doesNotExist();
    }

    @Test
    void aFileTooBigForTheHeapIsNamedBeforeItIsRead(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        Path big = dir.resolve("big.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(Runtime.getRuntime().maxMemory());   // sparse: no disk is used
        }
        Path input = java.nio.file.Files.writeString(dir.resolve("in.csv"), "x,y\n1,2\n");
        Run r = run("predict", "--model", big.toString(), "--input", input.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("jgrad: " + big + " (").contains("needs more memory than the").hasLineCount(1);
    }
}
