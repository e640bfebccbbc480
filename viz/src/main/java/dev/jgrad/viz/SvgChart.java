package dev.jgrad.viz;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * A line chart written as SVG by hand: text as {@code <text>}, each series one polyline. XChart's
 * SVG export draws every glyph as an outline path (400–476 KB for a 200-epoch chart, its words
 * neither searchable nor selectable); the same chart here is a few kilobytes.
 */
final class SvgChart {
    /** One line: its legend name, points and colour. */
    record Series(String name, double[] x, double[] y, Color colour) {
    }

    /** The chart's size, as XChart's PNG beside it. */
    static final int WIDTH = 640;
    static final int HEIGHT = 400;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 45;
    private static final int BOTTOM = 55;

    private final StringBuilder b = new StringBuilder();
    private final double x0;
    private final double x1;
    private final double y0;
    private final double y1;

    private SvgChart(double x0, double x1, double y0, double y1) {
        this.x0 = x0;
        this.x1 = x1 > x0 ? x1 : x0 + 1;
        this.y0 = y0;
        this.y1 = y1 > y0 ? y1 : y0 + 1;
    }

    /**
     * The SVG text of a chart over x in [xMin, xMax] and y in [yMin, yMax], legend in the top right
     * ({@code legendLow} false) or bottom right corner.
     */
    static String svg(String title, String xTitle, String yTitle, List<Series> series,
            double xMin, double xMax, double yMin, double yMax, boolean legendLow) {
        SvgChart c = new SvgChart(xMin, xMax, yMin, yMax);
        c.b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        c.text(WIDTH / 2.0, 26, "middle", 16, "bold", title, null);
        c.axes(xTitle, yTitle);
        for (Series s : series) {
            c.line(s);
        }
        c.legend(series, legendLow);
        return c.b.append("</svg>\n").toString();
    }

    private double px(double x) {
        return LEFT + (x - x0) / (x1 - x0) * (WIDTH - LEFT - RIGHT);
    }

    private double py(double y) {
        return HEIGHT - BOTTOM - (y - y0) / (y1 - y0) * (HEIGHT - TOP - BOTTOM);
    }

    private void axes(String xTitle, String yTitle) {
        double right = WIDTH - RIGHT;
        double bottom = HEIGHT - BOTTOM;
        b.append("<g stroke=\"#e4e4e4\" stroke-width=\"1\">\n");
        for (double y : Decorations.ticks(y0, y1)) {
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\"/>%n", LEFT, py(y), right, py(y)));
        }
        b.append("</g>\n");
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" stroke=\"#222222\"/>%n",
                LEFT, TOP, right - LEFT, bottom - TOP));
        int decimals = decimals(Decorations.ticks(y0, y1));
        for (double y : Decorations.ticks(y0, y1)) {
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#222222\"/>%n",
                    LEFT - 5, py(y), LEFT, py(y)));
            text(LEFT - 8, py(y) + 4, "end", 12, null, String.format(Locale.ROOT, "%." + decimals + "f", y), null);
        }
        for (double x : Decorations.ticks(x0, x1)) {
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#222222\"/>%n",
                    px(x), bottom, px(x), bottom + 5));
            text(px(x), bottom + 19, "middle", 12, null, Long.toString(Math.round(x)), null);
        }
        text((LEFT + right) / 2, HEIGHT - 14, "middle", 13, null, xTitle, null);
        text(18, (TOP + bottom) / 2, "middle", 13, null, yTitle, "rotate(-90 18 " + (TOP + bottom) / 2 + ")");
    }

    /** Enough decimals that neighbouring ticks differ, at least two (as XChart's 0.00 pattern). */
    private static int decimals(List<Double> ticks) {
        double step = ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : 1;
        return Math.max(2, (int) Math.ceil(-Math.log10(step) - 1e-9));
    }

    private void line(Series s) {
        b.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                + "stroke-linejoin=\"round\" stroke-linecap=\"round\" points=\"", hex(s.colour())));
        for (int i = 0; i < s.x().length; i++) {
            if (Double.isFinite(s.y()[i])) {
                double y = Math.max(y0, Math.min(y1, s.y()[i]));
                b.append(String.format(Locale.ROOT, i == 0 ? "%.1f,%.1f" : " %.1f,%.1f", px(s.x()[i]), py(y)));
            }
        }
        b.append("\"><title>").append(escape(s.name())).append("</title></polyline>\n");
    }

    private void legend(List<Series> series, boolean low) {
        int rows = series.size();
        double w = 118;
        double h = 10 + 20 * rows;
        double x = WIDTH - RIGHT - w - 10;
        double y = low ? HEIGHT - BOTTOM - h - 10 : TOP + 10;
        b.append(String.format(Locale.ROOT, "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\" stroke=\"#bbbbbb\"/>%n",
                x, y, w, h));
        for (int i = 0; i < rows; i++) {
            double mid = y + 15 + 20 * i;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    x + 8, mid, x + 32, mid, hex(series.get(i).colour())));
            text(x + 40, mid + 4, "start", 12, null, series.get(i).name(), null);
        }
    }

    private void text(double x, double y, String anchor, int size, String weight, String text, String transform) {
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\"", x, y, size, anchor));
        if (weight != null) {
            b.append(" font-weight=\"").append(weight).append('"');
        }
        if (transform != null) {
            b.append(" transform=\"").append(transform).append('"');
        }
        b.append(" fill=\"#222222\">").append(escape(text)).append("</text>\n");
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xffffff);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
