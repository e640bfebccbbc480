package dev.jgrad.app;

import dev.jgrad.data.Scorer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How far a decision boundary bends: the boundary's crossings of a fine lattice, grouped into
 * connected pieces, and for the longest piece the root-mean-square distance of its points from
 * their best straight line (the smaller principal axis). A straight line or a strip between two
 * parallel lines gives about 0 (each piece is straight); the post's two-neuron "parabola" gives
 * several hundredths of the square's side.
 */
final class BoundaryShape {
    private static final int LATTICE = 200;

    private BoundaryShape() {
    }

    /** The bend of {@code scorer}'s 0 contour over the square [−h, h]², in data units. */
    static double bend(Scorer scorer, double h) {
        List<double[]> points = crossings(scorer, h);
        double near = 4 * 2 * h / LATTICE;
        int[] piece = new int[points.size()];
        Arrays.fill(piece, -1);
        List<double[]> longest = List.of();
        for (int start = 0, id = 0; start < points.size(); start++) {
            if (piece[start] >= 0) {
                continue;
            }
            List<double[]> members = new ArrayList<>();
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
            piece[start] = id;
            while (!queue.isEmpty()) {
                double[] p = points.get(queue.poll());
                members.add(p);
                for (int k = 0; k < points.size(); k++) {
                    if (piece[k] < 0 && Math.hypot(p[0] - points.get(k)[0], p[1] - points.get(k)[1]) < near) {
                        piece[k] = id;
                        queue.add(k);
                    }
                }
            }
            id++;
            longest = members.size() > longest.size() ? members : longest;
        }
        return longest.size() < 3 ? 0 : offLine(longest);
    }

    /** Where the score changes sign between neighbours along the lattice's rows and columns. */
    private static List<double[]> crossings(Scorer s, double h) {
        List<double[]> out = new ArrayList<>();
        double step = 2 * h / LATTICE;
        for (int j = 0; j < LATTICE; j++) {
            double c = -h + (j + 0.5) * step;
            for (int i = 0; i < LATTICE; i++) {
                double a = -h + i * step;
                if (s.score(a, c) > 0 != s.score(a + step, c) > 0) {
                    out.add(new double[] {a + step / 2, c});
                }
                if (s.score(c, a) > 0 != s.score(c, a + step) > 0) {
                    out.add(new double[] {c, a + step / 2});
                }
            }
        }
        return out;
    }

    /** The RMS distance of the points from their principal axis. */
    private static double offLine(List<double[]> p) {
        double mx = 0;
        double my = 0;
        for (double[] q : p) {
            mx += q[0] / p.size();
            my += q[1] / p.size();
        }
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (double[] q : p) {
            sxx += (q[0] - mx) * (q[0] - mx);
            syy += (q[1] - my) * (q[1] - my);
            sxy += (q[0] - mx) * (q[1] - my);
        }
        double trace = sxx + syy;
        double smaller = trace / 2 - Math.sqrt(Math.max(0, trace * trace / 4 - (sxx * syy - sxy * sxy)));
        return Math.sqrt(Math.max(0, smaller) / p.size());
    }
}
