package dev.jgrad.viz;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a boundary picture, all from the plot size: the title above the plotting area,
 * tick labels and axis titles left of and below it, the colour bar on its right (two classes), and
 * the legend in rows under the x axis. The legend used to be a column beside the plot whose lower
 * two thirds stayed empty; in rows under the plot it takes only the height it needs.
 *
 * @param legend each legend entry's top-left corner, in the order of {@code entries}
 */
record PlotLayout(int width, int height, int left, int top, int plotWidth, int plotHeight, int font,
        boolean bar, List<int[]> legend) {

    /** The width of a legend entry's symbol column, in fonts. */
    static final float SYMBOL = 2.5f;

    static PlotLayout of(int plotWidth, int plotHeight, int plotSize, boolean bar, List<String> entries) {
        int f = Math.max(10, Math.round(plotSize / 34f));
        int left = f * 5;
        int top = f * 3;
        int right = bar ? f * 7 : f * 2;
        int width = left + plotWidth + right;
        FontMetrics m = metrics(f);
        int row = (int) (f * 1.7);
        int x = f;
        int y = top + plotHeight + f * 5;
        List<int[]> at = new ArrayList<>();
        for (String e : entries) {
            int w = (int) (f * SYMBOL) + m.stringWidth(e) + f * 2;
            if (x > f && x + w > width - f) {
                x = f;
                y += row;
            }
            at.add(new int[] {x, y});
            x += w;
        }
        int height = y + row;
        return new PlotLayout(width, height, left, top, plotWidth, plotHeight, f, bar, List.copyOf(at));
    }

    /** The legend's font metrics, measured on a scratch image (no screen is needed). */
    private static FontMetrics metrics(int font) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return g.getFontMetrics(BoundaryPlot.font(font, false));
        } finally {
            g.dispose();
        }
    }
}
