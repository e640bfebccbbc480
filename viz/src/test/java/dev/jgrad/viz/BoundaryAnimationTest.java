package dev.jgrad.viz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.train.EpochMetrics;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoundaryAnimationTest {
    @TempDir
    Path dir;

    /** A model whose boundary, the line x = c, moves to where {@code c} says after each epoch. */
    private GifFrames animate(Dataset data, int epochs, int every, java.util.function.IntToDoubleFunction c) throws IOException {
        double[] at = {c.applyAsDouble(0)};
        BoundaryPlot plot = BoundaryPlot.of(data);
        Path file = dir.resolve("b.gif");
        try (BoundaryAnimation gif = new BoundaryAnimation(plot, (x, y) -> x - at[0], file, every, epochs,
                e -> BoundaryPlot.title(e, 1))) {
            for (int e = 1; e <= epochs; e++) {
                at[0] = c.applyAsDouble(e);
                gif.epochEnded(new EpochMetrics(e, 0, 0, Double.NaN, Double.NaN));
            }
            gif.finish();
        }
        return new GifFrames(file);
    }

    /** The plotting area's pixels, without the title (whose epoch changes every frame). */
    private static int[] plotArea(BufferedImage frame) {
        int top = frame.getHeight() / 8;
        return frame.getRGB(0, top, frame.getWidth(), frame.getHeight() - top, null, 0, frame.getWidth());
    }

    /** The colour bar and its labels: the right edge of the picture, below the title. */
    private static int[] colourBar(BufferedImage frame) {
        int left = frame.getWidth() * 7 / 8;
        int top = frame.getHeight() / 8;
        return frame.getRGB(left, top, frame.getWidth() - left, frame.getHeight() - top, null, 0, frame.getWidth() - left);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void everyFrameSharesOneColourBarWhileTheScoresGrow(int seed) throws IOException {
        Dataset data = Datasets.circle(60, 0, new Rng(seed));
        double[] at = {-1, 1};
        BoundaryPlot plot = BoundaryPlot.of(data);
        Path file = dir.resolve("grow.gif");
        try (BoundaryAnimation gif = new BoundaryAnimation(plot, (x, y) -> (x - at[0]) * at[1], file, 5, 40,
                e -> BoundaryPlot.title(e, 1))) {
            for (int e = 1; e <= 40; e++) {
                at[0] = -1 + e / 20.0;
                at[1] = 1 + e;   // the scores' size grows twentyfold while the boundary moves
                gif.epochEnded(new EpochMetrics(e, 0, 0, Double.NaN, Double.NaN));
            }
            gif.finish();
        }
        GifFrames frames = new GifFrames(file);
        assertThat(frames.frames).hasSizeGreaterThan(3);
        int[] first = colourBar(frames.frames.get(0));
        for (BufferedImage frame : frames.frames) {
            assertThat(colourBar(frame)).isEqualTo(first);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 40, 80})
    void aBoundaryThatStopsMovingGetsNoStillFramesAndTheLastIsHeld(int settled) throws IOException {
        Dataset data = Datasets.circle(60, 0, new Rng(settled));
        GifFrames gif = animate(data, 200, 5, e -> -1 + 1.5 * Math.min(e, settled) / settled);
        int still = 0;
        for (int i = 1; i < gif.frames.size() - 1; i++) {
            if (Arrays.equals(plotArea(gif.frames.get(i)), plotArea(gif.frames.get(i - 1)))) {
                still++;
            }
        }
        assertThat(still).as("frames showing an unchanged boundary").isZero();
        assertThat(gif.frames.size()).isLessThanOrEqualTo(settled + 2);
        assertThat(gif.delays.get(gif.delays.size() - 1)).isGreaterThanOrEqualTo(2000);
        int moving = gif.delays.subList(0, gif.delays.size() - 1).stream().mapToInt(Integer::intValue).sum();
        assertThat(moving).isLessThanOrEqualTo((settled + 1) * BoundaryAnimation.FRAME_MILLIS);
    }

    /** One seed: it only moves the plot's region a little, and the drift is the scorer's, not the data's. */
    @ParameterizedTest
    @ValueSource(ints = {1})
    void aSlowDriftStillShowsInSteps(int seed) throws IOException {
        Dataset data = Datasets.circle(60, 0, new Rng(seed));
        // 0.002 a frame: below the threshold each time, 0.8 in all.
        GifFrames gif = animate(data, 400, 1, e -> -0.4 + 0.002 * e);
        assertThat(gif.frames.size()).isGreaterThan(5).isLessThan(200);
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 10})
    void theFirstEpochsWhereMostIsLearnedGetTheMostFrames(int every) throws IOException {
        Dataset data = Datasets.circle(60, 0, new Rng(every));
        // Moving fast early and slowly later, as training does.
        GifFrames gif = animate(data, 200, every, e -> -1 + 1.8 * (1 - Math.exp(-e / 15.0)));
        assertThat(gif.frames.size()).isGreaterThan(12);
        int epochs = 0;
        for (int e = 1; e < 200; e += BoundaryAnimation.gap(e, every)) {
            epochs++;
            if (e >= 30) {
                break;
            }
        }
        // Frames come after every one of the first epochs, then further apart, never more than `every`.
        assertThat(BoundaryAnimation.gap(1, every)).isEqualTo(1);
        assertThat(BoundaryAnimation.gap(4, every)).isEqualTo(1);
        assertThat(BoundaryAnimation.gap(1000, every)).isEqualTo(every);
        assertThat(epochs).isGreaterThan(30 / every + 5);
    }
}
