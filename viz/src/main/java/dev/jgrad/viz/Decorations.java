package dev.jgrad.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The frame, ticks, title and legend around a {@link BoundaryPlot}'s plotting area; for a heat map
 * the legend is the colour bar alone, labelled with the predicted values at its ends and middle.
 */
final class Decorations {
    private static final Color INK = new Color(0x222222);

    private final Graphics2D g;
    private final BoundaryPlot.Layout l;
    private final List<String> classNames;
    private final boolean unitCircle;
    /** A heat map's lowest, middle and highest value of the colour bar; null for a boundary picture. */
    private final double[] range;

    Decorations(Graphics2D g, BoundaryPlot.Layout l, List<String> classNames, boolean unitCircle, double[] range) {
        this.g = g;
        this.l = l;
        this.classNames = classNames;
        this.unitCircle = unitCircle;
        this.range = range;
    }

    static Stroke dashed(int font) {
        float w = Math.max(1.2f, font * 0.12f);
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {font * 0.5f, font * 0.3f}, 0);
    }

    void draw(String title, BoundaryPlot.Region region) {
        g.setColor(INK);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(l.left() - 0.5, l.top() - 0.5, l.plotWidth() + 1, l.plotHeight() + 1));
        ticks(region);
        title(title);
        legend();
    }

    /**
     * Centred over the plot; over the whole picture if that is too narrow; smaller if even that is.
     * Never closer to an edge than a font size: a title touching the border looks cut off.
     */
    private void title(String title) {
        int margin = l.font();
        int width = l.width() - 2 * margin;
        for (int size = l.font() + 3; ; size--) {
            g.setFont(BoundaryPlot.font(size, true));
            int w = g.getFontMetrics().stringWidth(title);
            if (w <= width || size <= 8) {
                int x = l.left() + l.plotWidth() / 2 - w / 2;
                x = Math.max(margin, Math.min(x, l.width() - margin - w));
                g.drawString(title, x, l.top() - l.font());
                return;
            }
        }
    }

    private void ticks(BoundaryPlot.Region r) {
        g.setFont(BoundaryPlot.font(l.font() - 1, false));
        FontMetrics m = g.getFontMetrics();
        int tick = Math.max(3, l.font() / 3);
        for (double x : ticks(r.xMin(), r.xMax())) {
            double px = l.left() + (x - r.xMin()) / (r.xMax() - r.xMin()) * l.plotWidth();
            int bottom = l.top() + l.plotHeight();
            g.draw(new Line2D.Double(px, bottom, px, bottom + tick));
            String s = label(x);
            g.drawString(s, (float) (px - m.stringWidth(s) / 2.0), bottom + tick + m.getAscent());
        }
        for (double y : ticks(r.yMin(), r.yMax())) {
            double py = l.top() + (r.yMax() - y) / (r.yMax() - r.yMin()) * l.plotHeight();
            g.draw(new Line2D.Double(l.left() - tick, py, l.left(), py));
            String s = label(y);
            g.drawString(s, l.left() - tick - 3 - m.stringWidth(s), (float) (py + m.getAscent() / 2.0 - 1));
        }
    }

    /** Round values 1, 2 or 5 × 10^k apart, about five of them across the range. */
    static List<Double> ticks(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * (raw / magnitude < 1.5 ? 1 : raw / magnitude < 3.5 ? 2 : raw / magnitude < 7.5 ? 5 : 10);
        List<Double> out = new ArrayList<>();
        for (double v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
            out.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return out;
    }

    private static String label(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.replace('-', '\u2212');
    }

    private void legend() {
        int f = l.font();
        int x = l.left() + l.plotWidth() + f * 2;
        int y = l.top() + f;
        g.setFont(BoundaryPlot.font(f, false));
        FontMetrics m = g.getFontMetrics();
        int row = (int) (f * 1.7);
        double r = f * 0.3;
        if (range != null) {
            g.setColor(INK);
            g.drawString("points: their target", x, y);
            colourBar(x, y + row, m);
            return;
        }
        for (int c = 1; c >= 0; c--) {
            Ellipse2D dot = new Ellipse2D.Double(x + f - r, y - m.getAscent() / 2.0 + 1 - r, 2 * r, 2 * r);
            g.setColor(c == 1 ? Palette.CLASS1 : Palette.CLASS0);
            g.fill(dot);
            g.setColor(Color.BLACK);
            g.draw(dot);
            g.setColor(INK);
            g.drawString(className(c), x + f * 2.5f, y);
            y += row;
        }
        line(x, y, new BasicStroke(f * 0.15f), "model boundary");
        y += row;
        if (unitCircle) {
            line(x, y, dashed(f), "true boundary");
            y += row;
        }
        colourBar(x, y + f / 2, m);
    }

    private String className(int c) {
        String name = classNames.get(c);
        return name.equals(Integer.toString(c)) ? "class " + c : name + " (" + c + ")";
    }

    private void line(int x, int y, Stroke stroke, String text) {
        double mid = y - g.getFontMetrics().getAscent() / 2.0 + 1;
        g.setColor(INK);
        g.setStroke(stroke);
        g.draw(new Line2D.Double(x, mid, x + l.font() * 2, mid));
        g.setStroke(new BasicStroke(1f));
        g.drawString(text, x + l.font() * 2.5f, y);
    }

    /** The bands of the palette, class 0's end on the left, with the score's sign under it. */
    private void colourBar(int x, int y, FontMetrics m) {
        int f = l.font();
        int width = f * 12;
        int height = f;
        g.setColor(INK);
        g.drawString(range == null ? "model score" : "prediction", x, y);
        int top = y + f / 2;
        int bands = 2 * Palette.BANDS;
        for (int i = 0; i < bands; i++) {
            double t = -1 + (i + 0.5) * 2.0 / bands;
            g.setColor(new Color(Palette.rgb(t)));
            int x0 = x + i * width / bands;
            int x1 = x + (i + 1) * width / bands;
            g.fillRect(x0, top, x1 - x0, height);
        }
        g.setColor(INK);
        g.drawRect(x, top, width, height);
        int base = top + height + m.getAscent() + 2;
        String low = range == null ? "\u2212" : label(range[0]);
        String zero = range == null ? "0" : label(range[1]);
        String high = range == null ? "+" : label(range[2]);
        g.drawString(low, x, base);
        g.drawString(zero, x + width / 2 - m.stringWidth(zero) / 2, base);
        g.drawString(high, x + width - m.stringWidth(high), base);
    }
}
