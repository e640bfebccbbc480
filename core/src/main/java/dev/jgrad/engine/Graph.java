package dev.jgrad.engine;

import java.util.Arrays;

/** Topological order without recursion, so that a graph of any depth fits the default stack. */
final class Graph {
    private static final byte UNSEEN = 0;
    private static final byte EXPANDED = 1;
    private static final byte PLACED = 2;

    private Graph() {
    }

    /**
     * Every node reachable from {@code root}, each after all of its inputs, {@code root} last.
     * A depth-first walk with an explicit stack: a node is pushed, then pushed again beneath its
     * inputs, and placed when it surfaces the second time. The visited set is a byte on each node,
     * reset before returning, so the walk allocates only its two arrays.
     */
    static Value[] order(Value root) {
        Walk walk = walk(root, true);
        return walk.size == walk.nodes.length ? walk.nodes : Arrays.copyOf(walk.nodes, walk.size);
    }

    /** The first {@code size} entries of {@code nodes} in topological order; the rest is spare room. */
    record Walk(Value[] nodes, int size) {
    }

    /**
     * {@link #order} without trimming the array. Without {@code leaves}, the walk passes over leaves
     * entirely (about half of a network's nodes: weights, inputs, constants): backward has no rule
     * to run on them, and skipping them halves its walk. The other nodes keep their order.
     */
    static Walk walk(Value root, boolean leaves) {
        Value[] out = new Value[16];
        int placed = 0;
        Value[] stack = new Value[16];
        int top = 0;
        stack[top++] = root;
        try {
            while (top > 0) {
                Value node = stack[--top];
                if (node.mark == PLACED) {
                    continue;
                }
                if (node.mark == EXPANDED) {
                    node.mark = PLACED;
                    if (placed == out.length) {
                        out = Arrays.copyOf(out, placed * 2);
                    }
                    out[placed++] = node;
                    continue;
                }
                node.mark = EXPANDED;
                int inputs = node.many != null ? node.many.length : 2;
                if (top + inputs + 1 > stack.length) {
                    stack = Arrays.copyOf(stack, Math.max(stack.length * 2, top + inputs + 1));
                }
                stack[top++] = node;
                // Pushed last-to-first so the first input is walked first: the order reads like the code.
                if (node.many != null) {
                    for (int i = node.many.length - 1; i >= 0; i--) {
                        top = push(stack, top, node.many[i], leaves);
                    }
                } else {
                    top = push(stack, top, node.b, leaves);
                    top = push(stack, top, node.a, leaves);
                }
            }
        } finally {
            for (int i = 0; i < placed; i++) {
                out[i].mark = UNSEEN;
            }
            for (int i = 0; i < top; i++) {
                stack[i].mark = UNSEEN;
            }
        }
        return new Walk(out, placed);
    }

    private static int push(Value[] stack, int top, Value input, boolean leaves) {
        if (input != null && input.mark == UNSEEN && (leaves || input.op != Op.LEAF)) {
            stack[top++] = input;
        }
        return top;
    }
}
