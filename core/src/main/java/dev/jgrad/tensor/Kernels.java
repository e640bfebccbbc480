package dev.jgrad.tensor;

import java.util.function.IntConsumer;

/**
 * Chooses a matrix-product kernel by size: plain loops for small products (W1's 200 × 2 × 9 is over
 * before a packed kernel has packed), the Vector API kernel for bigger ones once it is registered and
 * warm, and several threads only for products big enough to repay the hand-off.
 *
 * <p>The vector kernel and the threads are the JVM's: {@code JvmKernels.install()}, compiled with
 * the incubator module beside the vector kernel, registers them (the CLI does at start, the
 * {@code ./jgrad} launcher passes {@code --add-modules jdk.incubator.vector}). Until then, and always
 * in the browser, every product runs on plain loops in the caller's thread: this class names no
 * JVM-only class and finds nothing by reflection, so TeaVM compiles the tensor engine as it is. The
 * system property {@code jgrad.kernel=plain|vector} overrides the choice, for benchmarks and tests.
 */
final class Kernels {
    static final Gemm PLAIN = new PlainGemm();
    /**
     * m·n·k from which the packed kernel beats plain loops (measured: 2× at W2's 100 × 16 × 16,
     * even at W1's 200 × 9 × 2); a single output column stays a plain dot product per row.
     */
    private static final long VECTOR_FROM = 16L * 16 * 16;
    /**
     * m·n·k from which two threads beat one, measured on 2 cores: W4's 12.8 M products gain 1.5×,
     * W3's 4 M ones lost 20 % (the hand-off and the second packing of B outweigh half the work).
     */
    private static final long THREADS_FROM = 1L << 23;
    private static final String KERNEL = System.getProperty("jgrad.kernel", "auto");
    /** The Vector API kernel once registered, else null. */
    private static volatile Gemm vector;
    /** Whether the vector kernel has been measured faster than plain loops (it starts cold). */
    private static volatile boolean warm;
    /** Runs the parts of a big product at once, once registered; null: one thread. */
    private static volatile Parallel parallel;

    /** Runs {@code part.accept(0 … parts − 1)}, the caller taking part 0, and returns when all are done. */
    interface Parallel {
        /** How many parts may run at once, the caller's thread included. */
        int threads();

        void run(int parts, IntConsumer part);
    }

    private Kernels() {
    }

    /** Makes {@code g} the kernel for products from {@link #VECTOR_FROM} on, once {@link #warmed}. */
    static void registerVector(Gemm g) {
        vector = g;
    }

    /** Called once the registered vector kernel is faster than plain loops. */
    static void warmed() {
        warm = true;
    }

    /** Splits products of {@link #THREADS_FROM} multiply-adds or more into row blocks run by {@code p}. */
    static void registerParallel(Parallel p) {
        parallel = p;
    }

    /** A new m × n array holding op(A) · op(B) (see {@link Gemm} for the layouts). */
    static double[] matmul(boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b) {
        return matmul(n == 1 ? PLAIN : choose((long) m * n * k), ta, tb, m, n, k, a, b);
    }

    /** {@link #matmul} with a given kernel, split across threads when the product is big enough. */
    static double[] matmul(Gemm g, boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b) {
        double[] c = Buffers.take(m * n);
        Parallel p = parallel;
        int threads = p != null && (long) m * n * k >= THREADS_FROM ? Math.min(p.threads(), m / 8) : 1;
        if (threads <= 1) {
            g.multiply(ta, tb, m, n, k, a, b, c, 0, m);
            return c;
        }
        int chunk = (m + threads - 1) / threads;
        p.run(threads, t -> {
            int from = Math.min(m, t * chunk);
            g.multiply(ta, tb, m, n, k, a, b, c, from, Math.min(m, from + chunk));
        });
        return c;
    }

    /** The kernel in use for this much work: "plain" or "vector" (reported by benchmarks). */
    static Gemm choose(long work) {
        Gemm v = vector;
        if (v == null || KERNEL.equals("plain")) {
            return PLAIN;
        }
        if (KERNEL.equals("vector")) {
            return v;
        }
        return work >= VECTOR_FROM && warm ? v : PLAIN;
    }

    /** Whether the Vector API kernel is warm, waiting at most {@code millis} for it (for benchmarks). */
    static boolean awaitVector(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (vector != null && !warm && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        return vector != null && warm;
    }

    static String describe() {
        Parallel p = parallel;
        String threads = (p == null ? 1 : p.threads()) + " thread(s) for products of 8M multiply-adds or more";
        if (vector == null) {
            return "plain loops (the Vector API kernel needs java --add-modules jdk.incubator.vector), " + threads;
        }
        return (KERNEL.equals("plain") ? "plain loops (forced)" : vector + (warm ? "" : ", still warming up"))
                + ", " + threads;
    }

    /** Whether a Vector API kernel is registered. */
    static boolean vectorised() {
        return vector != null;
    }

    /** The registered Vector API kernel, or null. */
    static Gemm vector() {
        return vector;
    }
}
