package dev.jgrad.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lays out a directed acyclic graph in layers from left to right, as Graphviz's {@code dot} does with
 * {@code rankdir=LR} and as the post draws its graphs: a node's layer is the longest path to it from a
 * source, so every edge points right; an edge that spans several layers passes through a point in each
 * layer between (a dummy node, so it takes part in the ordering and never runs through a box); the order
 * within a layer comes from barycentre sweeps ({@link Ordering}); the coordinates from the nodes' sizes
 * and the gaps ({@link Placement}). Deterministic: the same graph gives the same drawing.
 */
public final class Layered {
    /**
     * A box to place: its size, in the drawing's units (SVG's pixels, for jgrad's pictures).
     *
     * @param width across, ≥ 0
     * @param height down, ≥ 0
     */
    public record Node(double width, double height) {
        /**
         * Refuses a negative or NaN size.
         *
         * @param width across, ≥ 0
         * @param height down, ≥ 0
         */
        public Node {
            if (!(width >= 0 && height >= 0)) {
                throw new IllegalArgumentException("a node's size must be at least 0, got " + width + " × " + height);
            }
        }
    }

    /**
     * An edge from one node to another, drawn left to right.
     *
     * @param from the index of its start in the node list
     * @param to the index of its end in the node list
     */
    public record Edge(int from, int to) {
    }

    private Layered() {
    }

    /**
     * Lays out {@code nodes} joined by {@code edges}, {@code layerGap} apart horizontally between layers
     * and at least {@code nodeGap} apart vertically within one. Repeated edges are kept (a · a draws two).
     *
     * @param nodes the boxes, in the order the edges' indices and the drawing's arrays use
     * @param edges the arrows between them; they must not make a cycle
     * @param layerGap the horizontal space between one layer's boxes and the next's, ≥ 0
     * @param nodeGap the least vertical space between two boxes of one layer, ≥ 0
     * @return each node's layer, rank and place, the edges' bends, the size and the crossings
     * @throws IllegalArgumentException if an edge names a missing node or the edges make a cycle
     */
    public static Drawing draw(List<Node> nodes, List<Edge> edges, double layerGap, double nodeGap) {
        int n = nodes.size();
        for (Edge e : edges) {
            if (e.from() < 0 || e.from() >= n || e.to() < 0 || e.to() >= n) {
                throw new IllegalArgumentException("edge " + e.from() + " → " + e.to() + " names a node outside 0.." + (n - 1));
            }
        }
        int[] layer = longestPath(n, edges);
        // The virtual graph: the real nodes, then one dummy per layer an edge crosses.
        List<Integer> layerOf = new ArrayList<>();
        for (int l : layer) {
            layerOf.add(l);
        }
        List<int[]> segments = new ArrayList<>();
        List<int[]> chains = new ArrayList<>();
        for (Edge e : edges) {
            int[] chain = new int[layer[e.to()] - layer[e.from()] - 1];
            int previous = e.from();
            for (int k = 0; k < chain.length; k++) {
                chain[k] = layerOf.size();
                layerOf.add(layer[e.from()] + k + 1);
                segments.add(new int[] {previous, chain[k]});
                previous = chain[k];
            }
            segments.add(new int[] {previous, e.to()});
            chains.add(chain);
        }
        int total = layerOf.size();
        double[] width = new double[total];
        double[] height = new double[total];
        for (int i = 0; i < n; i++) {
            width[i] = nodes.get(i).width();
            height[i] = nodes.get(i).height();
        }
        int[] all = new int[total];
        for (int i = 0; i < total; i++) {
            all[i] = layerOf.get(i);
        }
        Ordering ordering = Ordering.of(all, segments);
        int[][] order = ordering.sweep();
        double[][] centres = Placement.place(order, segments, total, width, height, layerGap, nodeGap);
        double[] x = Arrays.copyOf(centres[0], n);
        double[] y = Arrays.copyOf(centres[1], n);
        int[] rank = new int[n];
        for (int[] row : order) {
            for (int r = 0; r < row.length; r++) {
                if (row[r] < n) {
                    rank[row[r]] = r;
                }
            }
        }
        // A long edge crosses each layer between as a straight run from the column's left side to its right,
        // at its dummy's height: the gaps keep that run clear of the boxes, which a diagonal would not be.
        double[] column = new double[order.length];
        for (int i = 0; i < n; i++) {
            column[layer[i]] = Math.max(column[layer[i]], width[i]);
        }
        List<double[]> bends = new ArrayList<>();
        for (int[] chain : chains) {
            double[] points = new double[chain.length * 4];
            for (int k = 0; k < chain.length; k++) {
                double half = column[all[chain[k]]] / 2;
                points[4 * k] = centres[0][chain[k]] - half;
                points[4 * k + 1] = centres[1][chain[k]];
                points[4 * k + 2] = centres[0][chain[k]] + half;
                points[4 * k + 3] = centres[1][chain[k]];
            }
            bends.add(points);
        }
        return new Drawing(layer, rank, x, y, List.copyOf(bends), centres[2][0], centres[2][1], Ordering.crossings(order, segments, total));
    }

    /**
     * Each node's layer: 0 for a source, else one more than its deepest predecessor's. Kahn's walk in
     * index order, which also finds a cycle: nodes left unplaced at the end lie on one.
     */
    static int[] longestPath(int n, List<Edge> edges) {
        int[] pending = new int[n];
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        for (Edge e : edges) {
            pending[e.to()]++;
            out.get(e.from()).add(e.to());
        }
        int[] layer = new int[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                queue[tail++] = i;
            }
        }
        while (head < tail) {
            int u = queue[head++];
            for (int v : out.get(u)) {
                layer[v] = Math.max(layer[v], layer[u] + 1);
                if (--pending[v] == 0) {
                    queue[tail++] = v;
                }
            }
        }
        if (tail < n) {
            throw new IllegalArgumentException("the edges make a cycle through " + (n - tail) + " nodes: a layered drawing needs a DAG");
        }
        return layer;
    }
}
