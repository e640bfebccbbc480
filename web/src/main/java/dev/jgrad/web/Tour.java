package dev.jgrad.web;

import dev.jgrad.engine.Backprop;
import dev.jgrad.engine.Value;
import java.util.List;

/**
 * The post's argument as screens, in its order: one multiplication before and after backward; the h1
 * neuron; a gradient of 2.0 flowing two levels deep; one step of gradient descent; then the circle learnt
 * by 1, 2, 3 and 9 hidden neurons, live. Each graph is built with jgrad's {@link Value} and drawn by the
 * graph panel's {@link GraphSvg}; every number in the text is read from those graphs. The training
 * screens answer a setup query for the page to apply instead of a picture.
 */
public final class Tour {
    private static final int[] HIDDEN = {1, 2, 3, 9};
    private static final int GRAPHS = 7;
    private static final double LEARNING_RATE = 0.01;

    private Tour() {
    }

    /** How many screens the tour has. */
    public static int count() {
        return GRAPHS + HIDDEN.length;
    }

    /** {@code {"ok":true,"i":..,"count":..,"title":..,"text":..,"svg":..|null,"query":..|null}}. */
    public static String step(int i) {
        if (i < 0 || i >= count()) {
            return Answers.error("the tour has steps 0.." + (count() - 1) + ", not " + i);
        }
        if (i >= GRAPHS) {
            int n = HIDDEN[i - GRAPHS];
            return screen(i, "The circle with " + n + (n == 1 ? " hidden neuron" : " hidden neurons"), circle(n), null,
                    "data=circle&hidden=" + n + "&activation=tanh&loss=mse&batch=1&lr=" + LEARNING_RATE + "&seed=42&play=1");
        }
        switch (i) {
            case 0:
            case 1:
                return multiplication(i);
            case 2:
                return neuron(i);
            case 3:
            case 4:
            case 5:
                return twoLevels(i, i - 3);
            default:
                return descent(i);
        }
    }

    private static String multiplication(int i) {
        Value a = Value.of(1, "a");
        Value b = Value.of(2, "b");
        Value c = a.mul(b).named("c");
        if (i == 0) {
            return screen(i, "c = a · b", "Two leaves and one product, drawn as the post draws them: each box shows a value's data and its "
                    + "grad. Nothing has flowed back yet, so every grad is 0.", new Figure(c, List.of(a, b), List.of()).svg("before backward"), null);
        }
        c.backward();
        return screen(i, "c = a · b after backward", "backward() sets c.grad = 1 and fires the product's rule. Multiplication swaps: a.grad is b's data ("
                + Digits.plain(a.grad()) + ") and b.grad is a's data (" + Digits.plain(b.grad()) + ").",
                new Figure(c, List.of(a, b), List.of()).svg("after backward"), null);
    }

    private static String neuron(int i) {
        Value x1 = Value.of(2, "x1");
        Value x2 = Value.of(0, "x2");
        Value w1 = Value.of(-3, "w1");
        Value w2 = Value.of(1, "w2");
        Value b = Value.of(6.8813735870195432, "b");
        Value n = Value.sum(List.of(x1.mul(w1).named("x1·w1"), x2.mul(w2).named("x2·w2"), b)).named("n");
        Value o = n.tanh().named("o");
        o.backward();
        return screen(i, "One neuron: o = tanh(x1·w1 + x2·w2 + b)", "The neuron h1 of the post's small network as a graph: multiply each input by its "
                + "weight, add them up with the bias into n = " + Digits.plain(n.data()) + ", squash with tanh into o = "
                + Digits.plain(o.data()) + ". After backward, tanh's slope 1 − o² = " + Digits.plain(n.grad())
                + " reaches n, the sum passes it on, and each weight's grad is its input's data times it: w1.grad = "
                + Digits.plain(w1.grad()) + ", and w2.grad = " + Digits.plain(w2.grad()) + " because x2 is 0.",
                new Figure(o, List.of(x1, x2), List.of(w1, w2, b)).svg("the h1 neuron after backward"), null);
    }

    private static String twoLevels(int i, int stage) {
        Value x1 = Value.of(2, "x1");
        Value w1 = Value.of(3, "w1");
        Value x2 = Value.of(4, "x2");
        Value w2 = Value.of(5, "w2");
        Value o1 = x1.mul(w1).named("o1");
        Value o2 = x2.mul(w2).named("o2");
        Value h1 = o1.add(o2).named("h1");
        // h1 sits inside a larger graph, which hands it a gradient of 2.0: the stepper seeds exactly that.
        Backprop steps = Backprop.from(h1, 2.0, Value::label);
        StringBuilder said = new StringBuilder();
        // Stage 1 fires nothing, stage 2 the + node's rule, stage 3 the rest (both products).
        for (int k = 0; stage > 0 && !steps.done() && (stage == 2 || k < 1); k++) {
            if (stage == 1 || k > 0) {
                said.append(said.length() == 0 ? "" : " Then ").append(steps.step().explanation()).append('.');
            } else {
                steps.step();
            }
        }
        String svg = new Figure(h1, List.of(x1, x2), List.of(w1, w2)).svg("two levels deep, stage " + (stage + 1) + " of 3");
        String[] titles = {"Two levels deep: 2.0 flows in", "Addition passes it on", "Multiplication swaps"};
        String[] texts = {
            "h1 = o1 + o2 = " + Digits.plain(h1.data()) + " is part of a larger graph that hands it a gradient of "
                    + Digits.plain(h1.grad()) + ". Nothing below h1 knows yet.",
            "The + node's local slope is 1 for each input, so the chain rule multiplies 2.0 by 1: " + said,
            "Each product's slope with respect to one factor is the other factor, times the gradient that arrived: " + said,
        };
        return screen(i, titles[stage], texts[stage], svg, null);
    }

    private static String descent(int i) {
        Value x1 = Value.of(2, "x1");
        Value w1 = Value.of(3, "w1");
        Value x2 = Value.of(4, "x2");
        Value w2 = Value.of(5, "w2");
        Value h1 = x1.mul(w1).named("o1").add(x2.mul(w2).named("o2")).named("h1");
        h1.mul(Value.of(2)).backward();
        double w1After = w1.data() - LEARNING_RATE * w1.grad();
        double w2After = w2.data() - LEARNING_RATE * w2.grad();
        Value x1b = Value.of(x1.data(), "x1");
        Value x2b = Value.of(x2.data(), "x2");
        Value w1b = Value.of(w1After, "w1: " + GraphPanel.change(w1.data(), w1After));
        Value w2b = Value.of(w2After, "w2: " + GraphPanel.change(w2.data(), w2After));
        Value after = x1b.mul(w1b).named("o1").add(x2b.mul(w2b).named("o2")).named("h1");
        return screen(i, "One step of gradient descent, lr " + LEARNING_RATE, "Move each weight a little against its gradient: w ← w − "
                + LEARNING_RATE + " · w.grad. w1 = " + Digits.plain(w1.data()) + " − " + LEARNING_RATE + " · " + Digits.plain(w1.grad())
                + " = " + Digits.plain(w1After) + "; w2 = " + Digits.plain(w2.data()) + " − " + LEARNING_RATE + " · "
                + Digits.plain(w2.grad()) + " = " + Digits.plain(w2After) + ", twice as far, because its gradient is twice as large. "
                + "A new forward pass gives h1 = " + Digits.plain(after.data()) + ", lower than " + Digits.plain(h1.data())
                + ": were h1 a loss, the network would have improved.",
                new Figure(after, List.of(x1b, x2b), List.of(w1b, w2b)).svg("after one step: the forward pass again"), null);
    }

    private static String circle(int n) {
        String[] reading = {"roughly a straight line", "something like a parabola", "a crude circle", "a fairly precise circle"};
        int k = n == 1 ? 0 : n == 2 ? 1 : n == 3 ? 2 : 3;
        return "The post's task: is a point inside the unit circle? A 2 → " + n + " tanh → 1 tanh network learns it with squared "
                + "error and one update per sample, lr " + LEARNING_RATE + ", every rule above run for each point. With " + n
                + (n == 1 ? " neuron" : " neurons") + " the boundary becomes " + reading[k] + ".";
    }

    private static String screen(int i, String title, String text, String svg, String query) {
        return Answers.ok("i", i, "count", count(), "title", title, "text", text, "svg", svg, "query", query);
    }
}
