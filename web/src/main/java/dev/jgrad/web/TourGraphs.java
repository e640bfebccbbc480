package dev.jgrad.web;

import dev.jgrad.engine.Backprop;
import dev.jgrad.engine.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The tour's graph screens, built with jgrad's {@link Value} and named as the post names them: inputs x1, x2, weights
 * w1, w2, bias b, products x1·w1, x2·w2, their sum n, the neuron's output o, a sum of products h1, the loss L. Every
 * number in a screen's text is read from its graph.
 */
final class TourGraphs {
    /** The post's h1 neuron: x1 = 2, x2 = 0, w1 = −3, w2 = 1, b = 6.88…, so that n = 0.8814 and o = 0.7071. */
    private static final double[] NEURON = {2, 0, -3, 1, 6.8813735870195432};
    /** The loss screens' target: the neuron's output should have been 1. */
    private static final double TARGET = 1;

    private TourGraphs() {
    }

    /** One screen: title, text, and a picture or a table; {@code edit}: its graph for the expression panel, or null. */
    record Screen(String title, String text, String svg, List<List<String>> table, Edit edit) {
    }

    /**
     * A screen's graph in the CLI's expression language, for the expression panel: the expression, its values (read off
     * the figure's own leaves, so the two cannot disagree), the learning rate and the variables a gradient step moves
     * (none but on the descent screen). {@code shown} is the figure's root, and {@code stepped} whether the figure shows
     * the grads of a full backward pass: what the panel must reproduce.
     */
    record Edit(String expression, String values, double lr, List<String> step, Value shown, boolean stepped) {
        static Edit of(String expression, List<Value> leaves, Value shown, boolean stepped) {
            return new Edit(expression, valuesOf(leaves), 0, List.of(), shown, stepped);
        }
    }

    /** The leaves as the panel's values, each named by its label up to a ':' ("w1: 3 → 2.96" is w1). */
    private static String valuesOf(List<Value> leaves) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Value v : leaves) {
            values.put(name(v), v.data());
        }
        return ExpressionValues.text(values);
    }

    /** A leaf's variable name: its label up to a ':'. */
    static String name(Value leaf) {
        int colon = leaf.label().indexOf(':');
        return colon < 0 ? leaf.label() : leaf.label().substring(0, colon);
    }

    static Screen multiplication(boolean after) {
        Value a = Value.of(1, "a");
        Value b = Value.of(2, "b");
        Value c = a.mul(b).named("c");
        Edit edit = Edit.of("a*b", List.of(a, b), c, after);
        if (!after) {
            return new Screen("c = a · b", "Two leaves and one product, drawn as the post draws them: each box shows a value's data and "
                    + "its grad. Nothing has flowed back yet, so every grad is 0.", new Figure(c, List.of(a, b), List.of()).svg("before backward"), null, edit);
        }
        c.backward();
        return new Screen("c = a · b after backward", "backward() sets c.grad = 1 and fires the product's rule. Multiplication swaps: "
                + "a.grad is b's data (" + Digits.plain(a.grad()) + ") and b.grad is a's data (" + Digits.plain(b.grad()) + ").",
                new Figure(c, List.of(a, b), List.of()).svg("after backward"), null, edit);
    }

    /**
     * The local derivatives every rule uses, each checked here: the slope backward gives at a point beside the
     * central difference of the op itself.
     */
    static Screen derivatives() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("node", "out", "local slope (times out.grad, added to the input's grad)", "at a = 0.5: backward", "central difference"));
        rows.add(row("+", "a + b", "1 for each input", v -> v.add(Value.of(-1.5))));
        rows.add(row("×", "a · b", "the other factor: a.grad gets b", v -> v.mul(Value.of(-1.5))));
        rows.add(row("tanh", "tanh(a)", "1 − out²", Value::tanh));
        rows.add(row("**2", "a²", "2 · a", v -> v.pow(2)));
        rows.add(row("exp", "eᵃ", "out itself", Value::exp));
        rows.add(row("relu", "max(0, a)", "1 where a > 0, else 0", Value::relu));
        rows.add(row("sigmoid", "σ(a)", "out · (1 − out)", Value::sigmoid));
        return new Screen("The derivative table", "Each node knows only its own slope: how its output moves when one input moves. "
                + "Backward multiplies that slope by the gradient that arrived (out.grad) and adds it into the input's grad. "
                + "The table checks each slope against a central difference, (f(a + h) − f(a − h)) / 2h.", null, rows, null);
    }

    private static List<String> row(String op, String out, String slope, UnaryOperator<Value> f) {
        Value a = Value.of(0.5, "a");
        f.apply(a).backward();
        double h = 1e-5;
        double numeric = (f.apply(Value.of(0.5 + h)).data() - f.apply(Value.of(0.5 - h)).data()) / (2 * h);
        return List.of(op, out, slope, Digits.plain(a.grad()), Digits.plain(numeric));
    }

    /** The h1 neuron's leaves and its graph up to o, built afresh; [0] is o, then x1, x2, w1, w2, b, n. */
    private static Value[] neuronGraph() {
        Value x1 = Value.of(NEURON[0], "x1");
        Value x2 = Value.of(NEURON[1], "x2");
        Value w1 = Value.of(NEURON[2], "w1");
        Value w2 = Value.of(NEURON[3], "w2");
        Value b = Value.of(NEURON[4], "b");
        Value n = Value.sum(List.of(x1.mul(w1).named("x1·w1"), x2.mul(w2).named("x2·w2"), b)).named("n");
        return new Value[] {n.tanh().named("o"), x1, x2, w1, w2, b, n};
    }

    /** The neuron as the expression panel reads it, over the leaves {@link #neuronLeaves} lists. */
    private static final String NEURON_TEXT = "tanh(x1*w1 + x2*w2 + b)";

    /** The neuron graph's leaves, in the order its expression first uses them. */
    private static List<Value> neuronLeaves(Value[] g) {
        return List.of(g[1], g[3], g[2], g[4], g[5]);
    }

    static Screen neuron() {
        Value[] g = neuronGraph();
        Value o = g[0];
        Value n = g[6];
        o.backward();
        return new Screen("One neuron: o = tanh(x1·w1 + x2·w2 + b)", "The neuron h1 of the post's small network as a graph: multiply each "
                + "input by its weight (x1·w1, x2·w2), add them up with the bias into n = " + Digits.plain(n.data()) + ", squash with tanh into o = "
                + Digits.plain(o.data()) + ". After backward, tanh's slope 1 − o² = " + Digits.plain(n.grad()) + " reaches n, the sum passes it on, "
                + "and each weight's grad is its input's data times it: w1.grad = " + Digits.plain(g[3].grad()) + ", and w2.grad = "
                + Digits.plain(g[4].grad()) + " because x2 is 0.", new Figure(o, List.of(g[1], g[2]), List.of(g[3], g[4], g[5]))
                .svg("the h1 neuron after backward"), null, Edit.of(NEURON_TEXT, neuronLeaves(g), o, true));
    }

    /** The neuron with the post's squared error; {@code chain}: every rule fired, else only the loss node's. */
    static Screen loss(boolean chain) {
        Value[] g = neuronGraph();
        Value o = g[0];
        Value y = Value.of(TARGET, "y");
        Value d = o.add(Value.of(-y.data(), "−y")).named("o − y");
        Value l = d.pow(2).named("L");
        Backprop steps = Backprop.from(l);
        String first = steps.step().explanation();
        List<String> rest = new ArrayList<>();
        while (chain && !steps.done()) {
            rest.add(steps.step().explanation());
        }
        String svg = new Figure(l, List.of(g[1], g[2]), List.of(g[3], g[4], g[5])).svg(chain ? "every rule fired" : "the loss node's rule fired");
        List<Value> leaves = new ArrayList<>(neuronLeaves(g));
        leaves.add(y);
        // The panel steps the whole pass; the loss screen's figure has fired only the square's rule.
        Edit edit = Edit.of("(" + NEURON_TEXT + " - y)**2", leaves, l, chain);
        if (!chain) {
            return new Screen("The loss node: L = (o − y)²", "Training needs one number to make smaller: the squared error of the output o against "
                    + "the target y = " + Digits.plain(TARGET) + ", L = " + Digits.plain(l.data()) + " (mean squared error over a batch; one point "
                    + "here). backward starts at L with L.grad = 1; the square's rule is the first to fire: " + first + ".", svg, null, edit);
        }
        return new Screen("The chain rule, node by node", "L depends on o − y, which depends on o, which depends on n, and so on down: "
                + "dL/dw1 = dL/d(o − y) · d(o − y)/do · do/dn · dn/d(x1·w1) · d(x1·w1)/dw1. Backward multiplies these local slopes one "
                + "node at a time, from L down: " + first + "; then " + String.join("; then ", rest) + ". So w1.grad = "
                + Digits.plain(g[3].grad()) + ": raising w1 a little raises L by about that much times the step.", svg, null, edit);
    }

    /** h1 = x1·w1 + x2·w2 inside the larger graph that hands it 2.0, as the expression panel reads it. */
    private static final String TWO_LEVELS = "2*(x1*w1 + x2*w2)";

    /** The post's "two levels deep": h1 = x1·w1 + x2·w2 inside a larger graph that hands it 2.0; stage 0, 1 or 2 rules fired. */
    static Screen twoLevels(int stage) {
        Value x1 = Value.of(2, "x1");
        Value w1 = Value.of(3, "w1");
        Value x2 = Value.of(4, "x2");
        Value w2 = Value.of(5, "w2");
        Value h1 = x1.mul(w1).named("x1·w1").add(x2.mul(w2).named("x2·w2")).named("h1");
        // h1 sits inside a larger graph, which hands it a gradient of 2.0: the stepper seeds exactly that.
        Backprop steps = Backprop.from(h1, 2.0, Value::label);
        List<String> said = new ArrayList<>();
        // Stage 1 fires the + node's rule and says it; stage 2 fires it silently, then both products' rules.
        for (int k = 0; stage > 0 && !steps.done() && (stage == 2 || k < 1); k++) {
            String line = steps.step().explanation();
            if (stage == 1 || k > 0) {
                said.add(line);
            }
        }
        String svg = new Figure(h1, List.of(x1, x2), List.of(w1, w2)).svg("two levels deep, stage " + (stage + 1) + " of 3");
        String[] titles = {"Two levels deep: 2.0 flows in", "Addition passes it on", "Multiplication swaps"};
        String[] texts = {
            "h1 = x1·w1 + x2·w2 = " + Digits.plain(h1.data()) + " is part of a larger graph that hands it a gradient of "
                    + Digits.plain(h1.grad()) + ". Nothing below h1 knows yet.",
            "The + node's local slope is 1 for each input, so the chain rule multiplies 2.0 by 1: " + String.join(". Then ", said) + ".",
            "Each product's slope with respect to one factor is the other factor, times the gradient that arrived: "
                    + String.join(". Then ", said) + ".",
        };
        // The larger graph that hands h1 its 2.0 is, in the panel, the factor 2 around it.
        return new Screen(titles[stage], texts[stage], svg, null, Edit.of(TWO_LEVELS, List.of(x1, w1, x2, w2), h1, stage == 2));
    }

    static Screen descent(double lr) {
        Value x1 = Value.of(2, "x1");
        Value w1 = Value.of(3, "w1");
        Value x2 = Value.of(4, "x2");
        Value w2 = Value.of(5, "w2");
        Value h1 = x1.mul(w1).named("x1·w1").add(x2.mul(w2).named("x2·w2")).named("h1");
        h1.mul(Value.of(2)).backward();
        double w1After = w1.data() - lr * w1.grad();
        double w2After = w2.data() - lr * w2.grad();
        Value x1b = Value.of(x1.data(), "x1");
        Value x2b = Value.of(x2.data(), "x2");
        Value w1b = Value.of(w1After, "w1: " + GraphPanel.change(w1.data(), w1After));
        Value w2b = Value.of(w2After, "w2: " + GraphPanel.change(w2.data(), w2After));
        Value after = x1b.mul(w1b).named("x1·w1").add(x2b.mul(w2b).named("x2·w2")).named("h1");
        return new Screen("One step of gradient descent, lr " + lr, "Move each weight a little against its gradient: w ← w − "
                + lr + " · w.grad. w1 = " + Digits.plain(w1.data()) + " − " + lr + " · " + Digits.plain(w1.grad())
                + " = " + Digits.plain(w1After) + "; w2 = " + Digits.plain(w2.data()) + " − " + lr + " · "
                + Digits.plain(w2.grad()) + " = " + Digits.plain(w2After) + ", twice as far, because its gradient is twice as large. "
                + "A new forward pass gives h1 = " + Digits.plain(after.data()) + ", lower than " + Digits.plain(h1.data())
                + ": were h1 a loss, the network would have improved.",
                new Figure(after, List.of(x1b, x2b), List.of(w1b, w2b)).svg("after one step: the forward pass again"), null,
                new Edit(TWO_LEVELS, valuesOf(List.of(x1, w1, x2, w2)), lr, List.of(name(w1b), name(w2b)), after, false));
    }
}
