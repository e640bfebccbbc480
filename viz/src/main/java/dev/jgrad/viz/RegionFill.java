package dev.jgrad.viz;

import dev.jgrad.engine.NoGrad;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/** The pixels of a boundary picture's plotting area; everything around it white. */
final class RegionFill {
    private static final int BORDER = 0x333333;

    private RegionFill() {
    }

    /** Two classes: the score in red–blue bands, each sign scaled to its own extreme. */
    static BufferedImage binary(ScoreGrid grid, PlotLayout l) {
        BufferedImage image = white(l);
        int[] row = new int[l.plotWidth()];
        for (int py = 0; py < l.plotHeight(); py++) {
            double fy = (l.plotHeight() - 0.5 - py) / l.plotHeight() * (grid.ny - 1);
            for (int px = 0; px < l.plotWidth(); px++) {
                double fx = (px + 0.5) / l.plotWidth() * (grid.nx - 1);
                row[px] = Palette.rgb(grid.normalised(grid.interpolate(fx, fy)));
            }
            image.setRGB(l.left(), l.top() + py, l.plotWidth(), 1, row, 0, l.plotWidth());
        }
        return image;
    }

    /**
     * k classes: each pixel takes the tint of the class whose score, interpolated between the
     * lattice's samples, is the largest; a pixel whose class differs from its left or upper
     * neighbour's is drawn dark, so the boundaries between regions show as lines.
     */
    static BufferedImage classes(BoundaryPlot.Classes scorer, int k, BoundaryPlot.Region r, int[] lattice, PlotLayout l) {
        int nx = lattice[0];
        int ny = lattice[1];
        double[][] s = new double[k][nx * ny];
        try (var scope = NoGrad.enter()) {
            for (int j = 0; j < ny; j++) {
                double y = r.yMin() + j * (r.yMax() - r.yMin()) / (ny - 1);
                for (int i = 0; i < nx; i++) {
                    double[] out = scorer.scores(r.xMin() + i * (r.xMax() - r.xMin()) / (nx - 1), y);
                    for (int c = 0; c < k; c++) {
                        s[c][j * nx + i] = out[c];
                    }
                }
            }
        }
        BufferedImage image = white(l);
        int[] previous = new int[l.plotWidth()];
        int[] current = new int[l.plotWidth()];
        int[] row = new int[l.plotWidth()];
        for (int py = 0; py < l.plotHeight(); py++) {
            double fy = (l.plotHeight() - 0.5 - py) / l.plotHeight() * (ny - 1);
            for (int px = 0; px < l.plotWidth(); px++) {
                double fx = (px + 0.5) / l.plotWidth() * (nx - 1);
                int best = 0;
                double top = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double v = interpolate(s[c], nx, ny, fx, fy);
                    if (v > top) {
                        top = v;
                        best = c;
                    }
                }
                current[px] = best;
                boolean edge = px > 0 && current[px - 1] != best || py > 0 && previous[px] != best;
                row[px] = edge ? BORDER : Palette.region(best);
            }
            image.setRGB(l.left(), l.top() + py, l.plotWidth(), 1, row, 0, l.plotWidth());
            int[] t = previous;
            previous = current;
            current = t;
        }
        return image;
    }

    /** The index of the largest score (the first of equals). */
    static int argmax(double[] scores) {
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return best;
    }

    private static double interpolate(double[] s, int nx, int ny, double fx, double fy) {
        int i = Math.min(nx - 2, Math.max(0, (int) fx));
        int j = Math.min(ny - 2, Math.max(0, (int) fy));
        double u = fx - i;
        double v = fy - j;
        double bottom = s[j * nx + i] + u * (s[j * nx + i + 1] - s[j * nx + i]);
        double top = s[(j + 1) * nx + i] + u * (s[(j + 1) * nx + i + 1] - s[(j + 1) * nx + i]);
        return bottom + v * (top - bottom);
    }

    private static BufferedImage white(PlotLayout l) {
        BufferedImage image = new BufferedImage(l.width(), l.height(), BufferedImage.TYPE_INT_RGB);
        int[] white = new int[l.width()];
        Arrays.fill(white, 0xffffff);
        for (int y = 0; y < l.height(); y++) {
            image.setRGB(0, y, l.width(), 1, white, 0, white.length);
        }
        return image;
    }
}
