package dev.jgrad.viz;

import dev.jgrad.data.Scorer;
import dev.jgrad.engine.NoGrad;
import java.awt.geom.Path2D;

/**
 * A scorer sampled on an n × m lattice over a region, read back between the samples by bilinear
 * interpolation; its 0 contour traced by marching squares. Sampling a lattice and interpolating
 * keeps a picture to a few thousand model evaluations whatever its pixel size.
 */
final class ScoreGrid {
    final BoundaryPlot.Region region;
    final int nx;
    final int ny;
    /** Row-major, row j at y = yMin + j·dy: y grows upward, unlike pixel rows. */
    private final double[] s;
    private final double maxPositive;
    private final double maxNegative;

    private ScoreGrid(BoundaryPlot.Region region, int nx, int ny, double[] s) {
        this(region, nx, ny, s, extreme(s, true), extreme(s, false));
    }

    private ScoreGrid(BoundaryPlot.Region region, int nx, int ny, double[] s, double maxPositive, double maxNegative) {
        this.region = region;
        this.nx = nx;
        this.ny = ny;
        this.s = s;
        this.maxPositive = maxPositive;
        this.maxNegative = maxNegative;
    }

    private static double extreme(double[] s, boolean positive) {
        double e = 0;
        for (double v : s) {
            e = positive ? Math.max(e, v) : Math.min(e, v);
        }
        return e;
    }

    /**
     * The same scores on a colour scale from {@code lowest} to {@code highest}, which must hold this
     * grid's own extremes: the frames of an animation share one scale, so a colour means one score.
     */
    ScoreGrid scaled(double lowest, double highest) {
        if (lowest > maxNegative || highest < maxPositive) {
            throw new IllegalArgumentException("a scale of " + lowest + " … " + highest + " cuts scores of "
                    + maxNegative + " … " + maxPositive);
        }
        return new ScoreGrid(region, nx, ny, s, highest, lowest);
    }

    /** Scores {@code scorer} at nx × ny points spanning the region, corners included. */
    static ScoreGrid sample(Scorer scorer, BoundaryPlot.Region region, int nx, int ny) {
        double[] s = new double[nx * ny];
        // A scorer built on the engine would otherwise record a graph per point.
        try (var scope = NoGrad.enter()) {
            for (int j = 0; j < ny; j++) {
                double y = region.yMin() + j * (region.yMax() - region.yMin()) / (ny - 1);
                for (int i = 0; i < nx; i++) {
                    double x = region.xMin() + i * (region.xMax() - region.xMin()) / (nx - 1);
                    s[j * nx + i] = scorer.score(x, y);
                }
            }
        }
        return new ScoreGrid(region, nx, ny, s);
    }

    /** The lowest score sampled, or 0 if none is negative (the colour bar's bottom). */
    double minimum() {
        return maxNegative;
    }

    /** The highest score sampled, or 0 if none is positive (the colour bar's top). */
    double maximum() {
        return maxPositive;
    }

    /** A point's class. */
    interface Decision {
        int at(double x, double y);
    }

    /** {@code decision} at n × n points spanning the region, row by row. */
    static int[] decisions(Decision decision, BoundaryPlot.Region r, int n) {
        int[] out = new int[n * n];
        try (var scope = NoGrad.enter()) {
            for (int j = 0; j < n; j++) {
                double y = r.yMin() + (j + 0.5) * (r.yMax() - r.yMin()) / n;
                for (int i = 0; i < n; i++) {
                    out[j * n + i] = decision.at(r.xMin() + (i + 0.5) * (r.xMax() - r.xMin()) / n, y);
                }
            }
        }
        return out;
    }

    double at(int i, int j) {
        return s[j * nx + i];
    }

    /** The score at lattice coordinates (fx, fy) ∈ [0, nx−1] × [0, ny−1], bilinearly interpolated. */
    double interpolate(double fx, double fy) {
        int i = Math.min(nx - 2, Math.max(0, (int) fx));
        int j = Math.min(ny - 2, Math.max(0, (int) fy));
        double u = fx - i;
        double v = fy - j;
        double bottom = at(i, j) + u * (at(i + 1, j) - at(i, j));
        double top = at(i, j + 1) + u * (at(i + 1, j + 1) - at(i, j + 1));
        return bottom + v * (top - bottom);
    }

    /**
     * A score scaled to [−1, 1] with 0 kept at 0, each sign by its own extreme (matplotlib's
     * TwoSlopeNorm), so both classes reach their full colour even when the scores are lopsided, as
     * a tanh output minus 0.5 is.
     */
    double normalised(double score) {
        if (score >= 0) {
            return maxPositive > 0 ? score / maxPositive : 0;
        }
        return maxNegative < 0 ? -score / maxNegative : 0;
    }

    /** The values at the colour scale's ends and middle when the scores are value − {@code centre}. */
    double[] range(double centre) {
        return new double[] {centre + maxNegative, centre, centre + maxPositive};
    }

    /** The 0 contour as line segments in lattice coordinates. */
    Path2D zeroContour() {
        Path2D path = new Path2D.Double();
        double[] xs = new double[4];
        double[] ys = new double[4];
        for (int j = 0; j < ny - 1; j++) {
            for (int i = 0; i < nx - 1; i++) {
                double a = at(i, j);
                double b = at(i + 1, j);
                double c = at(i + 1, j + 1);
                double d = at(i, j + 1);
                int n = 0;
                // The crossings on the cell's four edges, in order round the cell.
                if ((a < 0) != (b < 0)) {
                    xs[n] = i + a / (a - b);
                    ys[n++] = j;
                }
                if ((b < 0) != (c < 0)) {
                    xs[n] = i + 1;
                    ys[n++] = j + b / (b - c);
                }
                if ((c < 0) != (d < 0)) {
                    xs[n] = i + 1 - c / (c - d);
                    ys[n++] = j + 1;
                }
                if ((d < 0) != (a < 0)) {
                    xs[n] = i;
                    ys[n++] = j + 1 - d / (d - a);
                }
                // Two crossings: one segment; four (a saddle): pair them round the cell.
                for (int k = 0; k + 1 < n; k += 2) {
                    path.moveTo(xs[k], ys[k]);
                    path.lineTo(xs[k + 1], ys[k + 1]);
                }
            }
        }
        return path;
    }
}
