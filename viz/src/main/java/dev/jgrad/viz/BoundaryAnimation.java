package dev.jgrad.viz;

import dev.jgrad.data.Scorer;
import dev.jgrad.train.EpochMetrics;
import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * A trainer listener that animates a decision boundary: a frame before training (epoch 0), one
 * every {@code every} epochs, and the last epoch held for a while before the GIF loops. Each frame
 * scales its colours to its own scores, as matplotlib's contour plots do, so the boundary stays
 * plain to see while the model's outputs grow or shrink. Call
 * {@link #finish()} after training; closing without it deletes the partial GIF.
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

    private final BoundaryPlot plot;
    private final Scorer scorer;
    private final int every;
    private final int lastEpoch;
    private final IntFunction<String> title;
    private final AnimatedGif gif;

    /**
     * Starts the GIF at {@code file} with the model as it is now.
     *
     * @param scorer reads the model's current weights at each call
     * @param title the title of the frame after a given epoch
     */
    public BoundaryAnimation(BoundaryPlot plot, Scorer scorer, Path file, int every, int lastEpoch, IntFunction<String> title) {
        if (every < 1) {
            throw new IllegalArgumentException("a frame every k epochs needs k ≥ 1, got " + every);
        }
        this.plot = plot;
        this.scorer = scorer;
        this.every = every;
        this.lastEpoch = lastEpoch;
        this.title = title;
        this.gif = AnimatedGif.create(file, FRAME_MILLIS);
        gif.add(plot.draw(scorer, title.apply(0)));
    }

    /** Adds a frame after this epoch when it is one of every K (and after the last): pass it as a trainer's listener. */
    public void epochEnded(EpochMetrics metrics) {
        int epoch = metrics.epoch();
        if (epoch % every == 0 || epoch == lastEpoch) {
            gif.add(plot.draw(scorer, title.apply(epoch)), epoch == lastEpoch ? HOLD_MILLIS : FRAME_MILLIS);
        }
    }

    /** How many frames so far. */
    public int frames() {
        return gif.frames();
    }

    /** Completes the GIF. */
    public void finish() {
        gif.finish();
    }

    @Override
    public void close() {
        gif.close();
    }
}
