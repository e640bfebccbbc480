package dev.jgrad.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * The frame, ticks, axis titles, title, legend and colour bar around a {@link BoundaryPlot}'s
 * plotting area; for a heat map the colour bar alone, labelled with predicted values.
 */
final class Decorations {
    private static final Color INK = new Color(0x222222);

    private final Graphics2D g;
    private final PlotLayout l;
    private final List<String> entries;
    private final List<Color> classColours;
    private final boolean unitCircle;

    /** {@code entries} name the classes (coloured by {@code classColours}, in order), then the lines. */
    Decorations(Graphics2D g, PlotLayout l, List<String> entries, List<Color> classColours, boolean unitCircle) {
        this.g = g;
        this.l = l;
        this.entries = entries;
        this.classColours = classColours;
        this.unitCircle = unitCircle;
    }

    static Stroke dashed(int font) {
        float w = Math.max(1.2f, font * 0.12f);
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {font * 0.5f, font * 0.3f}, 0);
    }

    void draw(String title, BoundaryPlot.Region region, String xTitle, String yTitle) {
        g.setColor(INK);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(l.left() - 0.5, l.top() - 0.5, l.plotWidth() + 1, l.plotHeight() + 1));
        ticks(region);
        axisTitles(xTitle, yTitle);
        title(title);
        legend();
    }

    private void axisTitles(String x, String y) {
        g.setColor(INK);
        g.setFont(BoundaryPlot.font(l.font(), false));
        FontMetrics m = g.getFontMetrics();
        int bottom = l.top() + l.plotHeight();
        g.drawString(x, l.left() + (l.plotWidth() - m.stringWidth(x)) / 2f, bottom + l.font() * 3.1f);
        rotated(y, l.font() * 1.3f, l.top() + l.plotHeight() / 2f);
    }

    /** {@code text} read bottom to top, centred on (x, y), x its baseline. */
    private void rotated(String text, float x, float y) {
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, x, y);
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2f, y);
        g.setTransform(saved);
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

    /** In rows under the x axis, where {@link PlotLayout} placed each entry. */
    private void legend() {
        int f = l.font();
        g.setFont(BoundaryPlot.font(f, false));
        FontMetrics m = g.getFontMetrics();
        double r = f * 0.3;
        for (int i = 0; i < entries.size(); i++) {
            int x = l.legend().get(i)[0];
            int y = l.legend().get(i)[1];
            double mid = y - m.getAscent() / 2.0 + 1;
            if (i < classColours.size()) {
                Ellipse2D dot = new Ellipse2D.Double(x + f - r, mid - r, 2 * r, 2 * r);
                g.setColor(classColours.get(i));
                g.fill(dot);
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(Math.max(1f, f * 0.07f)));
                g.draw(dot);
            } else {
                boolean truth = unitCircle && i == entries.size() - 1;
                g.setColor(INK);
                g.setStroke(truth ? dashed(f) : new BasicStroke(f * 0.15f));
                g.draw(new Line2D.Double(x, mid, x + f * 2, mid));
            }
            g.setStroke(new BasicStroke(1f));
            g.setColor(INK);
            g.drawString(entries.get(i), x + f * PlotLayout.SYMBOL, y);
        }
    }

    /** The colour bar's labels, top to bottom: the highest output, the boundary's, the lowest. */
    static List<String> barLabels(DoubleUnaryOperator output, double lowest, double highest) {
        return List.of(label(output.applyAsDouble(highest)), label(output.applyAsDouble(0)), label(output.applyAsDouble(lowest)));
    }

    /**
     * The bands of the palette upright beside the plot, class 1's end on top, labelled in the
     * model's output: the frame's lowest and highest outputs at the ends (each sign's colours are
     * scaled to its own extreme) and the boundary's value at the middle.
     */
    void colourBar(String name, DoubleUnaryOperator output, double lowest, double highest, boolean boundary) {
        int f = l.font();
        int x = l.left() + l.plotWidth() + f;
        int top = l.top();
        int height = l.plotHeight();
        int width = (int) (f * 1.1);
        int bands = 2 * Palette.BANDS;
        for (int i = 0; i < bands; i++) {
            double t = 1 - (i + 0.5) * 2.0 / bands;
            g.setColor(new Color(Palette.rgb(t)));
            int y0 = top + i * height / bands;
            int y1 = top + (i + 1) * height / bands;
            g.fillRect(x, y0, width, y1 - y0);
        }
        g.setColor(INK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, top, width, height);
        g.setFont(BoundaryPlot.font(f - 1, false));
        FontMetrics m = g.getFontMetrics();
        double[] at = {top, top + height / 2.0, top + height};
        List<String> labels = barLabels(output, lowest, highest);
        for (int i = 0; i < 3; i++) {
            g.draw(new Line2D.Double(x + width, at[i], x + width + f * 0.3, at[i]));
            float base = (float) (at[i] + m.getAscent() / 2.0 - 1);
            base = Math.max(top + m.getAscent() - 1, Math.min(base, top + height));
            g.drawString(labels.get(i), x + width + f * 0.45f, base);
        }
        g.setFont(BoundaryPlot.font(f, false));
        String title = boundary ? name + " (boundary " + label(output.applyAsDouble(0)) + ")" : name;
        rotated(title, l.width() - f * 0.6f, top + height / 2f);
    }
}
