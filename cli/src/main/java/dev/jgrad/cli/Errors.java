package dev.jgrad.cli;

import dev.jgrad.base.Choices;
import dev.jgrad.io.AtomicFile;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** One line on stderr instead of a stack trace, and the exit code that says whose fault it was. */
final class Errors {
    static final int RUNTIME = 1;
    static final int USAGE = 2;

    private Errors() {
    }

    /** One self-sufficient line: what is wrong, a guess at what was meant, and where the help is. */
    static int usage(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        if (e instanceof UnmatchedArgumentException u && cli.getParent() == null && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            String name = u.getUnmatched().get(0);
            cli.getErr().println("jgrad: unknown command '" + printable(name) + "'"
                    + guess(name, List.copyOf(cli.getSubcommands().keySet()), " (did you mean %s?)") + "; the commands are "
                    + String.join(", ", cli.getSubcommands().keySet()));
            return USAGE;
        }
        String guess = e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                && u.getUnmatched().get(0).startsWith("--") ? guess(u.getUnmatched().get(0).split("=", 2)[0], optionNames(cli), "; did you mean %s?") : "";
        cli.getErr().println("jgrad: " + printable(e.getMessage()) + guess + " (see 'jgrad " + subcommandPath(cli) + "--help')");
        return USAGE;
    }

    /** {@code form} with the one of {@code names} close to {@code name}, else "". */
    private static String guess(String name, List<String> names, String form) {
        String near = Choices.nearest(name, names);
        return near == null ? "" : String.format(form, near);
    }

    private static List<String> optionNames(CommandLine cli) {
        List<String> names = new ArrayList<>();
        for (CommandLine.Model.OptionSpec o : cli.getCommandSpec().options()) {
            names.addAll(List.of(o.names()));
        }
        return names;
    }

    /**
     * The errors a user's input can cause without a bug in jgrad: too big a model for the heap, or
     * something nested too deeply. Anything else is a bug and keeps its stack trace.
     */
    static int fatal(VirtualMachineError e, PrintWriter err) {
        err.println(e instanceof OutOfMemoryError
                ? "jgrad: out of memory (try JGRAD_JAVA_OPTS=-Xmx4g, or a smaller model or dataset)"
                : "jgrad: stack overflow (is the input nested too deeply?)");
        return RUNTIME;
    }

    static int runtime(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (e instanceof IllegalArgumentException) {
            cli.getErr().println("jgrad: " + printable(e.getMessage()));
            return USAGE;
        }
        cli.getErr().println("jgrad: " + printable(message(e instanceof UncheckedIOException u ? u.getCause() : e)));
        return RUNTIME;
    }

    /**
     * The message with control characters (a newline in an expression, a NUL or a byte-order mark
     * read from a file) written as escapes, so that an error stays one readable line on any terminal.
     */
    static String printable(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(message.length());
        message.codePoints().forEach(c -> {
            if (c == '\n') {
                s.append("\\n");
            } else if (c == '\t') {
                s.append("\\t");
            } else if (Character.isISOControl(c) || c == 0xFEFF || Character.getType(c) == Character.FORMAT) {
                s.append(String.format("\\u%04X", c));
            } else {
                s.appendCodePoint(c);
            }
        });
        return s.toString();
    }

    /** The JDK's file errors carry only a path as their message: add what went wrong. */
    private static String message(Exception e) {
        if (e instanceof FileSystemException f && f.getReason() == null) {
            return f.getFile() + ": " + AtomicFile.reason(f);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String subcommandPath(CommandLine cli) {
        StringBuilder path = new StringBuilder();
        for (CommandLine c = cli; c.getParent() != null; c = c.getParent()) {
            path.insert(0, c.getCommandName() + " ");
        }
        return path.toString();
    }
}
