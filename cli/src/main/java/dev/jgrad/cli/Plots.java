package dev.jgrad.cli;

import dev.jgrad.data.Dataset;
import dev.jgrad.data.Scorer;
import dev.jgrad.engine.Value;
import dev.jgrad.loss.Loss;
import dev.jgrad.train.EpochMetrics;
import dev.jgrad.train.Training;
import dev.jgrad.viz.BoundaryAnimation;
import dev.jgrad.viz.BoundaryPlot;
import dev.jgrad.viz.Charts;
import dev.jgrad.viz.FitChart;
import dev.jgrad.viz.Images;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code jgrad train --plots}: the boundary animation and picture (two classes: the score in
 * red–blue; more: each class's arg-max region in its colour), and the loss and accuracy charts; for
 * regression the fitted function over the data (1 feature) or a heat map of the prediction (2), and
 * the loss chart.
 * The time spent drawing during training is added to a counter the caller subtracts from the
 * training time.
 */
final class Plots implements AutoCloseable {
    /** Every file the pictures may go to, so that --out can be checked before training. */
    static final String[] FILES = {"boundary.gif", "boundary.png", "loss.png", "loss.svg", "accuracy.png", "accuracy.svg", "fit.png"};

    /** About this many frames when the user does not choose. */
    private static final int FRAMES = 50;

    private final Path out;
    private final List<Integer> hidden;
    private final Function<String, BufferedImage> still;
    private final BoundaryAnimation animation;
    /** A regression run's data (unscaled) and model, or null. */
    private final Dataset regressionData;
    private final Training run;

    private Plots(Path out, List<Integer> hidden, Function<String, BufferedImage> still, BoundaryAnimation animation,
            Dataset regressionData, Training run) {
        this.out = out;
        this.hidden = hidden;
        this.still = still;
        this.animation = animation;
        this.regressionData = regressionData;
        this.run = run;
    }

    /**
     * Starts the animation (for 2 features) and attaches it to the run's trainer; the nanoseconds
     * it spends drawing, now and between epochs, are added to {@code drawing}.
     *
     * @param all the run's data as read (a regression picture is in the data's own units)
     * @param features the feature names, for the axis titles (null: x1 and x2)
     */
    static Plots start(Path out, Training run, Dataset all, Integer every, AtomicLong drawing, List<String> features) {
        long begin = System.nanoTime();
        Dataset train = run.train();
        List<Integer> hidden = run.config().hidden();
        if (every != null && every < 1) {
            throw new IllegalArgumentException("--frame-every must be at least 1, got " + every);
        }
        if (all.targets() != null) {
            return new Plots(out, hidden, null, null, all.features() <= 2 ? all : null, run);
        }
        if (train.features() != 2) {
            return new Plots(out, hidden, null, null, null, run);
        }
        int epochs = run.trainer().epochs();
        int k = every != null ? every : Math.max(1, (epochs + FRAMES - 1) / FRAMES);
        BoundaryPlot plot = BoundaryPlot.of(train);
        if (features != null && features.size() == 2) {
            String scaled = run.scaler().isIdentity() ? "" : " (scaled)";
            plot.axes(features.get(0) + scaled, features.get(1) + scaled);
        }
        Path gif = out.resolve("boundary.gif");
        BoundaryAnimation animation;
        Function<String, BufferedImage> still;
        if (train.classes() == 2) {
            Scorer scorer = run.model().scorer(run.loss());
            output(plot, run.loss());
            animation = new BoundaryAnimation(plot, scorer, gif, k, epochs, epoch -> title(epoch, hidden));
            still = t -> plot.draw(scorer, t);
        } else {
            BoundaryPlot.Classes scorer = (x, y) -> run.model().predict(x, y);
            animation = BoundaryAnimation.ofClasses(plot, scorer, gif, k, epochs, epoch -> title(epoch, hidden));
            still = t -> plot.drawClasses(scorer, t);
        }
        run.trainer().listener(m -> {
            long t = System.nanoTime();
            animation.epochEnded(m);
            drawing.addAndGet(System.nanoTime() - t);
        });
        drawing.addAndGet(System.nanoTime() - begin);
        return new Plots(out, hidden, still, animation, null, run);
    }

    /** The colour bar in what the model outputs: its value for squared error, a probability for a logit. */
    static void output(BoundaryPlot plot, Loss loss) {
        switch (loss) {
            case MSE -> plot.output("network output", s -> s + 0.5);
            case BCE, CROSS_ENTROPY -> plot.output("probability of class 1", Value::sigmoid);
            default -> plot.output("model score", s -> s);
        }
    }

    private static String title(int epoch, List<Integer> hidden) {
        if (hidden.size() == 1) {
            return BoundaryPlot.title(epoch, hidden.get(0));
        }
        String layers = hidden.stream().map(String::valueOf).collect(Collectors.joining("-"));
        return "Decision Boundary (" + epoch + (epoch == 1 ? " Epoch" : " Epochs") + "; " + layers + " Hidden)";
    }

    /** Completes the pictures after training and returns the files written. */
    List<Path> finish(List<EpochMetrics> history) {
        List<Path> files = new ArrayList<>();
        if (animation != null) {
            animation.finish();
            files.add(out.resolve("boundary.gif"));
            Path png = out.resolve("boundary.png");
            Images.writePng(still.apply(title(history.get(history.size() - 1).epoch(), hidden)), png);
            files.add(png);
        }
        int epochs = history.get(history.size() - 1).epoch();
        if (regressionData != null) {
            Path fit = out.resolve("fit.png");
            var predictor = run.predictor();
            String title = regressionData.name() + ": the model after " + epochs + (epochs == 1 ? " epoch" : " epochs");
            if (regressionData.features() == 1) {
                FitChart.write(regressionData, predictor::value, title, fit);
            } else {
                Images.writePng(BoundaryPlot.heatMap(regressionData).draw(predictor::value, title), fit);
            }
            files.add(fit);
        }
        boolean regression = run.target() != null;
        for (String ext : List.of("png", "svg")) {
            Path loss = out.resolve("loss." + ext);
            Charts.loss(history, "Average loss by epoch", loss);
            files.add(loss);
            if (!regression) {
                Path accuracy = out.resolve("accuracy." + ext);
                Charts.accuracy(history, "Accuracy by epoch", accuracy);
                files.add(accuracy);
            }
        }
        return files;
    }

    /** Why there is no boundary picture (or fitted function), or null when there is one. */
    String skipped() {
        if (run.target() != null) {
            return regressionData == null ? "no fit picture: it needs 1 or 2 features" : null;
        }
        return animation == null ? "no decision boundary: it needs 2 features" : null;
    }

    @Override
    public void close() {
        if (animation != null) {
            animation.close();
        }
    }
}
