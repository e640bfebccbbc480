package dev.jgrad.web;

import java.util.ArrayList;
import java.util.List;

/** {@link HiddenSpace} as the page's JSON: the mapped lines and points, and the box around them to draw in. */
final class HiddenAnswer {
    private HiddenAnswer() {
    }

    /**
     * The plane as neurons a and b (from 0) of layer {@code layer} (from 1) see it: {@code {"ok":true,"lines":[[x,y,…],…],
     * "points":[x,y,class,…],"box":[xmin,xmax,ymin,ymax],"widths":[neurons per layer]}}.
     */
    static String of(double layer, double a, double b) {
        try {
            Session s = Page.session();
            if (s.setup().inputs() == 1) {
                throw new IllegalArgumentException("the hidden space carries the input plane through the network; "
                        + s.setup().data() + "'s points have one coordinate, so there is no plane to carry");
            }
            HiddenSpace h = new HiddenSpace(s.network(), s.setup().features(), Whole.of("layer", layer, 1, 64), Whole.of("a", a, 0, 1024),
                    Whole.of("b", b, 0, 1024));
            return of(h, s);
        } catch (RuntimeException e) {
            return Answers.error(e);
        }
    }

    private static String of(HiddenSpace h, Session s) {
        List<double[]> lines = h.lines(s.view());
        double[] points = h.points(s.allPoints());
        double[] box = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        List<Object> lineList = new ArrayList<>();
        for (double[] line : lines) {
            lineList.add(numbers(line, 2, box));
        }
        List<Integer> widths = new ArrayList<>();
        for (var d : s.network().layers()) {
            widths.add(d.outputs());
        }
        return Answers.ok("lines", lineList, "points", numbers(points, 3, box), "box", List.of(box[0], box[1], box[2], box[3]),
                "widths", widths);
    }

    /** The numbers for JSON, widening box by every (x, y) among them (stride: numbers per point). */
    private static List<Object> numbers(double[] v, int stride, double[] box) {
        List<Object> out = new ArrayList<>(v.length);
        for (int i = 0; i < v.length; i++) {
            out.add(Answers.number(v[i]));
            if (i % stride < 2 && Double.isFinite(v[i])) {
                int k = i % stride == 0 ? 0 : 2;
                box[k] = Math.min(box[k], v[i]);
                box[k + 1] = Math.max(box[k + 1], v[i]);
            }
        }
        return out;
    }
}
