package dev.jgrad.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.base.Rng;
import dev.jgrad.layout.Layered.Edge;
import dev.jgrad.layout.Layered.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LayeredTest {
    private static final double LAYER_GAP = 30;
    private static final double NODE_GAP = 12;

    @Test
    void aNodesLayerIsTheLongestPathToIt() {
        // 0 → 1 → 2 → 3 and a shortcut 0 → 3: 3 sits at depth 3, not 1.
        Drawing d = draw(boxes(5), List.of(new Edge(0, 1), new Edge(1, 2), new Edge(2, 3), new Edge(0, 3), new Edge(4, 2)));
        assertThat(d.layer()).containsExactly(0, 1, 2, 3, 0);
        assertThat(d.layers()).isEqualTo(4);
        assertThat(d.bends().get(3)).hasSize(8);
        assertThat(d.bends().get(0)).isEmpty();
    }

    @Test
    void barycentreUntanglesACrossing() {
        // Sources 0, 1; sinks 2, 3 in index order; 0 → 3 and 1 → 2 cross until the sinks swap.
        List<Edge> edges = List.of(new Edge(0, 3), new Edge(1, 2));
        int[][] start = {{0, 1}, {2, 3}};
        List<int[]> segments = List.of(new int[] {0, 3}, new int[] {1, 2});
        assertThat(Ordering.crossings(start, segments, 4)).isEqualTo(1);
        Drawing d = draw(boxes(4), edges);
        assertThat(d.crossings()).isZero();
        assertThat(d.rank()[3]).isLessThan(d.rank()[2]);
    }

    @Test
    void aCycleIsRefused() {
        assertThatThrownBy(() -> draw(boxes(3), List.of(new Edge(0, 1), new Edge(1, 2), new Edge(2, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cycle");
        assertThatThrownBy(() -> draw(boxes(2), List.of(new Edge(0, 5))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
    }

    @Test
    void anEmptyGraphIsAnEmptyDrawing() {
        Drawing d = draw(List.of(), List.of());
        assertThat(d.width()).isZero();
        assertThat(d.height()).isZero();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyEdgePointsRightAndNoBoxesOverlap(long seed) {
        Rng random = new Rng(seed);
        List<Node> nodes = randomBoxes(random, 3 + random.nextInt(30));
        List<Edge> edges = randomDag(random, nodes.size());
        Drawing d = draw(nodes, edges);
        for (Edge e : edges) {
            assertThat(d.layer()[e.from()]).isLessThan(d.layer()[e.to()]);
            assertThat(d.x()[e.from()]).isLessThan(d.x()[e.to()]);
        }
        for (int i = 0; i < nodes.size(); i++) {
            int layer = 0;
            for (Edge e : edges) {
                if (e.to() == i) {
                    layer = Math.max(layer, d.layer()[e.from()] + 1);
                }
            }
            assertThat(d.layer()[i]).as("node %d", i).isEqualTo(layer);
            for (int j = i + 1; j < nodes.size(); j++) {
                assertThat(overlap(nodes, d, i, j)).as("nodes %d and %d overlap", i, j).isFalse();
            }
            assertThat(d.x()[i] - nodes.get(i).width() / 2).isGreaterThanOrEqualTo(-1e-9);
            assertThat(d.y()[i] - nodes.get(i).height() / 2).isGreaterThanOrEqualTo(-1e-9);
            assertThat(d.x()[i] + nodes.get(i).width() / 2).isLessThanOrEqualTo(d.width() + 1e-9);
            assertThat(d.y()[i] + nodes.get(i).height() / 2).isLessThanOrEqualTo(d.height() + 1e-9);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSameGraphGivesTheSameDrawing(long seed) {
        Rng a = new Rng(seed);
        Rng b = new Rng(seed);
        List<Node> nodes = randomBoxes(a, 20);
        Drawing first = draw(nodes, randomDag(a, 20));
        Drawing second = draw(randomBoxes(b, 20), randomDag(b, 20));
        assertThat(second.x()).containsExactly(first.x());
        assertThat(second.y()).containsExactly(first.y());
        assertThat(second.rank()).containsExactly(first.rank());
        assertThat(second.crossings()).isEqualTo(first.crossings());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sweepsNeverAddCrossings(long seed) {
        Rng random = new Rng(seed);
        int n = 12;
        List<Edge> edges = new ArrayList<>();
        // Two layers (every sink fed, so none is a source), edges at random: the sweep keeps the start
        // order unless it finds fewer crossings.
        for (int k = 0; k < n / 2; k++) {
            edges.add(new Edge(random.nextInt(n / 2), n / 2 + k));
        }
        for (int k = 0; k < 10; k++) {
            edges.add(new Edge(random.nextInt(n / 2), n / 2 + random.nextInt(n / 2)));
        }
        Drawing d = draw(boxes(n), edges);
        List<int[]> segments = edges.stream().map(e -> new int[] {e.from(), e.to()}).toList();
        int[][] start = {IntStream.range(0, n / 2).toArray(), IntStream.range(n / 2, n).toArray()};
        int[][] used = ranks(d, n);
        assertThat(d.crossings()).isEqualTo(Ordering.crossings(used, segments, n))
                .isLessThanOrEqualTo(Ordering.crossings(start, segments, n));
    }

    static IntStream seeds() {
        return IntStream.range(0, 25);
    }

    private static int[][] ranks(Drawing d, int n) {
        int[][] order = new int[2][n / 2];
        for (int v = 0; v < n; v++) {
            if (d.layer()[v] <= 1) {
                order[d.layer()[v]][d.rank()[v]] = v;
            }
        }
        return order;
    }

    private static boolean overlap(List<Node> nodes, Drawing d, int i, int j) {
        double dx = Math.abs(d.x()[i] - d.x()[j]);
        double dy = Math.abs(d.y()[i] - d.y()[j]);
        return dx < (nodes.get(i).width() + nodes.get(j).width()) / 2 - 1e-9
                && dy < (nodes.get(i).height() + nodes.get(j).height()) / 2 - 1e-9;
    }

    private static Drawing draw(List<Node> nodes, List<Edge> edges) {
        return Layered.draw(nodes, edges, LAYER_GAP, NODE_GAP);
    }

    private static List<Node> boxes(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Node(40, 20)).toList();
    }

    private static List<Node> randomBoxes(Rng random, int n) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(new Node(random.nextDouble(4, 200), random.nextDouble(4, 40)));
        }
        return nodes;
    }

    /** Edges only from a lower index to a higher one, so never a cycle; some repeated. */
    private static List<Edge> randomDag(Rng random, int n) {
        List<Edge> edges = new ArrayList<>();
        int m = random.nextInt(2 * n + 1);
        for (int k = 0; k < m; k++) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            if (a != b) {
                edges.add(new Edge(Math.min(a, b), Math.max(a, b)));
            }
        }
        return edges;
    }
}
