package dev.jgrad.app;

import dev.jgrad.engine.Value;
import dev.jgrad.viz.Dot;
import dev.jgrad.viz.Graphviz;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The post's computational-graph figures (shared/seed/FIGURES.md, 1–4), drawn through Graphviz. */
final class DemoGraphs {
    private final Graphviz graphviz;
    private final Path out;
    private final List<Demo.Figure> figures = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();

    DemoGraphs(Graphviz graphviz, Path out) {
        this.graphviz = graphviz;
        this.out = out;
    }

    List<Demo.Figure> figures() {
        return figures;
    }

    List<Path> files() {
        return files;
    }

    void drawAll() {
        multiplication();
        network();
        neuron();
        twoLevelsAndOneStep();
    }

    /** Figure 1: c = a·b before and after backward; multiplication swaps. */
    private void multiplication() {
        Value a = Value.of(1, "a");
        Value b = Value.of(2, "b");
        Value c = a.mul(b).named("c");
        draw("mul_before", Dot.of(c).inputs(a, b).title("c = a · b before backward"),
                "c = a·b with a = 1, b = 2, before backward: every gradient is 0.");
        c.backward();
        draw("mul_after", Dot.of(c).inputs(a, b).title("c = a · b after backward"),
                "After backward: c.grad = 1, a.grad = 2 (b's data), b.grad = 1 (a's data): multiplication swaps.");
    }

    /**
     * Figure 2, first half: the 2-2-1 network, with the connections of h1 (drawn next) highlighted.
     * The weights' labels sit by their inputs: mid-edge, w2 landed on the crossing of x2 → h1 and x1 → h2.
     */
    private void network() {
        String dot = """
                digraph network {
                  rankdir=LR; ranksep=1.3; nodesep=0.5; splines=line;
                  labelloc=t; label="A network with 2 inputs, 2 hidden tanh neurons and 1 output";
                  graph [fontname="Helvetica", fontsize=12];
                  node [shape=circle, style=filled, fillcolor=white, fontname="Helvetica", fontsize=12, width=0.55, fixedsize=true];
                  edge [color="#aaaaaa", arrowsize=0.6, fontname="Helvetica", fontsize=10];
                  x1 [fillcolor="%1$s"]; x2 [fillcolor="%1$s"];
                  h1 [fillcolor="%2$s"]; h2; out;
                  { rank=same; x1; x2; } { rank=same; h1; h2; }
                  x1 -> h1 [taillabel="w1", labeldistance=3, labelangle=18, color="%3$s", fontcolor="%3$s", penwidth=2];
                  x2 -> h1 [taillabel="w2", labeldistance=3, labelangle=18, color="%3$s", fontcolor="%3$s", penwidth=2];
                  x1 -> h2; x2 -> h2; h1 -> out; h2 -> out;
                }
                """.formatted(Dot.INPUT_COLOUR, Dot.OUTPUT_COLOUR, "#2166ac");
        figures.add(new Demo.Figure(Demo.Section.GRAPHS, writeAll("network", target -> graphviz.write(dot, target)),
                "The small network of the post: 2 inputs, 2 hidden tanh neurons, 1 output. The next graph is the "
                        + "computation of the highlighted neuron h1."));
    }

    /**
     * Figure 2: one hidden activation of a 2-2-1 network. Named as the post names it, and as the
     * two-level figures do: h1 is the sum o1 + o2, and the activation is tanh(h1).
     */
    private void neuron() {
        Value x1 = Value.of(2, "x1");
        Value x2 = Value.of(-1, "x2");
        Value w1 = Value.of(0.4, "w1");
        Value w2 = Value.of(0.3, "w2");
        Value o1 = w1.mul(x1).named("o1");
        Value o2 = w2.mul(x2).named("o2");
        Value h1 = o1.add(o2).named("h1");
        Value activation = h1.tanh().named("tanh(h1)");
        activation.backward();
        draw("neuron_h1", Dot.of(activation).inputs(x1, x2).parameters(w1, w2)
                        .title("tanh(h1), h1 = o1 + o2 = w1·x1 + w2·x2, after backward"),
                "One hidden activation of a 2-input, 2-hidden, 1-output network: o1 = w1·x1, o2 = w2·x2, "
                        + "their sum h1, then tanh(h1). Inputs green, weights blue, the output orange.");
    }

    /** Figures 3 and 4: gradient 2.0 flowing into h1 = x1·w1 + x2·w2, then one step of gradient descent. */
    private void twoLevelsAndOneStep() {
        Value x1 = Value.of(2, "x1");
        Value w1 = Value.of(3, "w1");
        Value x2 = Value.of(4, "x2");
        Value w2 = Value.of(5, "w2");
        Value o1 = x1.mul(w1).named("o1");
        Value o2 = x2.mul(w2).named("o2");
        Value h1 = o1.add(o2).named("h1");
        // Something further down multiplies h1 by 2, so 2.0 flows back into it; the picture stops at h1.
        h1.mul(Value.of(2)).backward();

        List<Set<Value>> reached = List.of(set(h1), set(h1, o1, o2), set(h1, o1, o2, x1, w1, x2, w2));
        String[] captions = {
            "Two levels deep, stage 1: h1 = o1 + o2 = 26 receives a gradient of 2.0 from further down.",
            "Stage 2: addition passes the gradient on unchanged: o1.grad = o2.grad = 2.0.",
            "Stage 3: multiplication swaps: w1.grad = 2·x1 = 4, x1.grad = 2·w1 = 6, w2.grad = 2·x2 = 8, x2.grad = 2·w2 = 10.",
        };
        for (int stage = 0; stage < 3; stage++) {
            Set<Value> shown = reached.get(stage);
            draw("two_levels_" + (stage + 1), Dot.of(h1).inputs(x1, x2).parameters(w1, w2)
                            .gradients(v -> shown.contains(v) ? v.grad() : 0)
                            .title("Backprop, stage " + (stage + 1) + " of 3"),
                    captions[stage]);
        }

        draw("step_before", Dot.of(h1).inputs(x1, x2).parameters(w1, w2).title("Before the step: h1 = 26"),
                "One step of gradient descent, before: the weights with their gradients (w1.grad = 4, w2.grad = 8).");
        double lr = 0.01;
        // The step written on each weight it moved ("w1: 3 → 2.96"), which a fresh graph's grads of 0 would hide.
        Value w1After = stepped(w1, lr);
        Value w2After = stepped(w2, lr);
        Value x1After = Value.of(x1.data(), "x1");
        Value x2After = Value.of(x2.data(), "x2");
        Value after = x1After.mul(w1After).named("o1").add(x2After.mul(w2After).named("o2")).named("h1");
        draw("step_after", Dot.of(after).inputs(x1After, x2After).parameters(w1After, w2After)
                        .title("After one step with learning rate 0.01: h1 = " + Dot.number(after.data()).replaceAll("0+$", "")),
                "After w ← w − 0.01·grad: w1 = 3 − 0.01·4 = 2.96, w2 = 5 − 0.01·8 = 4.92 (w2 moves twice as far), "
                        + "and a new forward pass gives h1 = 25.6, lower than 26.");
    }

    /** A leaf holding {@code w − lr·grad}, labelled with the step: {@code w1: 3 → 2.96 (−0.04)}. */
    private static Value stepped(Value w, double lr) {
        double moved = w.data() - lr * w.grad();
        return Value.of(moved, w.label() + ": " + plain(w.data()) + " → " + plain(moved) + " (" + plain(moved - w.data()) + ")");
    }

    private static String plain(double v) {
        return Dot.number(v).replaceAll("\\.?0+$", "");
    }

    private static Set<Value> set(Value... values) {
        Set<Value> s = Collections.newSetFromMap(new IdentityHashMap<>());
        s.addAll(List.of(values));
        return s;
    }

    private void draw(String name, Dot dot, String caption) {
        figures.add(new Demo.Figure(Demo.Section.GRAPHS, writeAll(name, target -> graphviz.write(dot, target)), caption));
    }

    /**
     * Writes {@code name}.dot, and .svg and .png when Graphviz is there. Without it, removes the
     * .svg and .png an earlier run left, so the folder never shows pictures older than the page.
     *
     * @return the file the page shows
     */
    private String writeAll(String name, UnaryOperator<Path> writer) {
        files.add(writer.apply(out.resolve(name + ".dot")));
        for (String picture : List.of(name + ".svg", name + ".png")) {
            if (graphviz.available()) {
                files.add(writer.apply(out.resolve(picture)));
            } else {
                try {
                    Files.deleteIfExists(out.resolve(picture));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return graphviz.available() ? name + ".svg" : name + ".dot";
    }
}
