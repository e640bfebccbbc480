package dev.jgrad.web;

import dev.jgrad.app.Expression;
import dev.jgrad.engine.Backprop;
import dev.jgrad.engine.Forward;
import dev.jgrad.engine.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A typed expression's graph ({@code tanh(x1*w1 + x2*w2 + b)} at {@code x1=2, w1=-3, …}; the CLI's expression
 * language), stepped as the post does by hand: the forward pass node by node (each value appearing with the
 * rule that made it), then the backward pass rule by rule ({@link Backprop}, exactly {@link Value#backward}'s
 * order and arithmetic), a gradient check by central differences, and one gradient step on chosen
 * variables. Answers are JSON text for {@link Playground}.
 */
final class ExpressionPanel {
    /** The most values a graph may have: a larger one is no picture to step through. */
    static final int MAX_NODES = 499;
    /** The nudge of the central difference, as the neuron panel's. */
    private static final double H = 1e-5;

    private final String text;
    private final Expression expression;
    private final Map<String, Double> values;
    private final Value root;
    private final List<Value> order;
    private final ExpressionNames names;
    private final GraphSvg svg;
    private final Map<Value, Boolean> known = new IdentityHashMap<>();
    private final List<Value> inner = new ArrayList<>();
    private int forward;
    private Backprop backward;
    private Value fired;
    private List<Value> receivers = List.of();
    private String explain;

    private ExpressionPanel(String text, Expression expression, Map<String, Double> values, Value root) {
        this.text = text;
        this.expression = expression;
        this.values = values;
        this.root = root;
        this.order = root.topologicalOrder();
        this.names = new ExpressionNames(root, order, new LinkedHashSet<>(expression.variables()));
        this.svg = new GraphSvg(root, names);
        for (Value v : order) {
            if (v.op().isEmpty()) {
                known.put(v, true);
            } else {
                inner.add(v);
            }
        }
        explain = "The leaves hold the values you gave; " + (inner.isEmpty() ? "there is nothing to compute."
                : "step forward to compute the " + inner.size() + (inner.size() == 1 ? " node" : " nodes") + " after them.");
    }

    /**
     * Parses and evaluates {@code text} at {@code valuesText}. Throws an IllegalArgumentException of one line
     * naming the place: a syntax error or an unknown function (the expression's column), a bad value (the
     * values' column), a variable without a value (where it is first used), a graph of more than
     * {@value #MAX_NODES} values.
     */
    static ExpressionPanel open(String text, String valuesText) {
        Expression expression = Expression.parse(text);
        Map<String, Double> values = ExpressionValues.parse(valuesText);
        for (String name : expression.variables()) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("column " + (column(text, name) + 1) + ": " + name
                        + " has no value: add " + name + "=… to the values");
            }
        }
        Value root = expression.evaluate(values);
        int size = root.topologicalOrder().size();
        if (size > MAX_NODES) {
            throw new IllegalArgumentException("the graph has " + size + " nodes; the panel steps through at most " + MAX_NODES);
        }
        return new ExpressionPanel(text, expression, values, root);
    }

    /** Where {@code name} is first used as a whole word in {@code text}, from 0. */
    private static int column(String text, String name) {
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            boolean before = at > 0 && isNamePart(text.charAt(at - 1));
            boolean after = at + name.length() < text.length() && isNamePart(text.charAt(at + name.length()));
            if (!before && !after) {
                return at;
            }
        }
        return 0;
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The graph's root, as far as it has been stepped. */
    Value root() {
        return root;
    }

    /** Computes the next node of the forward pass; once all are, says so. */
    String forwardStep() {
        fired = null;
        receivers = List.of();
        if (forward == inner.size()) {
            explain = "Forward pass done: " + names.spoken(root) + " = " + Digits.fixed(root.data())
                    + ". Now the backward pass, from " + names.spoken(root) + ".grad = 1.";
            return answer();
        }
        Value v = inner.get(forward++);
        known.put(v, true);
        fired = v;
        receivers = v.inputs();
        explain = "forward " + forward + "/" + inner.size() + ": " + names.forwardRule(v);
        return answer();
    }

    /** Fires the next local rule of the backward pass (finishing the forward pass first, if it is not). */
    String backwardStep() {
        String before = "";
        if (forward < inner.size()) {
            while (forward < inner.size()) {
                known.put(inner.get(forward++), true);
            }
            before = "(the forward pass finished first: " + names.spoken(root) + " = " + Digits.fixed(root.data()) + ") ";
        }
        if (backward == null) {
            backward = Backprop.from(root, 1, names::spoken);
        }
        if (backward.done()) {
            fired = null;
            receivers = List.of();
            explain = "Every rule has fired: each node holds d" + names.spoken(root) + "/d(node). Next: the gradient check, or a step.";
            return answer();
        }
        Backprop.Step step = backward.step();
        fired = step.node();
        receivers = step.receivers();
        explain = before + "backward " + backward.fired() + "/" + backward.order().size() + ": " + step.explanation();
        return answer();
    }

    /**
     * The backprop gradient of the node with this id (on a fresh copy, every rule fired) beside the central
     * difference of the root with that node nudged and the forward pass run again.
     */
    String gradientCheck(String id) {
        Value fresh = expression.evaluate(values);
        List<Value> freshOrder = fresh.topologicalOrder();
        int at = -1;
        for (int k = 0; k < order.size(); k++) {
            if (names.id(order.get(k)).equals(id)) {
                at = k;
            }
        }
        if (at < 0) {
            return Answers.error("no node '" + id + "' in this graph");
        }
        Value v = freshOrder.get(at);
        fresh.backward();
        double x = v.data();
        v.setData(x + H);
        Forward.pass(fresh, v);
        double up = fresh.data();
        v.setData(x - H);
        Forward.pass(fresh, v);
        double down = fresh.data();
        double numeric = (up - down) / (2 * H);
        String spoken = names.spoken(order.get(at));
        return Answers.ok("node", id, "backprop", Answers.number(v.grad()), "numeric", Answers.number(numeric),
                "explain", spoken + ".grad: backprop " + Digits.fixed(v.grad()) + ", central difference "
                        + Digits.fixed(numeric) + " (h = 1e-5)");
    }

    /**
     * One step of gradient descent on the named variables ({@code v −= lr · v.grad}, grads from a full
     * backward pass), then the graph again at the new values; its explanation names each change.
     */
    ExpressionPanel descend(List<String> chosen, double lr) {
        if (!(Double.isFinite(lr) && lr > 0)) {
            throw new IllegalArgumentException("the learning rate must be a positive number, got " + lr);
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("choose at least one variable to step");
        }
        Value fresh = expression.evaluate(values);
        fresh.backward();
        Map<String, Value> leaves = Expression.leaves(fresh);
        Map<String, Double> next = new LinkedHashMap<>(values);
        StringBuilder changes = new StringBuilder();
        for (String name : chosen) {
            Value leaf = leaves.get(name);
            if (leaf == null) {
                throw new IllegalArgumentException("'" + name + "' is not a variable of " + text);
            }
            double moved = leaf.data() - lr * leaf.grad();
            next.put(name, moved);
            changes.append(changes.length() == 0 ? "" : ", ").append(name).append(": ").append(GraphPanel.change(leaf.data(), moved));
        }
        ExpressionPanel after = new ExpressionPanel(text, expression, next, expression.evaluate(next));
        after.forward = after.inner.size();
        String r = names.spoken(root);
        after.explain = "One step of gradient descent, lr " + lr + ": " + changes + ". Forward again: " + r + " "
                + GraphPanel.change(root.data(), after.root.data())
                + (after.root.data() < root.data() ? " (lower than it was)" : "") + ".";
        return after;
    }

    /**
     * {@code {"ok":true,"svg":..,"explain":..,"expression":..,"values":the values' text,"variables":[..],
     * "nodes":[ids],"forwardDone":bool,"backwardDone":bool,"node":id that just fired or null,"value":root's
     * data,"grads":{variable: grad so far}}}.
     */
    String answer() {
        List<String> ids = new ArrayList<>();
        for (Value v : order) {
            ids.add(names.id(v));
        }
        Map<String, Object> grads = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : Expression.leaves(root).entrySet()) {
            grads.put(e.getKey(), Answers.number(e.getValue().grad()));
        }
        boolean all = forward == inner.size();
        String picture = svg.render(v -> all || known.containsKey(v), Value::grad, fired, receivers, "");
        return Answers.ok("svg", picture, "explain", explain, "expression", text, "values", ExpressionValues.text(values),
                "variables", expression.variables(), "nodes", ids, "forwardDone", all,
                "backwardDone", backward != null && backward.done(), "node", fired == null ? null : names.id(fired),
                "value", Answers.number(root.data()), "grads", grads);
    }
}
