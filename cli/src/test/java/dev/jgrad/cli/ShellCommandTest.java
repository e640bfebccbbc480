package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
