package dev.jgrad.engine;

/**
 * The forward pass again over a graph already built, after some of its data changed: what the post's
 * "forward pass with the new values" and a gradient check by nudging an inner node need. Every node that
 * is not a leaf gets its data recomputed from its inputs, in topological order, with the same arithmetic
 * its op used when it was made (the op's one forward rule, in {@link Primitives}), so an untouched graph comes out bit for bit as it was. Gradients are left
 * alone.
 */
public final class Forward {
    private Forward() {
    }

    /**
     * Recomputes every inner node of {@code root}'s graph from the leaves' data.
     *
     * @param root the graph's output; its leaves are read as they are now
     */
    public static void pass(Value root) {
        pass(root, null);
    }

    /**
     * Recomputes every inner node but {@code pinned}, whose data stays as set ({@link Value#setData}), so
     * the nodes after it see the nudged value.
     *
     * @param root the graph's output
     * @param pinned the node left as it is, or null for none
     */
    public static void pass(Value root, Value pinned) {
        for (Value node : Graph.order(root)) {
            if (node.op != Op.LEAF && node != pinned) {
                node.data = node.op.eval().apply(node.a, node.b, node.many);
            }
        }
    }
}
