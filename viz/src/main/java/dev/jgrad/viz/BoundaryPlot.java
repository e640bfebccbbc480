package dev.jgrad.viz;

import dev.jgrad.data.Dataset;
import dev.jgrad.data.Scorer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * The decision boundary of a model over 2-D data: the model's score filled in red–blue bands, its
 * 0 contour drawn, the points coloured by class, the true unit circle dashed for the circle data,
 * axis titles, a colour bar in the model's own output (see {@link #output}), a legend and a title.
 * For more than two classes, {@link #drawClasses} fills each class's arg-max region in its colour.
 * Configure once per dataset, then draw the model as often as it changes (an animation draws one
 * frame per snapshot).
 *
 * <p>For 2-D regression data, {@link #heatMap} draws the model's prediction instead: the same bands,
 * centred on the middle of the targets' range, with each point filled in its own target's colour,
 * so a point that disappears into its background is one the model fits.
 *
 * <pre>{@code
 * BufferedImage png = BoundaryPlot.of(train).draw(model.scorer(Loss.MSE), BoundaryPlot.title(200, 9));
 * }</pre>
 */
public final class BoundaryPlot {
    /** The rectangle of data space drawn. */
    public record Region(double xMin, double xMax, double yMin, double yMax) {
        public Region {
            if (!(xMin < xMax && yMin < yMax) || !Double.isFinite(xMax - xMin) || !Double.isFinite(yMax - yMin)) {
                throw new IllegalArgumentException("a region needs xMin < xMax and yMin < yMax, finite; got "
                        + "x " + xMin + "…" + xMax + ", y " + yMin + "…" + yMax);
            }
        }

        /** The square [−h, h]² around the origin. */
        public static Region square(double h) {
            return new Region(-h, h, -h, h);
        }

    }

    /** A model with one score per class (its outputs); the largest names the predicted class. */
    @FunctionalInterface
    public interface Classes {
        double[] scores(double x, double y);
    }

    /** Room around the circle data's square, so points on its edge are drawn whole. */
    static final double CIRCLE_MARGIN = 0.05;

    private final Dataset data;
    private Region region;
    private boolean unitCircle;
    private boolean points = true;
    private int plotSize = 440;
    private int lattice = 100;
    private String xTitle = "x1";
    private String yTitle = "x2";
    private String outputName = "model score";
    private DoubleUnaryOperator output = DoubleUnaryOperator.identity();
    /** A heat map's centre of the colour scale (the middle of the targets' range); NaN for a boundary picture. */
    private double centre = Double.NaN;

    private BoundaryPlot(Dataset data) {
        this.data = data;
        this.unitCircle = data.name().startsWith("circle");
        this.region = unitCircle ? Region.square(Math.sqrt(2 * Math.PI) / 2 * (1 + CIRCLE_MARGIN))
                : Legend.around(data.points(), 0.08);
    }

    /**
     * A plot of {@code data}'s points (2 features, 2 classes or more): the region their bounding
     * box, and the unit circle dashed when the data is the circle set (its name starts with "circle").
     */
    public static BoundaryPlot of(Dataset data) {
        Objects.requireNonNull(data, "data");
        if (data.features() != 2 && data.size() > 0 || data.classes() < 2) {
            throw new IllegalArgumentException("a decision-boundary picture needs 2 features and 2 classes or more; "
                    + data.name() + " has " + data.features() + " features and " + data.classes() + " classes");
        }
        return new BoundaryPlot(data);
    }

    /**
     * A heat map of a regression model over {@code data}'s points (2 features, regression targets):
     * {@link #draw} then takes a scorer that gives the predicted value at (x, y).
     */
    public static BoundaryPlot heatMap(Dataset data) {
        Objects.requireNonNull(data, "data");
        if (data.features() != 2 || data.targets() == null || data.size() == 0) {
            throw new IllegalArgumentException("a heat map needs regression data of 2 features; " + data.name() + " has "
                    + data.features() + " features and is for " + data.task().id());
        }
        BoundaryPlot plot = new BoundaryPlot(data);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double t : data.targets()) {
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
        }
        double middle = (lo + hi) / 2;
        plot.centre = middle;
        plot.unitCircle = false;
        return plot.output("prediction (points: their target)", s -> s + middle);
    }

    private boolean isHeatMap() {
        return !Double.isNaN(centre);
    }

    public BoundaryPlot region(Region region) {
        this.region = Objects.requireNonNull(region, "region");
        return this;
    }

    /** Whether to draw the true boundary of the circle data, the unit circle, dashed. */
    public BoundaryPlot unitCircle(boolean draw) {
        this.unitCircle = draw;
        return this;
    }

    /** Whether to draw the data points (default true). */
    public BoundaryPlot points(boolean draw) {
        this.points = draw;
        return this;
    }

    /** The axis titles (default x1 and x2; a CSV's feature names). */
    public BoundaryPlot axes(String x, String y) {
        this.xTitle = Objects.requireNonNull(x, "x");
        this.yTitle = Objects.requireNonNull(y, "y");
        return this;
    }

    /**
     * How the colour bar reads a score: {@code fromScore} turns the scorer's signed score into the
     * model's own output (for squared error against 0/1 targets, {@code s -> s + 0.5}; for a
     * logit, the sigmoid), so the bar says what the model said, and where its boundary is.
     */
    public BoundaryPlot output(String name, DoubleUnaryOperator fromScore) {
        this.outputName = Objects.requireNonNull(name, "name");
        this.output = Objects.requireNonNull(fromScore, "fromScore");
        return this;
    }

    /** The longer side of the plotting area in pixels (default 440); text and legend scale with it. */
    public BoundaryPlot plotSize(int pixels) {
        if (pixels < 120 || pixels > 4000) {
            throw new IllegalArgumentException("plot size must be 120…4000 pixels, got " + pixels);
        }
        this.plotSize = pixels;
        return this;
    }

    /** How many points along the longer side the model is scored at (default 100; the post used 50). */
    public BoundaryPlot lattice(int points) {
        if (points < 2 || points > 2000) {
            throw new IllegalArgumentException("lattice must be 2…2000 points per side, got " + points);
        }
        this.lattice = points;
        return this;
    }

    /** "Decision Boundary (k Epochs; N Neurons)", the post's title. */
    public static String title(int epochs, int neurons) {
        return "Decision Boundary (" + plural(epochs, "Epoch") + "; " + plural(neurons, "Neuron") + ")";
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Scores the two-class model over the region and draws the picture. */
    public BufferedImage draw(Scorer scorer, String title) {
        return draw(sample(scorer), title);
    }

    /** The scores {@link #draw(Scorer, String)} colours, on the picture's lattice. */
    ScoreGrid sample(Scorer scorer) {
        if (!isHeatMap() && data.classes() != 2) {
            throw new IllegalStateException(data.name() + " has " + data.classes() + " classes: draw it with drawClasses");
        }
        // A heat map's colours are centred on the targets' middle: the grid holds value − centre.
        return ScoreGrid.sample(isHeatMap() ? (x, y) -> scorer.score(x, y) - centre : scorer, region,
                lattice()[0], lattice()[1]);
    }

    /** Draws sampled scores, coloured on the grid's own scale. */
    BufferedImage draw(ScoreGrid grid, String title) {
        PlotLayout l = layout(true);
        BufferedImage image = RegionFill.binary(grid, l);
        Graphics2D g = graphics(image);
        try {
            AffineTransform toPixels = new AffineTransform(
                    (double) l.plotWidth() / (grid.nx - 1), 0, 0, -(double) l.plotHeight() / (grid.ny - 1),
                    l.left(), l.top() + l.plotHeight());
            Shape clip = g.getClip();
            g.clipRect(l.left(), l.top(), l.plotWidth(), l.plotHeight());
            g.setColor(new Color(0x1a1a1a));
            g.setStroke(new BasicStroke(l.font() * 0.15f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            if (!isHeatMap()) {
                g.draw(toPixels.createTransformedShape(grid.zeroContour()));
            }
            g.setClip(clip);
            drawData(g, l, grid);
            Decorations d = new Decorations(g, l, entries(), colours(), unitCircle);
            d.draw(title, region, xTitle, yTitle);
            d.colourBar(outputName, output, grid.minimum(), grid.maximum(), !isHeatMap());
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Fills each class's region (where its score is the largest) in its colour and draws the points. */
    public BufferedImage drawClasses(Classes scorer, String title) {
        PlotLayout l = layout(false);
        BufferedImage image = RegionFill.classes(scorer, data.classes(), region, lattice(), l);
        Graphics2D g = graphics(image);
        try {
            drawData(g, l, null);
            new Decorations(g, l, entries(), colours(), unitCircle).draw(title, region, xTitle, yTitle);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Where the data point (x, y) lands in the picture. */
    public Point2D pixel(double x, double y) {
        PlotLayout l = layout(data.classes() == 2 || isHeatMap());
        return new Point2D.Double(l.left() + (x - region.xMin()) / (region.xMax() - region.xMin()) * l.plotWidth(),
                l.top() + (region.yMax() - y) / (region.yMax() - region.yMin()) * l.plotHeight());
    }

    /** The class at each point of a coarse lattice, to tell whether the boundary moved. */
    int[] decisions(Scorer scorer) {
        return ScoreGrid.decisions((x, y) -> scorer.score(x, y) > 0 ? 1 : 0, region, DECISIONS);
    }

    int[] classDecisions(Classes scorer) {
        return ScoreGrid.decisions((x, y) -> RegionFill.argmax(scorer.scores(x, y)), region, DECISIONS);
    }

    private static final int DECISIONS = 48;

    private int[] lattice() {
        double dx = region.xMax() - region.xMin();
        double dy = region.yMax() - region.yMin();
        int nx = dx >= dy ? lattice : Math.max(2, (int) Math.round(lattice * dx / dy));
        int ny = dy >= dx ? lattice : Math.max(2, (int) Math.round(lattice * dy / dx));
        return new int[] {nx, ny};
    }

    private PlotLayout layout(boolean bar) {
        double dx = region.xMax() - region.xMin();
        double dy = region.yMax() - region.yMin();
        int w = dx >= dy ? plotSize : (int) Math.round(plotSize * dx / dy);
        int h = dy >= dx ? plotSize : (int) Math.round(plotSize * dy / dx);
        return PlotLayout.of(w, h, plotSize, bar, entries());
    }

    private List<String> entries() {
        return Legend.entries(data, unitCircle, isHeatMap());
    }

    private List<Color> colours() {
        return Legend.colours(data, isHeatMap());
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    /**
     * The true circle and the points, unclipped: a point on the region's edge is drawn whole. A heat
     * map's points take their target's colour on {@code grid}'s scale.
     */
    private void drawData(Graphics2D g, PlotLayout l, ScoreGrid grid) {
        if (unitCircle) {
            Point2D a = pixel(-1, 1);
            Point2D b = pixel(1, -1);
            g.setColor(new Color(0x333333));
            g.setStroke(Decorations.dashed(l.font()));
            g.draw(new Ellipse2D.Double(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY()));
        }
        if (points) {
            double r = l.font() * 0.3;
            g.setStroke(new BasicStroke(Math.max(1f, l.font() * 0.07f)));
            double[][] p = data.points();
            for (int i = 0; i < p.length; i++) {
                Point2D at = pixel(p[i][0], p[i][1]);
                Ellipse2D dot = new Ellipse2D.Double(at.getX() - r, at.getY() - r, 2 * r, 2 * r);
                g.setColor(isHeatMap() ? new Color(Palette.rgb(grid.normalised(data.targets()[i] - centre)))
                        : Legend.colour(data, data.labels()[i]));
                g.fill(dot);
                g.setColor(Color.BLACK);
                g.draw(dot);
            }
        }
    }

    static Font font(int size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size);
    }
}
