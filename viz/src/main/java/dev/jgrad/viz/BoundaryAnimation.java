package dev.jgrad.viz;

import dev.jgrad.data.Scorer;
import dev.jgrad.train.EpochMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A trainer listener that animates a decision boundary: a frame before training (epoch 0), then
 * frames spaced logarithmically in epochs (after epochs 1, 2, 3, …, the gap growing with the epoch
 * up to {@code every}), each only if the boundary has moved since the last frame, and the last
 * epoch held for a while before the GIF loops. A net learns most in its first epochs: a frame every
 * k epochs showed that in half a second and then seconds of still pictures; dense early frames and
 * skipping the ones in which nothing moves spend the time where the learning is. A two-class or
 * heat-map animation colours every frame on one scale, the widest any frame needs, so the colour bar
 * stays put and a colour means the same score throughout: its frames are kept as sampled scores (a
 * lattice of numbers, not pictures) and drawn when {@link #finish()} knows that scale. Call
 * {@code finish()} after training; closing without it deletes the partial GIF.
 *
 * <pre>{@code
 * try (var anim = new BoundaryAnimation(BoundaryPlot.of(train), model.scorer(loss), gifPath, 5, epochs,
 *         e -> BoundaryPlot.title(e, 9))) {
 *     trainer.listener(anim::epochEnded).fit(learner, train, validation);
 *     anim.finish();
 * }
 * }</pre>
 */
public final class BoundaryAnimation implements AutoCloseable {
    /** How long each frame shows, and the last one before the animation loops. */
    public static final int FRAME_MILLIS = 120;
    public static final int HOLD_MILLIS = 2500;
    /**
     * A frame is kept when at least this fraction of a coarse lattice over the region changed its
     * class since the last frame (a boundary moved by about 3 pixels of 440): less looks still;
     * a slow drift adds up and still shows, in steps.
     */
    public static final double MOVED = 0.01;

    /** Draws (classes) or keeps (scores) a frame, given its title and how long it shows. */
    private final BiConsumer<String, Integer> frame;
    private final Supplier<int[]> decisions;
    private final int every;
    private final int lastEpoch;
    private final IntFunction<String> title;
    private final AnimatedGif gif;
    /** Two classes or a heat map: the plot, and the frames sampled but not drawn yet. */
    private final BoundaryPlot plot;
    private final List<Pending> pending = new ArrayList<>();
    private int[] shown;
    private int next = 1;

    private record Pending(ScoreGrid grid, String title, int millis) {
    }

    /**
     * Starts the GIF at {@code file} with the model as it is now.
     *
     * @param scorer reads the model's current weights at each call
     * @param title the title of the frame after a given epoch
     */
    public BoundaryAnimation(BoundaryPlot plot, Scorer scorer, Path file, int every, int lastEpoch, IntFunction<String> title) {
        this(plot, scorer, null, file, every, lastEpoch, title);
    }

    private BoundaryAnimation(BoundaryPlot plot, Scorer scorer, BoundaryPlot.Classes classes, Path file, int every,
            int lastEpoch, IntFunction<String> title) {
        if (every < 1) {
            throw new IllegalArgumentException("a frame every k epochs needs k ≥ 1, got " + every);
        }
        this.plot = plot;
        this.gif = AnimatedGif.create(file, FRAME_MILLIS);
        this.frame = classes != null ? (t, millis) -> gif.add(plot.drawClasses(classes, t), millis)
                : (t, millis) -> pending.add(new Pending(plot.sample(scorer), t, millis));
        this.decisions = classes != null ? () -> plot.classDecisions(classes) : () -> plot.decisions(scorer);
        this.every = every;
        this.lastEpoch = lastEpoch;
        this.title = title;
        frame.accept(title.apply(0), FRAME_MILLIS);
        shown = decisions.get();
    }

    /** The same for more than two classes: each frame fills the classes' arg-max regions. */
    public static BoundaryAnimation ofClasses(BoundaryPlot plot, BoundaryPlot.Classes scorer, Path file, int every,
            int lastEpoch, IntFunction<String> title) {
        return new BoundaryAnimation(plot, null, scorer, file, every, lastEpoch, title);
    }

    /** Adds a frame after this epoch when one is due and the boundary moved (and after the last, held). */
    public void epochEnded(EpochMetrics metrics) {
        int epoch = metrics.epoch();
        if (epoch == lastEpoch) {
            frame.accept(title.apply(epoch), HOLD_MILLIS);
        } else if (epoch >= next) {
            next = epoch + gap(epoch, every);
            int[] now = decisions.get();
            if (changed(shown, now) >= MOVED) {
                frame.accept(title.apply(epoch), FRAME_MILLIS);
                shown = now;
            }
        }
    }

    /** Epochs until the next frame is due: a fifth of the epochs so far, at least 1, at most {@code every}. */
    static int gap(int epoch, int every) {
        return Math.max(1, Math.min(every, Math.round(epoch * 0.2f)));
    }

    /** The fraction of lattice points whose class differs. */
    static double changed(int[] a, int[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                n++;
            }
        }
        return (double) n / a.length;
    }

    /** How many frames so far. */
    public int frames() {
        return gif.frames() + pending.size();
    }

    /** Draws the kept frames on their common scale and completes the GIF. */
    public void finish() {
        double lowest = 0;
        double highest = 0;
        for (Pending p : pending) {
            lowest = Math.min(lowest, p.grid().minimum());
            highest = Math.max(highest, p.grid().maximum());
        }
        for (Pending p : pending) {
            gif.add(plot.draw(p.grid().scaled(lowest, highest), p.title()), p.millis());
        }
        pending.clear();
        gif.finish();
    }

    @Override
    public void close() {
        gif.close();
    }
}
