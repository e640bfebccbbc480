package dev.jgrad.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The order of the nodes within each layer, by barycentre sweeps (Sugiyama's heuristic): going right,
 * each node moves to the mean place of its neighbours in the layer before; going left, of those in the
 * layer after. A few passes each way; the order with the fewest crossings seen wins, the first on a tie.
 */
final class Ordering {
    private static final int PASSES = 8;

    private final int[][] start;
    private final List<int[]> segments;
    private final int total;

    private Ordering(int[][] start, List<int[]> segments, int total) {
        this.start = start;
        this.segments = segments;
        this.total = total;
    }

    /** Layers of the virtual nodes (real ones first, by index, then the dummies in the order they were made). */
    static Ordering of(int[] layerOf, List<int[]> segments) {
        int layers = 0;
        for (int l : layerOf) {
            layers = Math.max(layers, l + 1);
        }
        List<List<Integer>> rows = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            rows.add(new ArrayList<>());
        }
        for (int v = 0; v < layerOf.length; v++) {
            rows.get(layerOf[v]).add(v);
        }
        int[][] start = new int[layers][];
        for (int l = 0; l < layers; l++) {
            start[l] = rows.get(l).stream().mapToInt(Integer::intValue).toArray();
        }
        return new Ordering(start, segments, layerOf.length);
    }

    int[][] sweep() {
        int[][] order = copy(start);
        int[][] best = copy(order);
        int fewest = crossings(order, segments, total);
        for (int pass = 0; pass < PASSES && fewest > 0; pass++) {
            boolean right = pass % 2 == 0;
            if (right) {
                for (int l = 1; l < order.length; l++) {
                    reorder(order, l, l - 1, true);
                }
            } else {
                for (int l = order.length - 2; l >= 0; l--) {
                    reorder(order, l, l + 1, false);
                }
            }
            int c = crossings(order, segments, total);
            if (c < fewest) {
                fewest = c;
                best = copy(order);
            }
        }
        return best;
    }

    /** Sorts layer {@code l} by the mean place of each node's neighbours in layer {@code fixed}; a node with none keeps its place. */
    private void reorder(int[][] order, int l, int fixed, boolean predecessors) {
        double[] place = places(order);
        double[] sum = new double[total];
        int[] count = new int[total];
        for (int[] s : segments) {
            int mine = predecessors ? s[1] : s[0];
            int other = predecessors ? s[0] : s[1];
            sum[mine] += place[other];
            count[mine]++;
        }
        Integer[] row = Arrays.stream(order[l]).boxed().toArray(Integer[]::new);
        double[] key = new double[total];
        for (int v : order[l]) {
            key[v] = count[v] == 0 ? place[v] : sum[v] / count[v];
        }
        // A stable sort: equal keys keep their order, so the result is deterministic.
        Arrays.sort(row, Comparator.comparingDouble(v -> key[v]));
        for (int r = 0; r < row.length; r++) {
            order[l][r] = row[r];
        }
    }

    /** Each virtual node's place within its layer. */
    private double[] places(int[][] order) {
        double[] place = new double[total];
        for (int[] row : order) {
            for (int r = 0; r < row.length; r++) {
                place[row[r]] = r;
            }
        }
        return place;
    }

    /** Pairs of segments between the same two layers whose ends are in opposite orders. */
    static int crossings(int[][] order, List<int[]> segments, int total) {
        int[] place = new int[total];
        for (int[] row : order) {
            for (int r = 0; r < row.length; r++) {
                place[row[r]] = r;
            }
        }
        int[] layer = new int[total];
        for (int l = 0; l < order.length; l++) {
            for (int v : order[l]) {
                layer[v] = l;
            }
        }
        int count = 0;
        for (int i = 0; i < segments.size(); i++) {
            int[] a = segments.get(i);
            for (int j = i + 1; j < segments.size(); j++) {
                int[] b = segments.get(j);
                if (layer[a[0]] == layer[b[0]]
                        && Integer.signum(place[a[0]] - place[b[0]]) * Integer.signum(place[a[1]] - place[b[1]]) < 0) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int[][] copy(int[][] order) {
        int[][] c = new int[order.length][];
        for (int l = 0; l < order.length; l++) {
            c[l] = order[l].clone();
        }
        return c;
    }
}
