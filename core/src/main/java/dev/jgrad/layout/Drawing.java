package dev.jgrad.layout;

import java.util.List;

/**
 * Where {@link Layered#draw} put each node: its layer (0 = the sources, on the left), its place from the
 * top within that layer, and its centre; for each edge in the order given, the points it bends through
 * (x, y pairs: two for each layer it crosses, that column's left and right side at one height; none for
 * an edge between neighbouring layers); the size of the whole drawing, whose top
 * left corner is (0, 0); and how many pairs of edge segments cross. The arrays are the drawing's own:
 * read them, do not change them.
 */
public record Drawing(int[] layer, int[] rank, double[] x, double[] y, List<double[]> bends, double width,
        double height, int crossings) {

    /** {@return the number of layers: one more than the largest entry of {@code layer}} */
    public int layers() {
        int most = -1;
        for (int l : layer) {
            most = Math.max(most, l);
        }
        return most + 1;
    }
}
