package dev.jgrad.engine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The per-thread switches behind {@link NoGrad} and {@link Anomaly}. Reading a thread-local for
 * every new node would cost more than the node itself, so a global count of open scopes is read
 * first: while no thread has a scope open, which is nearly always, that one load decides.
 */
final class GradMode {
    private static final AtomicInteger OPEN = new AtomicInteger();
    private static final ThreadLocal<int[]> DEPTHS = ThreadLocal.withInitial(() -> new int[2]);
    private static final int NO_GRAD = 0;
    private static final int ANOMALY = 1;

    private GradMode() {
    }

    static boolean recording() {
        return OPEN.get() == 0 || DEPTHS.get()[NO_GRAD] == 0;
    }

    static boolean anomalyScope() {
        return OPEN.get() != 0 && DEPTHS.get()[ANOMALY] != 0;
    }

    static Runnable enterNoGrad() {
        return enter(NO_GRAD);
    }

    static Runnable enterAnomaly() {
        return enter(ANOMALY);
    }

    /** Opens a scope on this thread and returns what closes it (once, on the same thread). */
    private static Runnable enter(int kind) {
        int[] depths = DEPTHS.get();
        depths[kind]++;
        OPEN.incrementAndGet();
        boolean[] closed = {false};
        return () -> {
            if (!closed[0]) {
                closed[0] = true;
                depths[kind]--;
                OPEN.decrementAndGet();
            }
        };
    }

    static void checkForward(Value out, Op op, Value a, Value b, Value[] many) {
        if (Double.isFinite(out.data)) {
            return;
        }
        StringBuilder inputs = new StringBuilder();
        if (many != null) {
            for (Value v : many) {
                describe(inputs, v);
            }
        } else {
            describe(inputs, a);
            describe(inputs, b);
        }
        throw new ArithmeticException("anomaly: " + op.name() + " produced " + out.data
                + " from " + inputs);
    }

    static void checkBackward(Value node) {
        for (Value in : node.inputs()) {
            if (!Double.isFinite(in.grad)) {
                StringBuilder inputs = new StringBuilder();
                for (Value v : node.inputs()) {
                    describe(inputs, v);
                }
                throw new ArithmeticException("anomaly: backward of " + node.op() + " produced gradient "
                        + in.grad + " (out.grad " + node.grad + ") for " + inputs);
            }
        }
    }

    private static void describe(StringBuilder sb, Value v) {
        if (v == null) {
            return;
        }
        if (!sb.isEmpty()) {
            sb.append(", ");
        }
        sb.append(v.label().isEmpty() ? "(unlabelled)" : v.label()).append('=').append(v.data);
    }
}
