package dev.jgrad.web;

import dev.jgrad.data.Dataset;
import java.util.LinkedHashMap;
import java.util.Map;

/** The square of the plane the pictures cover, in data coordinates. */
record View(double xmin, double xmax, double ymin, double ymax) {
    /** Where a learner draws points: ±1.5, around the unit circle of the post's task. */
    static final View DRAWING = new View(-1.5, 1.5, -1.5, 1.5);

    /**
     * A square around the points with a tenth of its side to spare on each side; {@link #DRAWING} for none. Points of one
     * coordinate (the sine) are drawn as a curve: x across, the target up.
     */
    static View around(Dataset data) {
        if (data.size() == 0) {
            return DRAWING;
        }
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
        for (int i = 0; i < data.size(); i++) {
            double[] p = data.points()[i];
            double y = p.length > 1 ? p[1] : data.targets()[i];
            x0 = Math.min(x0, p[0]);
            x1 = Math.max(x1, p[0]);
            y0 = Math.min(y0, y);
            y1 = Math.max(y1, y);
        }
        double side = Math.max(Math.max(x1 - x0, y1 - y0), 1e-9) * 1.2;
        double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
        return new View(cx - side / 2, cx + side / 2, cy - side / 2, cy + side / 2);
    }

    /** This box, grown to hold the points too. */
    View with(Dataset data) {
        if (data.size() == 0) {
            return this;
        }
        View a = around(data);
        return new View(Math.min(xmin, a.xmin), Math.max(xmax, a.xmax), Math.min(ymin, a.ymin), Math.max(ymax, a.ymax));
    }

    /** The x of column {@code i} of an n-wide grid (its cell's centre). */
    double x(int i, int n) {
        return xmin + (i + 0.5) * (xmax - xmin) / n;
    }

    /** The y of row {@code j} of an n-high grid, row 0 at the top. */
    double y(int j, int n) {
        return ymax - (j + 0.5) * (ymax - ymin) / n;
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        // JSON has no infinity: an edge beyond the doubles (points near ±1e308) is null, not a thrown answer.
        m.put("xmin", Answers.number(xmin));
        m.put("xmax", Answers.number(xmax));
        m.put("ymin", Answers.number(ymin));
        m.put("ymax", Answers.number(ymax));
        return m;
    }
}
