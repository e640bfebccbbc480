package dev.jgrad.cli;

import dev.jgrad.data.Datasets;
import dev.jgrad.data.Task;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code jgrad datasets}: the built-in generators. */
@Command(name = "datasets", description = "List the built-in datasets that jgrad train --data can generate.")
final class DatasetsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-16s %-14s %-7s %-6s %s%n", "NAME", "TASK", "CLASSES", "NOISE", "DESCRIPTION");
        for (Datasets.Generator g : Datasets.CHOICES.values()) {
            // A generator whose default is 2 classes always draws 2 (jgrad train refuses --classes for it); the others take --classes K.
            String classes = g.task() == Task.REGRESSION ? "-" : g.defaultClasses() == 2 ? "2" : g.defaultClasses() + "+";
            out.printf("%-16s %-14s %-7s %-6s %s%n", g.id(), g.task().id(), classes, g.defaultNoise(), g.description());
        }
        out.println("Use: jgrad train --data NAME [--points N] [--noise X] [--classes K]; or your own: jgrad train --csv FILE --label COLUMN"
                + " [--task regression]");
    }
}
