package dev.jgrad.app;

import dev.jgrad.data.Datasets;
import dev.jgrad.data.Scorer;

/**
 * What a picture of the post's circle task shows, in words measured from the picture: the demo's
 * captions and the playground's tour read it from here, so both say the same of the same boundary.
 */
public final class BoundaryReading {
    /** A bend of the boundary's longest piece above this (in data units) is no longer a straight edge. */
    static final double BENT = 0.02;

    private BoundaryReading() {
    }

    /** The reading of a 2 → {@code hidden} → 1 network's boundary over the circle's square; for 2 neurons, measured. */
    public static String of(int hidden, Scorer scorer) {
        if (hidden == 1) {
            return "one tanh neuron can only draw a straight line.";
        }
        if (hidden == 2) {
            return BoundaryShape.bend(scorer, Datasets.CIRCLE_HALF_SIDE) >= BENT
                    ? "two neurons bend the line into something like a parabola, as in the post."
                    : "two neurons give it a second edge: here a straight strip between two parallel lines "
                            + "(the post's run, and the demo's default seed, bend it into something like a parabola).";
        }
        return hidden <= 3 ? "three neurons make a crude circle." : "with " + hidden + " the boundary is a fairly precise circle.";
    }
}
