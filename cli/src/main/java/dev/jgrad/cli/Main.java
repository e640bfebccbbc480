package dev.jgrad.cli;

import dev.jgrad.tensor.JvmKernels;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
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
        subcommands = {TrainCommand.class, PredictCommand.class, DatasetsCommand.class, ExperimentCommand.class,
                DemoCommand.class, GraphCommand.class, BenchCommand.class, VersionCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Pictures are drawn off-screen: never look for a display.
        System.setProperty("java.awt.headless", "true");
        // Under a charset without →, × or ≥ (the C locale's ASCII) those are spelled ->, x, >=.
        Charset charset = PlainText.console();
        System.exit(run(args, new PrintWriter(new PlainText(new OutputStreamWriter(System.out, charset), charset), true),
                new PrintWriter(new PlainText(new OutputStreamWriter(System.err, charset), charset), true)));
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
        // An expression may start with a minus: "-a**2" is a term, not an unknown option.
        cli.getSubcommands().get("graph").setUnmatchedOptionsArePositionalParams(true);
        try {
            return cli.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            return Errors.fatal(e, err);
        }
    }

    /** Bare {@code jgrad}: no command is a usage error, so the usage goes to standard error with code 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
