package dev.jgrad.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link Value#gradients}: backward's walk, but each node's gradient is a {@link Value} kept in a map
 * of its own instead of a number added into the node's {@code grad}. Each op's {@link Op#chain} makes
 * its inputs' shares out of Value operations, and shares meeting at a node are added with
 * {@link Value#add}, so the += of a node used twice is a graph too. Without {@code createGraph} the same
 * walk runs under a no-grad scope: the shares are plain constants, the numbers backward adds.
 */
final class Gradients {
    private Gradients() {
    }

    static List<Value> of(Value output, List<Value> inputs, boolean createGraph) {
        Value[] order = Graph.order(output);
        Set<Value> feeds = feeds(order, inputs);
        Map<Value, Value> grads = new IdentityHashMap<>();
        try (NoGrad scope = createGraph ? null : NoGrad.enter()) {
            grads.put(output, Value.of(1));
            for (int i = order.length - 1; i >= 0; i--) {
                Value node = order[i];
                Value g = grads.get(node);
                if (g != null && node.op != Op.LEAF && feedsAny(node, feeds)) {
                    share(node, chain(node, g), feeds, grads);
                }
            }
            List<Value> result = new ArrayList<>(inputs.size());
            for (Value in : inputs) {
                Value g = grads.get(in);
                result.add(g != null ? g : Value.of(0));
            }
            return result;
        }
    }

    /** Under an anomaly scope a NaN made while building a share is said to come from this op's rule. */
    private static Value[] chain(Value node, Value g) {
        if (!GradMode.anomalyScope()) {
            return node.op.chain().apply(node, g);
        }
        try {
            return node.op.chain().apply(node, g);
        } catch (ArithmeticException e) {
            throw new ArithmeticException("anomaly: backward of " + node.op() + " (out " + node.data + ", out.grad "
                    + g.data + ") failed: " + e.getMessage());
        }
    }

    /** Adds each input's share into its gradient, in backward's order: first input first. */
    private static void share(Value node, Value[] shares, Set<Value> feeds, Map<Value, Value> grads) {
        List<Value> ins = node.inputs();
        for (int j = 0; j < shares.length; j++) {
            Value in = ins.get(j);
            if (feeds.contains(in)) {
                grads.merge(in, shares[j], Value::add);
            }
        }
    }

    /** The nodes that are one of {@code inputs} or depend on one: only their gradients are needed. */
    private static Set<Value> feeds(Value[] order, List<Value> inputs) {
        Set<Value> feeds = Collections.newSetFromMap(new IdentityHashMap<>());
        feeds.addAll(inputs);
        for (Value node : order) {
            if (feedsAny(node, feeds)) {
                feeds.add(node);
            }
        }
        return feeds;
    }

    private static boolean feedsAny(Value node, Set<Value> feeds) {
        if (node.many != null) {
            for (Value t : node.many) {
                if (feeds.contains(t)) {
                    return true;
                }
            }
            return false;
        }
        return node.a != null && feeds.contains(node.a) || node.b != null && feeds.contains(node.b);
    }
}
