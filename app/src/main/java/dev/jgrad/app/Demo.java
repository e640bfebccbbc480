package dev.jgrad.app;

import dev.jgrad.app.CircleExperiment;
import dev.jgrad.train.EpochMetrics;
import dev.jgrad.viz.Graphviz;
import dev.jgrad.viz.PictureFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code jgrad demo}: regenerates every figure of the post (shared/seed/FIGURES.md) into one
 * folder with an {@code index.html} that shows them all, and prints the accuracy table. The
 * trainings run in parallel, one per core (at most two), while Graphviz draws the graphs.
 */
public final class Demo {
    /** The hidden sizes of the post's animations. */
    public static final List<Integer> SIZES = List.of(1, 2, 3, 9);
    /**
     * The demo's seed. The post's run (Python's generator, seed 42) drew 1 neuron as a line, 2 as
     * "a parabola", 3 as a crude circle and 9 as a fairly precise one. jgrad's generator draws other
     * points and weights: with seed 42 its two neurons' edges ended up parallel, a straight strip.
     * 49 is the first seed from 42 up whose two-neuron boundary clearly bends
     * ({@link BoundaryShape#bend} ≥ 0.02), with 1, 3 and 9 neurons as in the post.
     */
    public static final long SEED = 49;
    /** The size whose loss and accuracy are charted. */
    static final int CHARTED = 9;

    /** Where the figures go, the seed, and how long to train (the defaults are the post's). */
    public record Options(Path out, long seed, int epochs, int frameEvery, int plotSize, Graphviz graphviz) {
        public Options {
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(graphviz, "graphviz");
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
            }
            if (plotSize < 120 || plotSize > 4000) {
                throw new IllegalArgumentException("plot size must be 120…4000 pixels, got " + plotSize);
            }
            if (frameEvery < 1) {
                throw new IllegalArgumentException("a frame every k epochs needs k ≥ 1, got " + frameEvery);
            }
        }

        /** The post's experiment: {@link #SEED}, 200 epochs, a frame every 5 epochs, 440-pixel plots, Graphviz from the PATH. */
        public static Options defaults(Path out) {
            return new Options(out, SEED, CircleExperiment.EPOCHS, 5, 440, Graphviz.find());
        }
    }

    /** Which part of the page a figure belongs to. */
    enum Section {
        GRAPHS("Computational graphs"),
        TRAINING("Training: is the point inside the circle?"),
        MOONS("micrograd's demo: two moons");

        final String title;

        Section(String title) {
            this.title = title;
        }
    }

    /** A picture on the index page: its file (relative to the folder) and caption. */
    record Figure(Section section, String file, String caption) {
    }

    /** One row of the accuracy table. */
    public record Row(int hidden, EpochMetrics last) {
    }

    /** What the demo wrote: every file (index.html last), the accuracy table, and whether graphs became pictures. */
    public record Result(List<Path> files, List<Row> table, EpochMetrics moons, boolean graphPictures) {
    }

    private Demo() {
    }

    /** Writes every figure and the index page into {@code o.out()}, reporting progress to {@code log}. */
    public static Result run(Options o, PrintWriter log) {
        long start = System.nanoTime();
        if (Files.exists(o.out()) && !Files.isDirectory(o.out())) {
            throw new IllegalArgumentException(o.out() + " is a file, not a folder for the figures");
        }
        log.println("jgrad demo: writing the post's figures into " + o.out() + " ...");
        log.flush();
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "jgrad-demo");
            t.setDaemon(true);
            return t;
        });
        try {
            // Longest first, so the two workers finish together.
            Future<DemoTraining.Result> nine = pool.submit(() -> DemoTraining.circle(CHARTED, o, true));
            Future<DemoTraining.Result> moons = pool.submit(() -> DemoTraining.moons(o));
            List<Future<DemoTraining.Result>> small = new ArrayList<>();
            for (int n : List.of(3, 2, 1)) {
                small.add(pool.submit(() -> DemoTraining.circle(n, o, false)));
            }
            DemoGraphs graphs = new DemoGraphs(o.graphviz(), o.out());
            graphs.drawAll();
            log.println("  graphs: " + graphs.figures().size() + " figures as "
                    + (o.graphviz().available() ? ".svg, .png and .dot" : ".dot (no Graphviz)"));
            log.flush();

            // Said in the article's order (1, 2, 3, 9 neurons, then moons), each as soon as it and those before it are done.
            List<DemoTraining.Result> circles = new ArrayList<>();
            for (int i = small.size() - 1; i >= 0; i--) {
                circles.add(told(log, get(small.get(i))));
            }
            circles.add(told(log, get(nine)));
            DemoTraining.Result moon = told(log, get(moons));
            return finish(o, log, start, graphs, circles, moon);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Result finish(Options o, PrintWriter log, long start, DemoGraphs graphs,
            List<DemoTraining.Result> circles, DemoTraining.Result moon) {
        List<Path> files = new ArrayList<>(graphs.files());
        List<Figure> figures = new ArrayList<>(graphs.figures());
        List<Row> table = new ArrayList<>();
        for (DemoTraining.Result r : circles) {
            files.addAll(r.files());
            figures.addAll(r.figures());
            table.add(new Row(r.hidden(), r.last()));
        }
        files.addAll(moon.files());
        figures.addAll(moon.figures());
        Path index = o.out().resolve("index.html");
        PictureFile.text(index, IndexPage.html(o, figures, table, moon.last(), o.graphviz().available()));
        files.add(index);

        log.println();
        log.print(table(table, o.epochs()));
        log.println("moons (micrograd's demo): training accuracy " + percent(moon.last().trainAccuracy()));
        log.println();
        if (!o.graphviz().available()) {
            log.println("The graphs were written as .dot files only: " + Graphviz.INSTALL_HINT + ".");
        }
        log.printf(Locale.ROOT, "Done in %.1f s: %d files. Open %s%n", (System.nanoTime() - start) / 1e9, files.size(),
                index.toAbsolutePath().normalize().toUri());
        log.flush();
        return new Result(List.copyOf(files), List.copyOf(table), moon.last(), o.graphviz().available());
    }

    /** The accuracy table as text, beside the numbers of the post author's notebook. */
    static String table(List<Row> rows, int epochs) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Accuracy after %d epochs (the post's notebook in brackets)%n", epochs));
        b.append("hidden   train acc         val acc\n");
        for (Row r : rows) {
            double[] post = IndexPage.post(r.hidden());
            b.append(String.format(Locale.ROOT, "%6d   %5.3f (%s)     %5.3f (%s)%n", r.hidden(), r.last().trainAccuracy(),
                    post == null ? "  -  " : String.format(Locale.ROOT, "%.3f", post[0]), r.last().valAccuracy(),
                    post == null ? "  -  " : String.format(Locale.ROOT, "%.3f", post[1])));
        }
        return b.toString();
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    /** Says that a training is done, with its accuracy and files, and passes it on. */
    private static DemoTraining.Result told(PrintWriter log, DemoTraining.Result r) {
        String what = r.hidden() == 0 ? "moons" : r.hidden() + (r.hidden() == 1 ? " neuron" : " neurons");
        String files = r.files().stream().map(f -> f.getFileName().toString()).reduce((a, b) -> a + ", " + b).orElse("");
        log.printf(Locale.ROOT, "  %s: training accuracy %.3f → %s%n", what, r.last().trainAccuracy(), files);
        log.flush();
        return r;
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
