package dev.jgrad.viz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.engine.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DotTest {
    @Test
    void multiplicationAfterBackwardMatchesTheGoldenText() {
        Value a = Value.of(1, "a");
        Value b = Value.of(2, "b");
        Value c = a.mul(b).named("c");
        c.backward();

        assertThat(Dot.of(c).inputs(a, b).text()).isEqualTo("""
                digraph jgrad {
                  rankdir=LR;
                  graph [fontname="Helvetica", fontsize=12];
                  node [shape=record, style=filled, fillcolor=white, fontname="Helvetica", fontsize=11];
                  edge [color="#555555", arrowsize=0.7];
                  v0 [label="{ a | data 1.0000 | grad 2.0000 }", fillcolor="#c7e9c0"];
                  v1 [label="{ b | data 2.0000 | grad 1.0000 }", fillcolor="#c7e9c0"];
                  v2 [label="{ c | data 2.0000 | grad 1.0000 }", fillcolor="#fcd9b0"];
                  v2_op [label="*", shape=ellipse, fillcolor="#eeeeee", fontsize=10, margin="0.05,0.02", height=0.3];
                  v0 -> v2_op;
                  v1 -> v2_op;
                  v2_op -> v2;
                }
                """);
    }

    @Test
    void theSameGraphAlwaysGivesTheSameText() {
        // Two independent builds: new objects with new identity hashes, so nothing may depend on them.
        String first = Dot.of(sharedGraph()).text();
        String second = Dot.of(sharedGraph()).text();
        assertThat(first).isEqualTo(second);
        // ids follow the topological order: x first, the output last.
        assertThat(first).contains("v0 [label=\"{ x | data 0.5000").contains("v5 [label=\"{ data");
    }

    /** Values shared by many ops, so a hash-ordered walk would give another order each time. */
    private static Value sharedGraph() {
        Value x = Value.of(0.5, "x");
        Value w = Value.of(-3, "w");
        Value y = Value.sum(List.of(x.mul(w), w.pow(2), x)).tanh();
        List<Value> terms = new ArrayList<>(List.of(y));
        for (int i = 0; i < 20; i++) {
            terms.add(terms.get(i).mul(x).add(w.mul(i)));
        }
        Value out = Value.sum(terms);
        out.backward();
        return out;
    }

    @Test
    void parametersInputsAndTheOutputGetTheirOwnColours() {
        Value x = Value.of(2, "x");
        Value w = Value.of(3, "w");
        Value k = Value.of(4, "k");
        Value y = x.mul(w).add(k);
        String text = Dot.of(y).parameters(w).inputs(x).text();

        assertThat(text).contains("{ x | data 2.0000 | grad 0.0000 }\", fillcolor=\"" + Dot.INPUT_COLOUR)
                .contains("{ w | data 3.0000 | grad 0.0000 }\", fillcolor=\"" + Dot.PARAMETER_COLOUR)
                .contains("{ k | data 4.0000 | grad 0.0000 }\"];")
                .contains("{ data 10.0000 | grad 0.0000 }\", fillcolor=\"" + Dot.OUTPUT_COLOUR);
    }

    @Test
    void aValueUsedTwiceHasTwoEdgesIntoItsOperation() {
        Value x = Value.of(3, "x");
        String text = Dot.of(x.mul(x)).text();
        assertThat(text.split("v0 -> v1_op;", -1)).hasSize(3);
    }

    @Test
    void topToBottomDropsTheBracesThatWouldStackTheFields() {
        Value a = Value.of(1, "a");
        String text = Dot.of(a.tanh()).direction(Dot.Direction.TOP_TO_BOTTOM).text();
        assertThat(text).contains("rankdir=TB;").contains("label=\"a | data 1.0000 | grad 0.0000\"");
    }

    @Test
    void labelsAreEscapedAndTheTitleIsDrawnOnTop() {
        Value a = Value.of(1, "{x|\"y\"}");
        String text = Dot.of(a.exp()).title("a \"quoted\" title").text();
        assertThat(text).contains("\\{x\\|\\\"y\\\"\\}").contains("label=\"a \\\"quoted\\\" title\";");
    }

    @Test
    void gradientsCanBeShownPartWayThroughBackprop() {
        Value a = Value.of(1, "a");
        Value c = a.mul(Value.of(2, "b")).named("c");
        c.backward();
        String text = Dot.of(c).gradients(v -> v == c ? v.grad() : 0).text();
        assertThat(text).contains("{ a | data 1.0000 | grad 0.0000 }").contains("{ c | data 2.0000 | grad 1.0000 }");
    }

    @Test
    void numbersFarFromOneUseScientificNotation() {
        assertThat(Dot.number(0)).isEqualTo("0.0000");
        assertThat(Dot.number(-0.25)).isEqualTo("-0.2500");
        assertThat(Dot.number(1.5e-7)).isEqualTo("1.5000e-07");
        assertThat(Dot.number(2.5e9)).isEqualTo("2.5000e+09");
        assertThat(Dot.number(Double.NaN)).isEqualTo("NaN");
    }
}
