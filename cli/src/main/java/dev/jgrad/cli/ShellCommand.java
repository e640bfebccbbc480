package dev.jgrad.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;

/**
 * {@code jgrad shell}: JShell with jgrad on the class path and its packages imported, Java's
 * answer to micrograd's notebook: type {@code var c = a.mul(b).named("c"); c.backward(); draw(c)} and look.
 */
@Command(name = "shell", description = {"Start JShell with jgrad's packages imported and draw(v) for a value's graph.",
        "draw(v) writes the graph of v to out/shell/ as SVG (or DOT without Graphviz) and opens it when it can",
        "(set drawings = Path.of(...) for another folder)."},
        footer = {"", "Example:", "  jshell> Value a = Value.of(2, \"a\"), b = Value.of(-3, \"b\");",
            "  jshell> Value c = a.mul(b).named(\"c\"); c.backward(); draw(c)",
            "Type /exit to leave. Needs a JDK (JShell is not in a bare JRE)."})
final class ShellCommand implements Callable<Integer> {
    /**
     * The post's first graph, one snippet a line, as the greeting shows it. A value made by an op has no
     * name of its own (Java cannot see the variable it is assigned to), so {@code named("c")} gives the
     * drawing its label, as the leaves' {@code Value.of(2, "a")} do.
     */
    static final List<String> EXAMPLE = List.of(
            "Value a = Value.of(2, \"a\"), b = Value.of(-3, \"b\");",
            "Value c = a.mul(b).named(\"c\"); c.backward();",
            "draw(c)");

    /** What a person at a terminal reads before JShell's own welcome: what is imported and the post's first graph to type. */
    static String greeting() {
        return "jgrad shell: every jgrad package is imported; draw(v) draws a value's graph. Try:\n"
                + EXAMPLE.stream().map(line -> "  " + line + "\n").collect(Collectors.joining());
    }

    /** Imports and helpers every session starts with; JShell's own DEFAULT (java.util.* …) comes first. */
    static final String STARTUP = """
            import dev.jgrad.base.*;
            import dev.jgrad.data.*;
            import dev.jgrad.engine.*;
            import dev.jgrad.io.*;
            import dev.jgrad.loss.*;
            import dev.jgrad.nn.*;
            import dev.jgrad.optim.*;
            import dev.jgrad.tensor.*;
            import dev.jgrad.train.*;
            import dev.jgrad.viz.*;
            Path drawings = Path.of("out", "shell");
            int drawn = 0;
            /** Writes v's graph to drawings/graph-N.svg (.dot without Graphviz), opens it if it can, returns the file. */
            Path draw(Value v) throws Exception {
                Files.createDirectories(drawings);
                Path file = Graphviz.find().write(Dot.of(v), drawings.resolve("graph-" + (++drawn) + ".svg"));
                boolean shown = false;
                if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
                        && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                    java.awt.Desktop.getDesktop().open(file.toFile());
                    shown = true;
                }
                System.out.println((shown ? "opened " : "wrote ") + file);
                return file;
            }
            """;

    @Override
    public Integer call() throws Exception {
        return System.console() != null ? interactive(System.in, System.out, System.err) : run(System.in, System.out, System.err);
    }

    /**
     * Runs the piped script on {@code in} (see {@link ShellScript}): 0 when every snippet ran, 1 at the
     * first that failed, or /exit's code.
     */
    static int run(InputStream in, PrintStream out, PrintStream err) throws Exception {
        return ShellScript.run(in, out, err, System.getProperty("java.class.path"), STARTUP);
    }

    /**
     * JShell's own tool for a person at a terminal, with its history and editing. Its snippets run in
     * this JVM ({@code --execution local}): JShell's default is a second JVM, which a kill of this one
     * would leave running. The snippets' output, like the tool's, is standard output.
     */
    private static int interactive(InputStream in, PrintStream out, PrintStream err) throws Exception {
        out.print(greeting());
        Path startup = Files.createTempFile("jgrad-shell", ".jsh");
        try {
            Files.writeString(startup, STARTUP);
            // The JVM running jgrad has it on its class path (the shaded jar); JShell's compiler needs it too.
            String classPath = System.getProperty("java.class.path");
            return JavaShellToolBuilder.builder().in(in, null).out(out, out, out).err(err, err)
                    .start("--execution", "local", "--class-path", classPath, "--startup", "DEFAULT", "--startup", startup.toString());
        } finally {
            delete(startup);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }
}
