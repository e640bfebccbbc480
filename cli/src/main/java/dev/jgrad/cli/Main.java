package dev.jgrad.cli;

import dev.jgrad.io.Decimal;
import dev.jgrad.tensor.JvmKernels;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jgrad} command: each job is a subcommand. */
@Command(name = "jgrad",
        mixinStandardHelpOptions = true,
        // every subcommand takes --help (and --version) too
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = VersionCommand.Provider.class,
        description = "A small autograd engine and neural-network toolkit in the spirit of micrograd.",
        subcommands = {TrainCommand.class, PredictCommand.class, ExportCommand.class, DatasetsCommand.class, ExperimentCommand.class,
                DemoCommand.class, GraphCommand.class, ShellCommand.class, BenchCommand.class, PlaygroundCommand.class, VersionCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Pictures are drawn off-screen: never look for a display.
        System.setProperty("java.awt.headless", "true");
        // Under a charset without →, × or ≥ (the C locale's ASCII) those are spelled ->, x, >=.
        Charset charset = PlainText.console();
        PrintWriter out = new PrintWriter(new PlainText(new OutputStreamWriter(System.out, charset), charset), true);
        PrintWriter err = new PrintWriter(new PlainText(new OutputStreamWriter(System.err, charset), charset), true);
        int code = run(args, out, err);
        err.flush();
        // System.out swallows write errors (a full disk, a closed pipe): ask it, or a lost output exits 0.
        if (out.checkError() || System.out.checkError()) {
            System.err.println("jgrad: could not write to standard output (a full disk, or a closed pipe?)");
            code = code == 0 ? Errors.RUNTIME : code;
        }
        System.exit(code);
    }

    /** Runs the command line and returns the exit code: 0 done, 1 failed while running, 2 bad usage. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // The JVM's fast matrix products: the Vector API kernel (./jgrad adds its module) and threads.
        JvmKernels.install();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(Errors::usage);
        cli.setExecutionExceptionHandler(Errors::runtime);
        // Numbers as users write them: picocli's Double.valueOf would also take 1d, 3f and 0x1p3.
        cli.registerConverter(Double.class, Main::decimal);
        cli.registerConverter(Double.TYPE, Main::decimal);
        cli.registerConverter(Path.class, Main::path);
        // An expression may start with a minus: "-a**2" is a term, not an unknown option.
        cli.getSubcommands().get("graph").setUnmatchedOptionsArePositionalParams(true);
        try {
            return cli.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            return Errors.fatal(e, err);
        }
    }

    private static Double decimal(String text) {
        try {
            return Decimal.parse(text);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a number");
        }
    }

    /** A path option: an empty one names no file, and would quietly mean the current directory. */
    private static Path path(String text) {
        if (text.isEmpty()) {
            throw new CommandLine.TypeConversionException("an empty path names no file or directory");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a path: " + e.getReason());
        }
    }

    /** Bare {@code jgrad}: no command is a usage error, so the usage goes to standard error with code 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
