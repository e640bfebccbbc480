package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A script piped into jgrad shell: the post's c = a·b, typed as a learner would, with jgrad imported and draw(c). */
class ShellCommandTest {
    @TempDir
    Path dir;

    @Test
    void aPipedScriptBuildsDifferentiatesAndDrawsTheGraph() throws Exception {
        String folder = dir.toString().replace("\\", "\\\\");
        String script = String.join("\n",
                "drawings = Path.of(\"" + folder + "\");",
                "Value a = Value.of(2, \"a\"), b = Value.of(-3, \"b\");",
                "Value c = a.mul(b); c.backward();",
                "System.out.println(\"grads \" + a.grad() + \" \" + b.grad());",
                "Path file = draw(c);",
                "MLP model = new MLP(2, List.of(4, 1), Activation.TANH, new Rng(1));",
                "System.out.println(\"parameters \" + model.parameters().size());",
                "/exit", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = ShellCommand.run(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), print, print);

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isZero();
        assertThat(printed).contains("grads -3.0 2.0", "parameters 17").doesNotContain("cannot find symbol");
        try (var files = Files.list(dir)) {
            Path drawn = files.filter(p -> p.getFileName().toString().startsWith("graph-1.")).findFirst().orElseThrow();
            // c = -6 with gradient 1; SVG spells the minus as an entity, DOT (without Graphviz) as it is
            assertThat(Files.readString(drawn)).contains("grad 1.0000").containsAnyOf("data -6.0000", "data &#45;6.0000");
        }
    }

    @Test
    void theGreetingsExampleNamesCAndItsDrawingShowsTheLabels() throws Exception {
        assertThat(ShellCommand.greeting()).contains("Value c = a.mul(b).named(\"c\"); c.backward();", "draw(c)");
        String folder = dir.toString().replace("\\", "\\\\");
        Session s = pipe("drawings = Path.of(\"" + folder + "\");\n" + String.join("\n", ShellCommand.EXAMPLE)
                + "\nSystem.out.println(c);\n");
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(s.out()).contains("Value(c, data=-6.0, grad=1.0)");
        try (var files = Files.list(dir)) {
            Path drawn = files.filter(p -> p.getFileName().toString().startsWith("graph-1.")).findFirst().orElseThrow();
            // every box of the post's c = a·b carries its name: a, b and c
            assertThat(Files.readString(drawn)).contains(">a<", ">b<", ">c<");
        }
    }

    private record Session(int code, String out, String err) {
    }

    private static Session pipe(byte[] script) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ShellCommand.run(new ByteArrayInputStream(script), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Session(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Session pipe(String script) throws Exception {
        return pipe(script.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSnippetsOutputAndDrawsMessageGoToStandardOutput() throws Exception {
        String folder = dir.toString().replace("\\", "\\\\");
        Session s = pipe("drawings = Path.of(\"" + folder + "\");\nSystem.out.println(\"hello\");\ndraw(Value.of(1).add(2));\n1 + 1\n");
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(s.out()).contains("hello\n").contains("wrote " + dir.resolve("graph-1.")).contains("==> 2");
        assertThat(s.err()).isEmpty();
    }

    @Test
    void aLineLongerThanEightKilobytesRuns() throws Exception {
        Session s = pipe("String s = \"" + "x".repeat(9000) + "\";\nSystem.out.println(s.length());\n");
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(s.out()).contains("9000");
    }

    @Test
    void aFailingSnippetStopsTheScriptWithOneLineAndExitCodeOne() throws Exception {
        Session thrown = pipe("int a = 1;\nthrow new IllegalStateException(\"boom\");\nSystem.out.println(\"after\");\n");
        assertThat(thrown.code()).isEqualTo(1);
        assertThat(thrown.err()).isEqualTo("jgrad shell: line 2: java.lang.IllegalStateException: boom\n");
        assertThat(thrown.out()).doesNotContain("after");
        Session refused = pipe("Value v = Value.of(1);\nv.nosuch();\n");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).startsWith("jgrad shell: line 2: cannot find symbol").hasLineCount(1);
    }

    @Test
    void binaryInputIsOneLineNotAStackTrace() throws Exception {
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        Session s = pipe(noise);
        assertThat(s.code()).isEqualTo(1);
        assertThat(s.err()).startsWith("jgrad shell: line ").hasLineCount(1).doesNotContain("Exception\n\tat");
    }

    @Test
    void exitTakesACode() throws Exception {
        assertThat(pipe("/exit 3\n").code()).isEqualTo(3);
        Session other = pipe("/vars\n");
        assertThat(other.code()).isEqualTo(1);
        assertThat(other.err()).contains("a piped script takes Java snippets and /exit [code], not '/vars'");
    }

    /** In its own JVM: System.exit ends it with that code, and no second JVM runs the snippets to outlive a kill. */
    @Test
    void systemExitInASnippetIsTheExitCodeAndNoSecondJvmRuns() throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.jgrad.cli.Main", "shell");
        Process exits = new ProcessBuilder(cmd).start();
        exits.getOutputStream().write("System.exit(3);\n".getBytes(StandardCharsets.UTF_8));
        exits.getOutputStream().close();
        assertThat(exits.waitFor()).isEqualTo(3);

        Process loops = new ProcessBuilder(cmd).start();
        loops.getOutputStream().write("System.out.println(\"looping\"); while (true) { }\n".getBytes(StandardCharsets.UTF_8));
        loops.getOutputStream().flush();
        java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(loops.getInputStream(), StandardCharsets.UTF_8));
        assertThat(lines.readLine()).isEqualTo("looping");
        assertThat(loops.descendants().count()).isZero();
        loops.destroy();   // SIGTERM
        assertThat(loops.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
}
