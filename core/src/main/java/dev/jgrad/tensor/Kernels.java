package dev.jgrad.tensor;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Chooses a matrix-product kernel by size: plain loops for small products (W1's 200 × 2 × 9 is over
 * before a packed kernel has packed), the Vector API kernel when the JVM has
 * {@code jdk.incubator.vector} (run with {@code --add-modules jdk.incubator.vector}; the
 * {@code ./jgrad} launcher does), and a second thread only for products big enough to repay the
 * hand-off. System properties {@code jgrad.kernel=plain|vector} and {@code jgrad.threads=N} override
 * the choice, for benchmarks and tests.
 */
final class Kernels {
    static final Gemm PLAIN = new PlainGemm();
    /** The Vector API kernel, or null when the module is absent or the class failed to link. */
    static final Gemm VECTOR = loadVector();
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
    private static final int THREADS = Integer.getInteger("jgrad.threads",
            Runtime.getRuntime().availableProcessors());

    private Kernels() {
    }

    /** A new m × n array holding op(A) · op(B) (see {@link Gemm} for the layouts). */
    static double[] matmul(boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b) {
        return matmul(n == 1 ? PLAIN : choose((long) m * n * k), ta, tb, m, n, k, a, b);
    }

    /** {@link #matmul} with a given kernel, split across threads when the product is big enough. */
    static double[] matmul(Gemm g, boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b) {
        double[] c = Buffers.take(m * n);
        long work = (long) m * n * k;
        int threads = work >= THREADS_FROM ? Math.min(THREADS, m / 8) : 1;
        if (threads <= 1) {
            g.multiply(ta, tb, m, n, k, a, b, c, 0, m);
            return c;
        }
        int chunk = (m + threads - 1) / threads;
        @SuppressWarnings("unchecked")
        Future<?>[] parts = new Future<?>[threads - 1];
        for (int t = 1; t < threads; t++) {
            int from = Math.min(m, t * chunk), to = Math.min(m, from + chunk);
            parts[t - 1] = Workers.POOL.submit(() -> g.multiply(ta, tb, m, n, k, a, b, c, from, to));
        }
        g.multiply(ta, tb, m, n, k, a, b, c, 0, Math.min(m, chunk));
        for (Future<?> f : parts) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("matmul interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("matmul worker failed", e.getCause());
            }
        }
        return c;
    }

    /** The kernel in use for this much work: "plain" or "vector" (reported by benchmarks). */
    static Gemm choose(long work) {
        if (VECTOR == null || KERNEL.equals("plain")) {
            return PLAIN;
        }
        if (KERNEL.equals("vector")) {
            return VECTOR;
        }
        return work >= VECTOR_FROM && Warmup.ready ? VECTOR : PLAIN;
    }

    /** Whether the Vector API kernel is warm, waiting at most {@code millis} for it (for benchmarks). */
    static boolean awaitVector(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (VECTOR != null && !Warmup.ready && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        return VECTOR != null && Warmup.ready;
    }

    static String describe() {
        if (VECTOR == null) {
            return "plain loops (run java with --add-modules jdk.incubator.vector for the Vector API kernel)";
        }
        return (KERNEL.equals("plain") ? "plain loops (forced)" : VECTOR + (Warmup.ready ? "" : ", still warming up"))
                + ", " + THREADS + " thread(s) for products of 8M multiply-adds or more";
    }

    /** Whether the Vector API kernel is loaded. */
    static boolean vectorised() {
        return VECTOR != null;
    }

    private static Gemm loadVector() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            Gemm g = (Gemm) Class.forName("dev.jgrad.tensor.VectorGemm").getDeclaredConstructor().newInstance();
            Warmup.start();
            return g;
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /**
     * Until the JIT's optimising compiler has compiled the Vector API kernel it runs hundreds of
     * times slower than plain loops (every vector op is an object): a cold W3 step took 3 s. So a
     * daemon thread exercises it on small products and the plain kernel serves until the vector one
     * is measurably faster (or 30 s have passed).
     */
    private static final class Warmup {
        static volatile boolean ready;

        static void start() {
            Thread t = new Thread(Warmup::run, "jgrad-vector-warmup");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }

        private static void run() {
            int n = 48;
            double[] a = new double[n * n], b = new double[n * n], c = new double[n * n];
            java.util.Arrays.fill(a, 0.5);
            java.util.Arrays.fill(b, 0.25);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!ready) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 20; i++) {
                    VECTOR.multiply(false, false, n, n, n, a, b, c, 0, n);
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < 20; i++) {
                    PLAIN.multiply(false, false, n, n, n, a, b, c, 0, n);
                }
                long t2 = System.nanoTime();
                ready = 2 * (t1 - t0) < t2 - t1 || t2 > deadline;
            }
        }
    }

    /** Daemon workers, created on first big product, so small programs never start a thread. */
    private static final class Workers {
        static final ExecutorService POOL = Executors.newFixedThreadPool(Math.max(1, THREADS - 1), r -> {
            Thread t = new Thread(r, "jgrad-matmul");
            t.setDaemon(true);
            return t;
        });
    }
}
