package dev.jgrad.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link Value#backward()} one local rule at a time, for teaching: the root's gradient is seeded (1 for a
 * loss, or the gradient flowing in from a larger graph), then each {@link #step()} fires the rule of the
 * next node in reverse topological order — exactly backward's order, so stepping to the end leaves
 * exactly backward's gradients — and says what it did with the numbers, in the post's words
 * ("× swaps: w1.grad += x1 · (x1·w1).grad = 2.0 · 2.0 = 4.0"; a name with an operator in it is bracketed,
 * so {@code (x1·w1).grad} cannot be read as {@code x1 · w1.grad}). A node that feeds several others is told
 * when its gradients add up. As with backward, the other nodes' gradients are not zeroed first.
 */
public final class Backprop {
    /**
     * One fired rule: the node whose rule it was, its position in the firing order, the line saying what
     * it added, and the nodes it added into (its inputs, repeats kept).
     */
    public record Step(Value node, int index, String explanation, List<Value> receivers) {
    }

    private final Value root;
    private final Value[] order;
    private final Function<Value, String> names;
    private final Map<Value, Integer> uses = new IdentityHashMap<>();
    private final Map<Value, Integer> received = new IdentityHashMap<>();
    private int next;

    private Backprop(Value root, double seed, Function<Value, String> names) {
        this.root = root;
        Graph.Walk walk = Graph.walk(root, false);
        // The walk keeps the root even when it is a leaf, whose empty rule is not a step.
        int size = walk.size() == 1 && root.op == Op.LEAF ? 0 : walk.size();
        this.order = new Value[size];
        for (int i = 0; i < size; i++) {
            order[i] = walk.nodes()[size - 1 - i];
        }
        this.names = v -> bracketed(names.apply(v));
        for (Value node : order) {
            for (Value in : node.inputs()) {
                uses.merge(in, 1, Integer::sum);
            }
        }
        root.grad = seed;
    }

    /**
     * Seeds {@code root.grad = 1}, as backward does: the root is the loss.
     *
     * @param root the loss, whose graph is walked
     * @return a backward pass before its first step
     */
    public static Backprop from(Value root) {
        return from(root, 1, Backprop::label);
    }

    /**
     * Seeds {@code root.grad = seed}, the gradient flowing into the root from further down; {@code names}
     * says what each node is called in the explanations.
     *
     * @param root the node whose graph is walked
     * @param seed the gradient put into the root
     * @param names each node's name in the explanations
     * @return a backward pass before its first step
     */
    public static Backprop from(Value root, double seed, Function<Value, String> names) {
        return new Backprop(root, seed, names);
    }

    /** {@return the root whose gradient was seeded} */
    public Value root() {
        return root;
    }

    /** {@return the nodes whose rules fire, in the order they fire (the root first; leaves have no rule)} */
    public List<Value> order() {
        return List.of(order);
    }

    /** {@return whether every rule has fired} */
    public boolean done() {
        return next == order.length;
    }

    /** {@return how many rules have fired} */
    public int fired() {
        return next;
    }

    /**
     * Fires the next node's rule and says what it added.
     *
     * @return the node whose rule fired, its place in the order, the explanation and the inputs that received
     * @throws IllegalStateException when every rule has fired
     */
    public Step step() {
        if (done()) {
            throw new IllegalStateException("every rule has fired: the backward pass is complete");
        }
        Value node = order[next];
        String rule = Rules.explain(node, names);
        node.op.rule().accept(node);
        if (GradMode.anomalyScope()) {
            GradMode.checkBackward(node);
        }
        List<Value> receivers = node.inputs();
        StringBuilder line = new StringBuilder(rule);
        List<Value> told = new ArrayList<>();
        for (Value in : receivers) {
            int k = received.merge(in, 1, Integer::sum);
            int n = uses.getOrDefault(in, 1);
            if (n > 1 && k > 1 && !contains(told, in)) {
                told.add(in);
                line.append("; ").append(names.apply(in)).append(".grad is now ").append(Rules.number(in.grad))
                        .append(", it is used ").append(n == 2 ? "twice" : n + " times").append(" and its grads add up");
            }
        }
        return new Step(node, next++, line.toString(), receivers);
    }

    /**
     * Fires every remaining rule.
     *
     * @return the last step, or null if none was left
     */
    public Step run() {
        Step last = null;
        while (!done()) {
            last = step();
        }
        return last;
    }

    private static boolean contains(List<Value> values, Value v) {
        for (Value x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** A name as a term of the rules' text: in brackets when it is itself a formula ("x1·w1", "o − y"). */
    static String bracketed(String name) {
        boolean plain = true;
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '[' || c == ']';
        }
        return plain || name.startsWith("(") && name.endsWith(")") ? name : "(" + name + ")";
    }

    private static String label(Value v) {
        return v.label().isEmpty() ? "(" + v.op() + ")" : v.label();
    }
}
