package dev.jgrad.web;

import java.util.Arrays;

/**
 * The 0 contour of a grid of values as line segments (marching squares): the decision boundary drawn as a line over
 * the heat map. A segment joins the points where the value crosses 0 on two edges of a square of four neighbouring
 * grid values, each found by linear interpolation between them.
 */
final class Contour {
    private Contour() {
    }

    /**
     * The segments of the 0 contour of an n×n grid (row by row from the top left, each value at its cell's centre), four
     * numbers each: x1, y1, x2, y2 as fractions of the picture's width and height from its top left corner.
     */
    static double[] segments(double[] v, int n) {
        if (n < 2 || v.length != n * n) {
            return new double[0];
        }
        double[] out = new double[16 * n];
        int k = 0;
        double[] p = new double[8];
        for (int j = 0; j + 1 < n; j++) {
            for (int i = 0; i + 1 < n; i++) {
                // The square's corners in order around it: top left, top right, bottom right, bottom left.
                int[] ci = {i, i + 1, i + 1, i};
                int[] cj = {j, j, j + 1, j + 1};
                int m = 0;
                for (int e = 0; e < 4; e++) {
                    double a = v[cj[e] * n + ci[e]];
                    double b = v[cj[(e + 1) % 4] * n + ci[(e + 1) % 4]];
                    if (a > 0 != b > 0 && Double.isFinite(a) && Double.isFinite(b)) {
                        double t = a / (a - b);
                        p[2 * m] = (ci[e] + t * (ci[(e + 1) % 4] - ci[e]) + 0.5) / n;
                        p[2 * m + 1] = (cj[e] + t * (cj[(e + 1) % 4] - cj[e]) + 0.5) / n;
                        m++;
                    }
                }
                // Two crossings make one segment; four (a saddle) make two, paired around the square.
                for (int s = 0; s + 1 < m; s += 2) {
                    if (k + 4 > out.length) {
                        out = Arrays.copyOf(out, 2 * out.length);
                    }
                    System.arraycopy(p, 2 * s, out, k, 4);
                    k += 4;
                }
            }
        }
        return Arrays.copyOf(out, k);
    }
}
