package dev.jgrad.layout;

import java.util.List;

/**
 * Coordinates for an ordered layering: each layer a column as wide as its widest node, {@code layerGap}
 * between columns; within a column the nodes stacked in order at least {@code nodeGap} apart, then
 * pulled a few times toward the mean height of their neighbours, so that edges run as straight as the
 * gaps allow. Each pull is the mean of two feasible stackings (pushing down from the top, pushing up
 * from the bottom), and a mean of feasible stackings keeps every gap, so boxes never overlap.
 */
final class Placement {
    private static final int PULLS = 12;

    private Placement() {
    }

    /** {x centres, y centres, {width, height}} of the virtual nodes. */
    static double[][] place(int[][] order, List<int[]> segments, int total, double[] width, double[] height,
            double layerGap, double nodeGap) {
        double[] x = new double[total];
        double left = 0;
        for (int[] row : order) {
            double widest = 0;
            for (int v : row) {
                widest = Math.max(widest, width[v]);
            }
            for (int v : row) {
                x[v] = left + widest / 2;
            }
            left += widest + layerGap;
        }
        double[] y = new double[total];
        for (int[] row : order) {
            double top = 0;
            for (int v : row) {
                y[v] = top + height[v] / 2;
                top += height[v] + nodeGap;
            }
        }
        double[] sum = new double[total];
        int[] count = new int[total];
        for (int pull = 0; pull < PULLS; pull++) {
            java.util.Arrays.fill(sum, 0);
            java.util.Arrays.fill(count, 0);
            for (int[] s : segments) {
                sum[s[0]] += y[s[1]];
                count[s[0]]++;
                sum[s[1]] += y[s[0]];
                count[s[1]]++;
            }
            for (int[] row : order) {
                pull(row, y, sum, count, height, nodeGap);
            }
        }
        double top = Double.POSITIVE_INFINITY;
        double bottom = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < total; v++) {
            top = Math.min(top, y[v] - height[v] / 2);
            bottom = Math.max(bottom, y[v] + height[v] / 2);
        }
        if (total == 0) {
            top = 0;
            bottom = 0;
        }
        for (int v = 0; v < total; v++) {
            y[v] -= top;
        }
        return new double[][] {x, y, {Math.max(0, left - layerGap), bottom - top}};
    }

    private static void pull(int[] row, double[] y, double[] sum, int[] count, double[] height, double gap) {
        int m = row.length;
        double[] want = new double[m];
        for (int r = 0; r < m; r++) {
            int v = row[r];
            want[r] = count[v] == 0 ? y[v] : sum[v] / count[v];
        }
        double[] down = new double[m];
        for (int r = 0; r < m; r++) {
            down[r] = r == 0 ? want[r] : Math.max(want[r], down[r - 1] + apart(row, r - 1, height, gap));
        }
        double[] up = new double[m];
        for (int r = m - 1; r >= 0; r--) {
            up[r] = r == m - 1 ? want[r] : Math.min(want[r], up[r + 1] - apart(row, r, height, gap));
        }
        for (int r = 0; r < m; r++) {
            y[row[r]] = (down[r] + up[r]) / 2;
        }
    }

    /** The least distance between the centres of the r-th and (r+1)-th nodes of a row. */
    private static double apart(int[] row, int r, double[] height, double gap) {
        return (height[row[r]] + height[row[r + 1]]) / 2 + gap;
    }
}
