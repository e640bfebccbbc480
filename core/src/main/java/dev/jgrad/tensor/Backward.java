package dev.jgrad.tensor;

import java.util.Arrays;

/**
 * Reverse-mode sweep over a tensor graph, without recursion, and the anomaly checks. It only walks
 * and adds: the temporaries it makes live in the step's {@link Arena}, which frees them all at once.
 */
final class Backward {
    private Backward() {
    }

    static void run(Tensor root) {
        if (!root.requiresGrad) {
            return;
        }
        Tensor[] order = order(root);
        boolean anomaly = dev.jgrad.engine.Anomaly.isActive();
        for (Tensor t : order) {
            if (t.fn != null) {
                t.grad = null;
                t.gradZeroed = false;
            }
        }
        accumulate(root, ones(root.size()), false);
        for (int i = order.length - 1; i >= 0; i--) {
            Tensor node = order[i];
            if (node.fn == null || node.grad == null) {
                continue;
            }
            node.fn.floatGrads = null;
            double[][] grads = node.fn.backward(node.grad);
            float[][] floats = node.fn.floatGrads;
            Tensor[] in = node.fn.in;
            for (int j = 0; j < in.length; j++) {
                if (!in[j].requiresGrad) {
                    continue;
                }
                if (grads[j] != null) {
                    if (anomaly) {
                        checkBackward(node.fn, j, grads[j]);
                    }
                    if (grads[j] == in[j].grad && in[j].gradZeroed) {
                        in[j].gradZeroed = false; // written in place by a product (into)
                        continue;
                    }
                    accumulate(in[j], grads[j], shared(grads, j, node.grad));
                } else if (floats != null && floats[j] != null) {
                    accumulate(in[j], floats[j], anomaly ? node.fn : null, j);
                }
            }
            node.fn.floatGrads = null;
            node.grad = null;
        }
    }

    /**
     * Adds {@code g} into t's gradient (writes it, when {@link Tensor#zeroGrad} left the gradient standing for zeros).
     * On first use an intermediate takes g as its gradient, unless
     * g is shared (passed through, as add and reshape do, or given to two inputs): then it takes a
     * copy. A leaf's gradient outlives the step, so it is a copy of its own, made once.
     */
    private static void accumulate(Tensor t, double[] g, boolean shared) {
        if (t.grad == null) {
            t.grad = t.fn == null ? g.clone() : shared ? copy(g) : g;
            return;
        }
        double[] d = t.grad;
        if (t.gradZeroed) {
            // 0 + g, the bits of adding to a filled array (−0 becomes +0), without reading it
            t.gradZeroed = false;
            for (int i = 0; i < d.length; i++) {
                d[i] = 0d + g[i];
            }
            return;
        }
        for (int i = 0; i < d.length; i++) {
            d[i] += g[i];
        }
    }

    /**
     * Adds a float32 gradient into t's: each number widened as it is added ({@link Passes#widen}), the bits of
     * widening it first, without the widened copy (but for t's first share, or to check it for an anomaly).
     */
    private static void accumulate(Tensor t, float[] g, Function checked, int input) {
        if (t.grad == null || checked != null) {
            double[] wide = Arena.widen(g);
            if (checked != null) {
                checkBackward(checked, input, wide);
            }
            accumulate(t, wide, false);
            return;
        }
        Loops.passes(true).widen(t.grad, g, !t.gradZeroed);
        t.gradZeroed = false;
    }

    /**
     * Where a product may write t's gradient directly, or null: a parameter's gradient that {@link Tensor#zeroGrad}
     * left standing for zeros, whose first share would be written as 0 + g. A product's entries are sums from +0
     * (see {@link Gemm}), never −0, so they are 0 + g already: writing them there saves the copy, and its pass over
     * every weight, with the same bits. The product returns that array, and {@link #run} sees it in place.
     */
    static double[] into(Tensor t) {
        return t.fn == null && t.gradZeroed ? t.grad : null;
    }

    private static double[] copy(double[] g) {
        double[] c = Arena.doubles(g.length);
        System.arraycopy(g, 0, c, 0, g.length);
        return c;
    }

    private static boolean shared(double[][] grads, int j, double[] g) {
        if (grads[j] == g) {
            return true;
        }
        for (int i = 0; i < grads.length; i++) {
            if (i != j && grads[i] == grads[j]) {
                return true;
            }
        }
        return false;
    }

    private static double[] ones(int n) {
        double[] d = Arena.doubles(n);
        Arrays.fill(d, 1);
        return d;
    }

    /** Nodes that need a gradient, each after its inputs, root last; a depth-first walk with a stack. */
    static Tensor[] order(Tensor root) {
        Tensor[] out = new Tensor[16];
        int placed = 0;
        Tensor[] stack = new Tensor[16];
        int top = 0;
        stack[top++] = root;
        try {
            while (top > 0) {
                Tensor node = stack[--top];
                if (node.mark == 2) {
                    continue;
                }
                if (node.mark == 1) {
                    node.mark = 2;
                    if (placed == out.length) {
                        out = Arrays.copyOf(out, placed * 2);
                    }
                    out[placed++] = node;
                    continue;
                }
                node.mark = 1;
                Tensor[] in = node.fn == null ? new Tensor[0] : node.fn.in;
                if (top + in.length + 1 > stack.length) {
                    stack = Arrays.copyOf(stack, Math.max(stack.length * 2, top + in.length + 1));
                }
                stack[top++] = node;
                for (int i = in.length - 1; i >= 0; i--) {
                    if (in[i].requiresGrad && in[i].mark == 0) {
                        stack[top++] = in[i];
                    }
                }
            }
        } finally {
            for (int i = 0; i < placed; i++) {
                out[i].mark = 0;
            }
            for (int i = 0; i < top; i++) {
                stack[i].mark = 0;
            }
        }
        return Arrays.copyOf(out, placed);
    }

    static void checkForward(Function f, Tensor t) {
        for (int i = 0; i < t.size(); i++) {
            double v = t.data != null ? t.data[i] : t.floats[i];
            if (!Double.isFinite(v)) {
                throw new ArithmeticException("anomaly: " + f.name() + " produced " + v + " from inputs of shape "
                        + shapes(f));
            }
        }
    }

    private static void checkBackward(Function f, int input, double[] g) {
        for (double v : g) {
            if (!Double.isFinite(v)) {
                throw new ArithmeticException("anomaly: backward of " + f.name() + " produced gradient " + v
                        + " for input " + input + " (shapes " + shapes(f) + ")");
            }
        }
    }

    private static String shapes(Function f) {
        StringBuilder sb = new StringBuilder();
        for (Tensor t : f.in) {
            sb.append(sb.length() == 0 ? "" : ", ").append(Arrays.toString(t.shape));
        }
        return sb.toString();
    }
}
