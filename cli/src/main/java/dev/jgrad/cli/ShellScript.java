package dev.jgrad.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * {@code jgrad shell} on piped input: the snippets run one by one as JShell would run them, in this
 * JVM (no second one to outlive a kill), and the script stops at the first that fails, with one line
 * naming its line and an exit code of 1, as a shell script under {@code set -e}. The snippets'
 * {@code System.out} is standard output; a bare expression's value is printed as JShell prints it
 * ({@code $1 ==> 2}). {@code /exit} (or {@code /exit N}) ends the script; no other command is taken. No
 * history is kept.
 */
final class ShellScript {
    /** JShell's own DEFAULT startup: the imports a session has before jgrad's. */
    static final String DEFAULT_IMPORTS = """
            import java.io.*;
            import java.math.*;
            import java.net.*;
            import java.nio.file.*;
            import java.util.*;
            import java.util.concurrent.*;
            import java.util.function.*;
            import java.util.prefs.*;
            import java.util.regex.*;
            import java.util.stream.*;
            """;

    private final JShell shell;
    private final PrintStream out;
    private final PrintStream err;
    private int line;

    private ShellScript(JShell shell, PrintStream out, PrintStream err) {
        this.shell = shell;
        this.out = out;
        this.err = err;
    }

    /** Runs the script on {@code in}; 0 when every snippet ran, 1 at the first that did not, or /exit's code. */
    static int run(InputStream in, PrintStream out, PrintStream err, String classPath, String startup) throws IOException {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        // Snippets run in this JVM and print to System.out and System.err themselves.
        System.setOut(out);
        System.setErr(err);
        try (JShell shell = JShell.builder().executionEngine("local").out(out).err(err).build()) {
            shell.addToClasspath(classPath);
            ShellScript script = new ShellScript(shell, out, err);
            if (!script.evalAll(DEFAULT_IMPORTS + startup)) {
                return Errors.RUNTIME;
            }
            script.line = 0;
            return script.read(in);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    /** Reads and runs the input line by line, as JShell does: a snippet runs once its last line is read. */
    private int read(InputStream in) throws IOException {
        // Bytes that are not UTF-8 (a binary file piped in) become U+FFFD, which the compiler then refuses by line.
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
        StringBuilder pending = new StringBuilder();
        int first = 1;
        for (String text; (text = reader.readLine()) != null; ) {
            line++;
            if (pending.toString().isBlank()) {
                pending.setLength(0);
                first = line;
                String t = text.strip();
                if (t.startsWith("/") && !t.startsWith("//") && !t.startsWith("/*")) {
                    return command(t);
                }
            }
            pending.append(text).append('\n');
            String rest = evalComplete(pending.toString(), first, false);
            if (rest == null) {
                return Errors.RUNTIME;
            }
            if (!rest.equals(pending.toString())) {
                pending.setLength(0);
                pending.append(rest);
                first = line;
            }
        }
        return evalComplete(pending.toString(), first, true) == null ? Errors.RUNTIME : 0;
    }

    /** /exit [N]: its code; any other command is refused, with exit code 1. */
    private int command(String text) {
        String[] words = text.split("\\s+");
        if (words[0].equals("/exit") && words.length <= 2) {
            try {
                return words.length == 1 ? 0 : Integer.parseInt(words[1]);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        err.println("jgrad shell: line " + line + ": a piped script takes Java snippets and /exit [code], not '"
                + Errors.printable(text) + "'");
        return Errors.RUNTIME;
    }

    /**
     * Runs every complete snippet at the start of {@code source} and returns what is left (an unfinished
     * snippet), or null once one fails. At the end of the input an unfinished snippet runs too (and fails).
     */
    private String evalComplete(String source, int from, boolean atEnd) {
        String rest = source;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
            SourceCodeAnalysis.Completeness c = info.completeness();
            boolean unfinished = c == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
                    || c == SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE;
            if (unfinished && !atEnd) {
                return rest;
            }
            String snippet = unfinished || info.source() == null ? rest : info.source();
            if (!eval(snippet, from)) {
                return null;
            }
            rest = unfinished || info.source() == null ? "" : info.remaining();
        }
        return "";
    }

    private boolean evalAll(String source) {
        return evalComplete(source, 1, true) != null;
    }

    /** Runs one snippet; false (after one line on stderr) when it is refused or throws. */
    private boolean eval(String snippet, int from) {
        for (SnippetEvent e : shell.eval(snippet)) {
            if (e.causeSnippet() != null) {
                continue;   // an earlier snippet updated by this one: not what was typed
            }
            if (e.status() == Snippet.Status.REJECTED) {
                String why = shell.diagnostics(e.snippet()).filter(Diag::isError).map(d -> d.getMessage(Locale.ROOT))
                        .findFirst().orElse("not a Java snippet");
                return fail(from, why.lines().findFirst().orElse(why));
            }
            if (e.exception() != null) {
                String type = e.exception() instanceof EvalException x ? x.getExceptionClassName()
                        : e.exception().getClass().getSimpleName();
                return fail(from, type + (e.exception().getMessage() == null ? "" : ": " + e.exception().getMessage()));
            }
            if (e.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND && e.value() != null) {
                out.println(((jdk.jshell.VarSnippet) e.snippet()).name() + " ==> " + e.value());
            }
        }
        return true;
    }

    private boolean fail(int from, String why) {
        out.flush();
        err.println("jgrad shell: line " + from + ": " + Errors.printable(why));
        return false;
    }
}
