package dev.jgrad.web;

import java.util.ArrayList;
import java.util.List;

/** {@link HiddenSpace} as the page's JSON: the mapped lines and points, and the box around them to draw in. */
final class HiddenAnswer {
    private HiddenAnswer() {
    }

    static String of(HiddenSpace h, Session s) {
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
