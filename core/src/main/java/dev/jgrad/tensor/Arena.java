package dev.jgrad.tensor;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * A training step's memory: while a step's arena is open on a thread, every array the tensor
 * operations make there (forward results, the numbers backward keeps, gradient temporaries) comes
 * from it, and closing it takes them all back at once, for the next step to reuse. So the chain
 * rule only walks and adds, nothing in it hands arrays back one by one, and a training loop runs
 * on the same arrays step after step without feeding the garbage collector.
 *
 * <pre>{@code
 * double value;
 * try (Arena step = Arena.open()) {
 *     Tensor loss = model.loss(batch, Loss.CROSS_ENTROPY, penalty);
 *     loss.backward();
 *     value = loss.item();      // read what you need before the step ends
 * }
 * }</pre>
 *
 * <p>Every tensor computed while the arena is open belongs to the step: reading or using one after
 * {@link #close()} throws an {@link IllegalStateException} naming the operation, since its numbers
 * may already be the next step's. Parameters, constants made with {@link Tensor#of} or
 * {@link Tensor#wrap}, and the gradients of parameters are never the arena's. Outside any open arena
 * arrays are ordinary garbage-collected ones.
 *
 * <p>One arena per thread; opening it again while it is open joins the outer step, whose close
 * frees both (an inner close only ends the inner scope). Not shared between threads.
 */
public final class Arena implements AutoCloseable {
    private static final ThreadLocal<Arena> THREAD = ThreadLocal.withInitial(Arena::new);

    private final Shelf<double[]> doubles = new Shelf<>(double[]::new);
    private final Shelf<float[]> floats = new Shelf<>(float[]::new);
    private final Shelf<int[]> ints = new Shelf<>(int[]::new);
    /** Open scopes on this thread: 0 when closed. */
    private int depth;
    /** Counts closed steps: a tensor made in step g is readable while this is still g. */
    int generation;

    private Arena() {
    }

    /**
     * Opens this thread's arena for a step (or joins the step already open).
     *
     * @return the arena, to close when the step ends (try-with-resources)
     */
    public static Arena open() {
        Arena a = THREAD.get();
        a.depth++;
        return a;
    }

    /**
     * Ends this scope; the outermost close hands every array of the step back at once, and the
     * tensors computed in it can no longer be read. Closing a closed arena does nothing.
     */
    @Override
    public void close() {
        if (depth == 0 || --depth > 0) {
            return;
        }
        doubles.reset();
        floats.reset();
        ints.reset();
        generation++;
    }

    /** {@return whether a step is open on this thread} */
    public static boolean isOpen() {
        return THREAD.get().depth > 0;
    }

    /** This thread's arena when a step is open on it, else null. */
    static Arena current() {
        Arena a = THREAD.get();
        return a.depth > 0 ? a : null;
    }

    /** An array of length n with arbitrary contents, for callers that write every entry: the step's, or a new one. */
    static double[] doubles(int n) {
        Arena a = current();
        return a == null ? new double[n] : a.doubles.take(n);
    }

    /** {@link #doubles(int)} for float32 numbers. */
    static float[] floats(int n) {
        Arena a = current();
        return a == null ? new float[n] : a.floats.take(n);
    }

    /** {@link #doubles(int)} for indices. */
    static int[] ints(int n) {
        Arena a = current();
        return a == null ? new int[n] : a.ints.take(n);
    }

    /** A zeroed array of length n, for callers that accumulate into it. */
    static double[] zeroed(int n) {
        double[] a = doubles(n);
        Arrays.fill(a, 0);
        return a;
    }

    /** The float32 numbers of {@code f} as doubles (exactly). */
    static double[] widen(float[] f) {
        double[] d = doubles(f.length);
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** {@code d} rounded to float32 (to nearest). */
    static float[] narrow(double[] d) {
        float[] f = floats(d.length);
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /**
     * Arrays by length, each length's handed out in turn from a cursor that closing sets back to 0:
     * a step takes the same lengths in the same order every time, so after the first step it only
     * moves cursors. A step has a few dozen lengths, found by a linear scan (no boxing, no hashing).
     */
    private static final class Shelf<T> {
        private final IntFunction<T> make;
        private int[] lengths = new int[16];
        private Object[][] arrays = new Object[16][];
        private int[] used = new int[16];
        private int kinds;

        Shelf(IntFunction<T> make) {
            this.make = make;
        }

        @SuppressWarnings("unchecked") // each row holds arrays made by make
        T take(int n) {
            int s = slot(n);
            Object[] row = arrays[s];
            if (used[s] == row.length) {
                row = arrays[s] = Arrays.copyOf(row, Math.max(4, row.length * 2));
            }
            if (row[used[s]] == null) {
                row[used[s]] = make.apply(n);
            }
            return (T) row[used[s]++];
        }

        private int slot(int n) {
            for (int s = 0; s < kinds; s++) {
                if (lengths[s] == n) {
                    return s;
                }
            }
            if (kinds == lengths.length) {
                lengths = Arrays.copyOf(lengths, kinds * 2);
                arrays = Arrays.copyOf(arrays, kinds * 2);
                used = Arrays.copyOf(used, kinds * 2);
            }
            lengths[kinds] = n;
            arrays[kinds] = new Object[0];
            return kinds++;
        }

        void reset() {
            Arrays.fill(used, 0, kinds, 0);
        }
    }
}
