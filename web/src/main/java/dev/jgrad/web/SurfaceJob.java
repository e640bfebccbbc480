package dev.jgrad.web;

import dev.jgrad.nn.Network;
/**
 * One landscape surface under way: the n×n cells of a {@link Landscape} computed a block at a time (each call
 * to {@link #advance} stops once its time is up), on the weights of the epoch it started at, so a page that
 * keeps training never waits for the whole grid in one frame.
 */
final class SurfaceJob {
    private final Network net;
    private final Param a;
    private final Param b;
    private final Landscape land;
    private final int n;
    private final int epoch;
    private final double a0;
    private final double b0;
    private final double aLo;
    private final double aHi;
    private final double bLo;
    private final double bHi;
    /** Per cell, row by row from the top (b largest) left (a smallest): the two values and the loss there. */
    private final double[] va;
    private final double[] vb;
    private final double[] loss;
    private int computed;

    /** The surface of {@code land} (the slice of {@code net}, trained for {@code epoch} epochs) over n × n cells. */
    SurfaceJob(Network net, int epoch, Param a, Param b, Landscape land, int n) {
        this.net = net;
        this.a = a;
        this.b = b;
        this.land = land;
        this.n = n;
        this.epoch = epoch;
        a0 = a.read(net);
        b0 = b.read(net);
        aLo = a0 - LandscapeExports.half(a0);
        aHi = a0 + LandscapeExports.half(a0);
        bLo = b0 - LandscapeExports.half(b0);
        bHi = b0 + LandscapeExports.half(b0);
        va = new double[n * n];
        vb = new double[n * n];
        loss = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                va[j * n + i] = aLo + (i + 0.5) * (aHi - aLo) / n;
                vb[j * n + i] = bHi - (j + 0.5) * (bHi - bLo) / n;
            }
        }
    }

    /** Computes blocks of cells for about {@code millis} (one block at least); true once every cell is done. */
    boolean advance(double millis) {
        double end = System.currentTimeMillis() + millis;
        do {
            int count = Math.min(land.block(), loss.length - computed);
            land.losses(va, vb, computed, count, loss, computed);
            computed += count;
        } while (computed < loss.length && System.currentTimeMillis() < end);
        return computed == loss.length;
    }

    int computed() {
        return computed;
    }

    int cells() {
        return loss.length;
    }

    Network net() {
        return net;
    }

    /** The losses, row by row from the top left: handed to the page as numbers, not written into the JSON answer. */
    double[] values() {
        return loss;
    }

    /** The finished surface, as {@link LandscapeExports#surface} answers. */
    String answer() {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : loss) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        int others = net.parameterCount() - 2;
        return Answers.ok("done", true, "a", a.id(), "b", b.id(), "aName", a.name(net), "bName", b.name(net), "a0", a0, "b0", b0,
                "aLo", aLo, "aHi", aHi, "bLo", bLo, "bHi", bHi, "n", n, "lo", Answers.number(lo),
                "hi", Answers.number(hi), "at", Answers.number(land.at(a0, b0)),
                "slice", "A slice: the training loss over these two parameters with the other " + others
                        + " held at their values of epoch " + epoch + "; the real surface has " + net.parameterCount() + " dimensions.");
    }
}
