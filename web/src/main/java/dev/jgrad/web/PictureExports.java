package dev.jgrad.web;

import dev.jgrad.app.BoundaryReading;
import dev.jgrad.data.Scorer;
import dev.jgrad.nn.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@link Playground}'s exports of the plot's pictures: the view box, the boundary and its contour, the curve, the
 * neurons' maps, a frame of them all from one pass, the activations at a point and the post's reading of the boundary.
 * All are computed from the weights as plain numbers, no graph; the last boundary is kept for its contour.
 */
final class PictureExports {
    /** The last boundary grid drawn, and its side, for {@link #contour}. */
    private static double[] lastBoundary;
    private static int lastSide;

    private PictureExports() {
    }

    /**
     * The view box in data coordinates: {@code {"xmin":..,"xmax":..,"ymin":..,"ymax":..,"circle":radius|null,"task":..,
     * "range":..,"curve":..}}, circle the true boundary's radius on the circle data (class 1 inside the unit circle), drawn
     * dashed as {@code jgrad demo} does; for the rest see {@link Fit#describe}.
     */
    static String view() {
        Session s = Page.session();
        Map<String, Object> m = s.view().toMap();
        m.put("circle", s.setup().data().equals("circle") ? 1.0 : null);
        Fit.describe(s, m);
        return Answers.write(m);
    }

    /**
     * The model's output on an n×n grid over the view box (cell centres), row by row from the top left, as the
     * loss's margin: positive for class 1, 0 on the decision boundary (for mse, the tanh output less 0.5; for
     * bce, the logit); on regression data the output itself, in the target's units. Computed from the weights as
     * plain numbers, no graph; n from 1 to 400.
     */
    static double[] boundary(double n) {
        Session s = Page.session();
        lastBoundary = Fit.picture(s, Whole.of("n", n, 1, 400));
        lastSide = (int) n;
        return lastBoundary;
    }

    /**
     * The decision boundary of the last {@link #boundary} grid as line segments, four numbers each (x1, y1, x2, y2 as
     * fractions of the picture from its top left): where the output crosses 0.5 under mse (0 of the margin), 0 of the logit
     * under bce. None for regression data.
     */
    static double[] contour() {
        // A regression has no classes, so no boundary between them: no line.
        return lastBoundary == null || Page.session().setup().regression() ? new double[0] : Contour.segments(lastBoundary, lastSide);
    }

    /**
     * What one neuron computes on the same grid, after its activation: layer from 1 (hidden layers; the number of
     * hidden layers + 1 is the output), index from 0. Empty for a neuron that does not exist.
     */
    static double[] neuron(double layer, double index, double n) {
        Session s = Page.session();
        if (!(layer >= 1) || layer != Math.rint(layer) || !(index >= 0) || index != Math.rint(index)) {
            return new double[0];
        }
        return Grid.values(s.network(), s.setup().features(), s.setup().loss(), s.view(), Whole.of("n", n, 1, 400),
                (int) Math.min(layer, Integer.MAX_VALUE), (int) Math.min(index, Integer.MAX_VALUE));
    }

    /**
     * The model's curve over data of one coordinate (the sine): its output at n evenly spaced x across the view
     * (cell centres, left to right), for the page to draw over the points; empty for data of two coordinates.
     */
    static double[] curve(double n) {
        return Fit.curve(Page.session(), Whole.of("n", n, 2, 1000));
    }

    /**
     * Every hidden neuron's picture on an n×n grid from one pass of the network over the grid: what {@link #neuron} gives
     * for each, one after another (layer 1's neurons, then layer 2's, …), n² values each. One pass serves them all, so the
     * largest network (6 layers of 16) redraws its 96 maps at the cost of one.
     */
    static double[] neurons(double n) {
        Session s = Page.session();
        return Grid.hidden(s.network(), s.setup().features(), s.view(), Whole.of("n", n, 1, 400));
    }

    /**
     * A frame's pictures from one pass of the network over the n×n grid: the boundary ({@link #boundary}'s n² values, kept
     * for {@link #contour()}), then every neuron's map on an m×m grid read off the same pass (m dividing n; the hidden
     * neurons layer after layer, then the output's margin, m² values each, as {@link Grid#frame} samples them). So the
     * largest network (6 layers of 16) draws its boundary and its 97 maps for the cost of the boundary alone.
     */
    static double[] frame(double n, double m) {
        Session s = Page.session();
        int side = Whole.of("n", n, 1, 400);
        int small = Whole.of("m", m, 1, side);
        if (side % small != 0) {
            throw new IllegalArgumentException("m must divide n, got n " + side + " and m " + small);
        }
        Grid.Frame f = Grid.frame(s.network(), s.setup().features(), Fit.reading(s), s.view(), side, small);
        lastBoundary = f.boundary();
        lastSide = side;
        double[] all = Arrays.copyOf(f.boundary(), f.boundary().length + f.maps().length);
        System.arraycopy(f.maps(), 0, all, f.boundary().length, f.maps().length);
        return all;
    }

    /**
     * Every neuron's activation at the point (x1, x2) of the plot, for the numbers on hover: {@code {"ok":true,"layers":
     * [[a, ..], ..]}} (the last layer is the output, after its activation).
     */
    static String activations(double x1, double x2) {
        if (!Double.isFinite(x1) || !Double.isFinite(x2)) {
            return Answers.error(new IllegalArgumentException("a point needs finite coordinates"));
        }
        Session s = Page.session();
        double[][] a = Grid.activations(s.network(), s.setup().features().apply(new double[] {x1, x2}));
        List<Object> layers = new ArrayList<>();
        for (double[] layer : a) {
            List<Object> l = new ArrayList<>();
            for (double v : layer) {
                l.add(Answers.number(v));
            }
            layers.add(l);
        }
        return Answers.ok("layers", layers);
    }

    /**
     * What the boundary shows now, in the words {@code jgrad demo} uses for the post's figures and measured the same
     * way: {@code {"ok":true,"text":"After E epochs: …"}}, for a network of one hidden layer on the circle.
     */
    static String reading() {
        Session s = Page.session();
        Setup setup = s.setup();
        if (setup.hidden().size() != 1 || !setup.data().equals("circle")) {
            return Answers.error(new IllegalStateException("the boundary is read on the circle with one hidden layer, as in the post"));
        }
        Network net = s.network();
        Scorer scorer = (x, y) -> Grid.margin(net, setup.features(), setup.loss(), x, y);
        return Answers.ok("text", "After " + s.epochs() + " epochs: " + BoundaryReading.of(setup.hidden().get(0), scorer));
    }
}
