package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.jgrad.app.Expression;
import dev.jgrad.engine.Value;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each tour screen's graph, opened in the expression panel, is the graph its figure shows, number for number. */
class TourExpressionTest {
    private static final double CLOSE = 1e-12;

    static IntStream steps() {
        return IntStream.range(0, Tour.count());
    }

    @ParameterizedTest(name = "step {0}")
    @MethodSource("steps")
    void thePanelGivesTheFiguresValueAndLeafGrads(int i) {
        Map<String, Object> screen = GraphPanelTest.parse(Tour.step(i));
        TourGraphs.Edit edit = edit(i);
        assertThat(screen.get("edit") != null).as("the page offers the edit exactly where the engine has one").isEqualTo(edit != null);
        assertThat(screen.get("svg") != null || edit == null).as("only a graph screen has an expression").isTrue();
        if (edit == null) {
            return;
        }
        ExpressionPanel panel = ExpressionPanel.open(edit.expression(), edit.values());
        if (edit.stepped()) {
            while (!(Boolean) GraphPanelTest.parse(panel.backwardStep()).get("backwardDone")) {
                // fire every rule, as the figure has
            }
        }
        if (!edit.step().isEmpty()) {
            panel = panel.descend(edit.step(), edit.lr());
        }
        Value shown = edit.shown();
        Value root = panel.root();
        assertThat(root.topologicalOrder()).as("a node of the panel's graph is the figure's output, value and grad")
                .anySatisfy(v -> {
                    assertThat(v.data()).isCloseTo(shown.data(), offset(CLOSE));
                    assertThat(v.grad()).isCloseTo(edit.stepped() ? shown.grad() : 0, offset(CLOSE));
                });
        Map<String, Value> leaves = Expression.leaves(root);
        int matched = 0;
        for (Value leaf : shown.topologicalOrder()) {
            Value mine = leaves.get(TourGraphs.name(leaf));
            if (leaf.op().isEmpty() && mine != null) {
                assertThat(mine.data()).as(leaf.label()).isCloseTo(leaf.data(), offset(CLOSE));
                assertThat(mine.grad()).as(leaf.label() + ".grad").isCloseTo(leaf.grad(), offset(CLOSE));
                matched++;
            }
        }
        // The loss's target y is drawn as the constant −y, no variable of the figure.
        assertThat(matched).as("every variable of the expression is a leaf of the figure").isEqualTo(
                (int) Expression.parse(edit.expression()).variables().stream().filter(n -> !n.equals("y")).count());
        if (i == 1) {
            assertThat(edit.expression()).isEqualTo("a*b");
            assertThat(leaves.get("a").grad()).isEqualTo(2);
            assertThat(leaves.get("b").grad()).isEqualTo(1);
        }
    }

    private static TourGraphs.Edit edit(int i) {
        return i < Tour.GRAPHS ? Tour.graph(i).edit() : null;
    }
}
