package dev.jgrad.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** One line on stderr instead of a stack trace, and the exit code that says whose fault it was. */
final class Errors {
    static final int RUNTIME = 1;
    static final int USAGE = 2;

    private Errors() {
    }

    static int usage(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("jgrad: " + e.getMessage());
        cli.getErr().println("Try 'jgrad " + subcommandPath(cli) + "--help' for more information.");
        return USAGE;
    }

    static int runtime(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (e instanceof IllegalArgumentException) {
            cli.getErr().println("jgrad: " + e.getMessage());
            return USAGE;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        cli.getErr().println("jgrad: " + message);
        return RUNTIME;
    }

    private static String subcommandPath(CommandLine cli) {
        StringBuilder path = new StringBuilder();
        for (CommandLine c = cli; c.getParent() != null; c = c.getParent()) {
            path.insert(0, c.getCommandName() + " ");
        }
        return path.toString();
    }
}
