package dev.jgrad.tensor;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A kernel's scratch arrays (a packed or transposed operand), one pool per thread, by length: each
 * is taken and given back within one product, on whichever thread computes it, so a product's
 * workers reuse theirs from step to step. The numbers of tensors and gradients are not here: they
 * live in the step's {@link Arena}.
 */
final class Buffers {
    /** Arrays kept per length: a step of the largest workloads needs a few dozen. */
    private static final int KEEP = 64;
    /**
     * Lengths below this index an array of free lists directly: a per-sample step takes and gives a
     * few dozen tiny arrays, where boxing the length and hashing it cost more than the arrays.
     */
    private static final int DIRECT = 1024;
    private static final ThreadLocal<Pool<double[]>> DOUBLES = ThreadLocal.withInitial(() -> new Pool<>(double[]::new));
    private static final ThreadLocal<Pool<float[]>> FLOATS = ThreadLocal.withInitial(() -> new Pool<>(float[]::new));

    private Buffers() {
    }

    private static final class Pool<T> {
        @SuppressWarnings({"unchecked", "rawtypes"}) // an array of generic queues has no checked form
        final ArrayDeque<T>[] small = new ArrayDeque[DIRECT];
        final Map<Integer, ArrayDeque<T>> large = new HashMap<>();
        final IntFunction<T> make;

        Pool(IntFunction<T> make) {
            this.make = make;
        }

        ArrayDeque<T> free(int n, boolean create) {
            if (n < DIRECT) {
                ArrayDeque<T> q = small[n];
                if (q == null && create) {
                    q = small[n] = new ArrayDeque<>();
                }
                return q;
            }
            return create ? large.computeIfAbsent(n, k -> new ArrayDeque<>()) : large.get(n);
        }

        T take(int n) {
            ArrayDeque<T> free = free(n, false);
            T a = free == null ? null : free.pollFirst();
            return a == null ? make.apply(n) : a;
        }

        void give(T a, int n) {
            ArrayDeque<T> free = free(n, true);
            if (free.size() < KEEP) {
                free.addFirst(a);
            }
        }
    }

    /** An array of length n, recycled when one is free: its contents are arbitrary, for callers that write every entry. */
    static double[] take(int n) {
        return DOUBLES.get().take(n);
    }

    /** Hands {@code a} back; the caller must hold no other reference to it. */
    static void give(double[] a) {
        if (a != null && a.length > 0) {
            DOUBLES.get().give(a, a.length);
        }
    }

    /** {@link #take(int)} for float32 numbers. */
    static float[] takeFloats(int n) {
        return FLOATS.get().take(n);
    }

    /** {@link #give(double[])} for float32 numbers. */
    static void give(float[] a) {
        if (a != null && a.length > 0) {
            FLOATS.get().give(a, a.length);
        }
    }
}
