package dev.jgrad.tensor;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Arrays recycled across training steps, one pool per thread, by length. A training step makes the
 * same arrays every time; taking them back from the last step instead of from the allocator keeps
 * them in cache and the garbage collector idle (a W3 step otherwise churns about 10 MB).
 * {@link Backward} returns gradient temporaries as soon as they are used; the forward results of a
 * graph come back only through {@link Tensor#release()}, when the caller says the graph is dead.
 */
final class Buffers {
    /** Arrays kept per length: a step of the largest workloads needs a few dozen. */
    private static final int KEEP = 64;
    /**
     * Lengths below this index an array of free lists directly: a per-sample step takes and gives a
     * few dozen tiny arrays, where boxing the length and hashing it cost more than the arrays.
     */
    private static final int DIRECT = 1024;
    private static final ThreadLocal<Pool> POOL = ThreadLocal.withInitial(Pool::new);

    private Buffers() {
    }

    private static final class Pool {
        @SuppressWarnings({"unchecked", "rawtypes"}) // an array of generic queues has no checked form
        final ArrayDeque<double[]>[] small = new ArrayDeque[DIRECT];
        final Map<Integer, ArrayDeque<double[]>> large = new HashMap<>();

        ArrayDeque<double[]> free(int n, boolean create) {
            if (n < DIRECT) {
                ArrayDeque<double[]> q = small[n];
                if (q == null && create) {
                    q = small[n] = new ArrayDeque<>();
                }
                return q;
            }
            return create ? large.computeIfAbsent(n, k -> new ArrayDeque<>()) : large.get(n);
        }
    }

    /** An array of length n, recycled when one is free: its contents are arbitrary, for callers that write every entry. */
    static double[] take(int n) {
        ArrayDeque<double[]> free = POOL.get().free(n, false);
        double[] a = free == null ? null : free.pollFirst();
        return a == null ? new double[n] : a;
    }

    /** A zeroed array of length n, for callers that accumulate into it. */
    static double[] zeroed(int n) {
        double[] a = take(n);
        Arrays.fill(a, 0);
        return a;
    }

    /** Hands {@code a} back; the caller must hold no other reference to it. */
    static void give(double[] a) {
        if (a == null || a.length == 0) {
            return;
        }
        ArrayDeque<double[]> free = POOL.get().free(a.length, true);
        if (free.size() < KEEP) {
            free.addFirst(a);
        }
    }
}
