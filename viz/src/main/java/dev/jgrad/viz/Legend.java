package dev.jgrad.viz;

import dev.jgrad.data.Dataset;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/** What a {@link BoundaryPlot} shows of its data: the region around it, the legend's words and colours. */
final class Legend {
    private Legend() {
    }

    /** The points' bounding box, widened by {@code margin} of its size on every side. */
    static BoundaryPlot.Region around(double[][] points, double margin) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            x0 = Math.min(x0, p[0]);
            x1 = Math.max(x1, p[0]);
            y0 = Math.min(y0, p[1]);
            y1 = Math.max(y1, p[1]);
        }
        if (points.length == 0) {
            return BoundaryPlot.Region.square(1);
        }
        double w = Math.max(x1 - x0, 1e-9);
        double h = Math.max(y1 - y0, 1e-9);
        return new BoundaryPlot.Region(x0 - margin * w, x1 + margin * w, y0 - margin * h, y1 + margin * h);
    }

    /** The legend's words: each class (class 1 first for two, as the post's legend), then the lines; none for a heat map. */
    static List<String> entries(Dataset data, boolean unitCircle, boolean heatMap) {
        List<String> out = new ArrayList<>();
        if (heatMap) {
            return out;
        }
        for (int c : order(data)) {
            String name = data.classNames().get(c);
            out.add(name.equals(Integer.toString(c)) ? "class " + c : name + " (" + c + ")");
        }
        out.add("model boundary");
        if (unitCircle) {
            out.add("true boundary");
        }
        return out;
    }

    /** The classes' colours in the legend's order. */
    static List<Color> colours(Dataset data, boolean heatMap) {
        List<Color> out = new ArrayList<>();
        if (!heatMap) {
            for (int c : order(data)) {
                out.add(colour(data, c));
            }
        }
        return out;
    }

    /** Class c's colour: red and blue for two classes (the post's), Okabe–Ito's beyond. */
    static Color colour(Dataset data, int c) {
        return data.classes() == 2 ? (c == 1 ? Palette.CLASS1 : Palette.CLASS0) : Palette.category(c);
    }

    private static List<Integer> order(Dataset data) {
        List<Integer> out = new ArrayList<>();
        if (data.classes() == 2) {
            return List.of(1, 0);
        }
        for (int c = 0; c < data.classes(); c++) {
            out.add(c);
        }
        return out;
    }
}
