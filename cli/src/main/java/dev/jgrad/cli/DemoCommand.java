package dev.jgrad.cli;

import dev.jgrad.app.CircleExperiment;
import dev.jgrad.app.Demo;
import dev.jgrad.viz.Graphviz;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgrad demo}: every figure of the post, regenerated into one folder with an index page. */
@Command(name = "demo",
        description = {"Regenerate every figure of the post into a folder: computational graphs (with Graphviz), "
                + "decision-boundary animations for 1, 2, 3 and 9 hidden neurons, loss and accuracy charts, "
                + "micrograd's moons, and index.html showing them all. Prints the accuracy table."},
        sortOptions = false)
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "out",
            description = "Folder for the figures (default: ${DEFAULT-VALUE}); created if missing, files replaced.")
    Path out;

    @Option(names = "--seed", defaultValue = "" + Demo.SEED, description = "Seed of the data, weights and shuffling "
            + "(default: ${DEFAULT-VALUE}, the first from the post's 42 up whose 2-neuron boundary bends as the post's does).")
    long seed;

    // Shortened runs for tests and quick looks; the post's numbers need the defaults.
    @Option(names = "--epochs", hidden = true, defaultValue = "" + CircleExperiment.EPOCHS)
    int epochs;

    @Option(names = "--frame-every", hidden = true, defaultValue = "5")
    int frameEvery;

    @Option(names = "--plot-size", hidden = true, defaultValue = "440")
    int plotSize;

    @Override
    public Integer call() {
        OutDir where = OutDir.check("--out", out);
        try {
            Demo.run(new Demo.Options(where.path(), seed, epochs, frameEvery, plotSize, Graphviz.find()), spec.commandLine().getOut());
        } catch (RuntimeException | Error e) {
            where.removeIfEmpty();
            throw e;
        }
        return 0;
    }
}
