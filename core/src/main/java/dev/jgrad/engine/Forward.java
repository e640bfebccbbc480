package dev.jgrad.engine;

/**
 * The forward pass again over a graph already built, after some of its data changed: what the post's
 * "forward pass with the new values" and a gradient check by nudging an inner node need. Every node that
 * is not a leaf gets its data recomputed from its inputs, in topological order, with the same arithmetic
 * its op used when it was made, so an untouched graph comes out bit for bit as it was. Gradients are left
 * alone.
 */
public final class Forward {
    private Forward() {
    }

    /** Recomputes every inner node of {@code root}'s graph from the leaves' data. */
    public static void pass(Value root) {
        pass(root, null);
    }

    /**
     * Recomputes every inner node but {@code pinned}, whose data stays as set ({@link Value#setData}), so
     * the nodes after it see the nudged value.
     */
    public static void pass(Value root, Value pinned) {
        for (Value node : Graph.order(root)) {
            if (node.op != Op.LEAF && node != pinned) {
                node.data = evaluate(node);
            }
        }
    }

    private static double evaluate(Value v) {
        String op = v.op.name();
        switch (op) {
            case "+":
                return v.a.data + v.b.data;
            case "*":
                return v.a.data * v.b.data;
            case "**":
                return StrictMath.pow(v.a.data, v.b.data);
            case "exp":
                return StrictMath.exp(v.a.data);
            case "log":
                return StrictMath.log(v.a.data);
            case "tanh":
                return StrictMath.tanh(v.a.data);
            case "relu":
                return Math.max(v.a.data, 0);
            case "sigmoid":
                double e = StrictMath.exp(-Math.abs(v.a.data));
                return v.a.data >= 0 ? 1 / (1 + e) : e / (1 + e);
            case "sum":
                double s = 0;
                for (Value t : v.many) {
                    s += t.data;
                }
                return s;
            default:
                if (op.startsWith("**")) {
                    return StrictMath.pow(v.a.data, Double.parseDouble(op.substring(2)));
                }
                throw new IllegalStateException("no forward rule for op '" + op + "'");
        }
    }
}
