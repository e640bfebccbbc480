package dev.jgrad.tensor;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

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

    /** A zeroed array of length n, for callers that accumulate into it. */
    static double[] zeroed(int n) {
        double[] a = take(n);
        Arrays.fill(a, 0);
        return a;
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

    /** The float32 numbers of {@code f} as doubles (exactly), in a recycled array. */
    static double[] widen(float[] f) {
        double[] d = take(f.length);
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** {@code d} rounded to float32 (to nearest), in a recycled array. */
    static float[] narrow(double[] d) {
        float[] f = takeFloats(d.length);
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
