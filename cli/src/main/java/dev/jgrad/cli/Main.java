package dev.jgrad.cli;

import dev.jgrad.io.Decimal;
import dev.jgrad.tensor.JvmKernels;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
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
        subcommands = {TrainCommand.class, PredictCommand.class, ExportCommand.class, ImportCommand.class, ServeCommand.class, DatasetsCommand.class, ExperimentCommand.class,
                DemoCommand.class, GraphCommand.class, ShellCommand.class, BenchCommand.class, PlaygroundCommand.class, VersionCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Pictures are drawn off-screen: never look for a display.
        System.setProperty("java.awt.headless", "true");
        // Under a charset without →, × or ≥ (the C locale's ASCII) those are spelled ->, x, >=.
        Charset charset = PlainText.console();
        StandardOutput stdout = new StandardOutput(new FileOutputStream(FileDescriptor.out));
        System.setOut(new PrintStream(new BufferedOutputStream(stdout, 8192), true, charset));
        PrintWriter out = new PrintWriter(new PlainText(new OutputStreamWriter(System.out, charset), charset), true);
        PrintWriter err = new PrintWriter(new PlainText(new OutputStreamWriter(System.err, charset), charset), true);
        int code = run(args, out, err);
        err.flush();
        // System.out swallows write errors: ask it, or a lost output exits 0. A closed pipe is no error
        // (the reader, head say, has what it wanted), as with coreutils.
        if ((out.checkError() || System.out.checkError()) && !stdout.pipeClosed()) {
            System.err.println("jgrad: could not write to standard output"
                    + (stdout.reason() == null ? "" : ": " + stdout.reason()));
            code = code == 0 ? Errors.RUNTIME : code;
        }
        System.exit(code);
    }

    /** Runs the command line and returns the exit code: 0 done, 1 failed while running, 2 bad usage. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        String bad = Main.kernelSettings();
        if (bad != null) {
            err.println("jgrad: " + bad);
            return Errors.USAGE;
        }
        // The JVM's fast matrix products: the Vector API kernel (./jgrad adds its module) and threads.
        // predict runs a frozen network and no matrix product: the kernel's warm-up would only take a core from it.
        if (args.length == 0 || !args[0].equals("predict")) {
            JvmKernels.install();
        }
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(Errors::usage);
        cli.setExecutionExceptionHandler(Errors::runtime);
        cli.setExecutionStrategy(Main::execute);
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

    /** Most threads -Djgrad.threads may ask for: more only queue behind the processors, each a stack's memory. */
    static final int MAX_THREADS = 256;

    /**
     * What is wrong with the system properties that choose the matrix kernel (-Djgrad.kernel=plain|vector,
     * -Djgrad.threads=N), or null: the tensor engine reads them deep inside, where a typo would be ignored.
     */
    static String kernelSettings() {
        String kernel = System.getProperty("jgrad.kernel");
        if (kernel != null && !List.of("auto", "plain", "vector").contains(kernel)) {
            return "-Djgrad.kernel must be auto, plain or vector; got '" + Errors.printable(kernel) + "'";
        }
        String threads = System.getProperty("jgrad.threads");
        if (threads != null) {
            int n;
            try {
                n = Integer.parseInt(threads);
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1 || n > MAX_THREADS) {
                return "-Djgrad.threads must be a whole number from 1 to " + MAX_THREADS + "; got '" + Errors.printable(threads) + "'";
            }
        }
        return null;
    }

    /**
     * Runs the command parsed, but first refuses what picocli lets --help pass: with --help it does not
     * report arguments it does not know, so "jgrad frobnicate --help" would print the help and exit 0.
     */
    private static int execute(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (!p.unmatched().isEmpty()) {
                throw new CommandLine.UnmatchedArgumentException(p.commandSpec().commandLine(), p.unmatched());
            }
        }
        return new CommandLine.RunLast().execute(parsed);
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
