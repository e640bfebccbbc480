package dev.jgrad.tensor;

import java.util.function.Consumer;
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
 *
 * <p>The choice is one of speed only. {@code install()} also replaces the plain loops with their
 * fused form, and every kernel it registers computes each entry of C with the same operations in the
 * same order ({@link Gemm}), so the kernel, the warm-up's timing and the thread count never change a
 * bit of a result. Call it before the first product: the browser's plain loops, which TeaVM compiles
 * without {@code Math.fma}, round every multiply-add twice.
 */
final class Kernels {
    /** Multiply, then add: the browser's kernel, and the JVM's until {@code install()}. */
    static final Gemm PLAIN = new PlainGemm();
    /**
     * m·n·k from which the packed kernel beats plain loops (docs/performance.md has the figures); a
     * single output column stays a plain dot product per row.
     */
    private static final double VECTOR_FROM = 16 * 16 * 16;
    /**
     * m·n·k from which two threads beat one: below it, the hand-off and the second packing of B
     * outweigh half the work (docs/performance.md).
     */
    private static final double THREADS_FROM = 1 << 23;
    /** {@code jgrad.kernel}: auto, plain or vector, for the products and for {@link Loops}. */
    static final String KERNEL = System.getProperty("jgrad.kernel", "auto");
    /** The plain loops in use: {@link #PLAIN}, or the JVM's fused form once registered. */
    private static volatile Gemm plain = PLAIN;
    /** The Vector API kernel once registered, else null. */
    private static volatile Gemm vector;
    /** The float32 kernels: the browser's plain loops, the JVM's once registered, and the vector one. */
    static final FloatGemm PLAIN_FLOATS = new PlainFloatGemm();
    private static volatile FloatGemm plainFloats = PLAIN_FLOATS;
    private static volatile FloatGemm vectorFloats;
    /** Whether each width's vector kernel has been measured faster than its plain loops (each starts cold). */
    private static volatile boolean warm, floatsWarm;
    /**
     * A single product from which the vector kernel's warm-up starts at once: a millisecond or more of
     * plain loops, the first of many (W4's and W5's products are 1.6M and 12.8M multiply-adds).
     */
    static final double WARM_NOW = 1 << 20;
    /**
     * Products the vector kernel would have taken, in multiply-adds, from which its warm-up starts in
     * any case: about what the warm-up costs in compilations (a second or two of a core) at what the
     * vector kernel saves per multiply-add. A small table's whole training (iris: 15M) stays below it
     * and never pays for a warm-up that took a core from it for most of its run.
     */
    static final double WARM_AFTER = 1 << 30;
    /** Starts the warm-up of one width's vector kernels (registered with them), or null. */
    private static volatile Consumer<DType> warmUpStart;
    private static boolean warming, warmingFloats;
    /** Multiply-adds of products the vector kernel would have taken had it been warm: a heuristic count, races allowed. */
    private static double coldWork;
    /** Runs the parts of a big product at once, once registered; null: one thread. */
    private static volatile Parallel parallel;

    /**
     * Runs {@code part.accept(0 … parts − 1)}, each part once, the caller's thread among those that
     * take them, and returns when all are done. Parts go to whichever thread is free first, so a core
     * busy with other work slows a product by at most one part instead of by half of it.
     */
    interface Parallel {
        /** How many threads may take parts at once, the caller's included. */
        int threads();

        void run(int parts, IntConsumer part);
    }

    private Kernels() {
    }

    /** Makes {@code g} the kernel for small products, single columns and while the vector kernel warms. */
    static void registerPlain(Gemm g) {
        plain = g;
    }

    /** Makes {@code g} the kernel for products from {@link #VECTOR_FROM} on, once {@link #warmed}. */
    static void registerVector(Gemm g) {
        vector = g;
    }

    /**
     * Registers what starts the warm-up of a width's vector kernels, run once a width: by {@link #expect}, by
     * {@link #awaitVector} (both widths), or when the products met so far repay it ({@link #WARM_NOW},
     * {@link #WARM_AFTER}). A float32 model's first epoch ran on plain loops while the float64 kernels, which it never
     * uses, warmed beside the float32 ones; a width no product takes is never warmed.
     */
    static void registerWarmUp(Consumer<DType> start) {
        warmUpStart = start;
    }

    /** Starts the warm-up of this width's vector kernels unless it has started (or none is registered). */
    static synchronized void warmUp(DType width) {
        Consumer<DType> start = warmUpStart;
        boolean floats = width == DType.FLOAT32;
        if (start != null && !(floats ? warmingFloats : warming)) {
            if (floats) {
                warmingFloats = true;
            } else {
                warming = true;
            }
            start.accept(width);
        }
    }

    /** Starts {@code dtype}'s warm-up when products of {@code work} multiply-adds are announced and reach {@link #WARM_NOW}. */
    static void expect(long work, DType dtype) {
        if (repaysWarmUp(work, 0)) {
            warmUp(dtype);
        }
    }

    /** Whether the vector kernel of this width is warm; while it is not, counts this product and starts the warm-up once it pays. */
    private static boolean warmFor(double work, boolean floats) {
        if (floats ? floatsWarm : warm) {
            return true;
        }
        coldWork += work;
        if (repaysWarmUp(work, coldWork)) {
            warmUp(floats ? DType.FLOAT32 : DType.FLOAT64);
        }
        return false;
    }

    /** Whether a product of {@code work}, after {@code coldSoFar} multiply-adds on plain loops, repays the warm-up. */
    static boolean repaysWarmUp(double work, double coldSoFar) {
        return work >= WARM_NOW || coldSoFar >= WARM_AFTER;
    }

    /** Registers the float32 kernels: plain loops for small products, the vector kernel (or null) for the rest. */
    static void registerFloats(FloatGemm plain, FloatGemm vector) {
        plainFloats = plain;
        vectorFloats = vector;
    }

    /** Called once the registered vector kernels of both widths are faster than plain loops. */
    static void warmed() {
        warm = true;
        floatsWarm = true;
    }

    /** Called once the registered vector kernel of this width is faster than its plain loops. */
    static void warmed(DType width) {
        if (width == DType.FLOAT32) {
            floatsWarm = true;
        } else {
            warm = true;
        }
    }

    /** Splits products of {@link #THREADS_FROM} multiply-adds or more into row blocks run by {@code p}. */
    static void registerParallel(Parallel p) {
        parallel = p;
    }

    /** A new m × n array holding op(A) · op(B) (see {@link Gemm} for the layouts). */
    static double[] matmul(boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b) {
        return matmul(ta, tb, m, n, k, a, b, null);
    }

    /** op(A) · op(B) into {@code c} (m × n, every entry written), or into a new array when c is null. */
    static double[] matmul(boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b, double[] c) {
        return matmul(n == 1 ? plain : choose(work(m, n, k)), parallel, ta, tb, m, n, k, a, b, c);
    }

    /**
     * What a fused operation does to rows [from, to) of a product's C as soon as they are computed,
     * while they are in cache (the bias and activation of a layer): one pass over C instead of two.
     */
    interface RowPass {
        void rows(int from, int to);
    }

    /**
     * C = A · B into {@code c} (m × n), the kernel chosen as {@link #matmul(boolean, boolean, int,
     * int, int, double[], double[])} chooses, with {@code after} run on each block of rows.
     */
    static void matmul(int m, int n, int k, double[] a, double[] b, double[] c, RowPass after) {
        Gemm g = n == 1 ? plain : choose(work(m, n, k));
        inBlocks(g.rows(false, false, m, n, k, a, b, c), g.rowStep(), m, n, k, Double.BYTES, after);
    }

    /** {@link #matmul(int, int, int, double[], double[], double[], RowPass)} in float32. */
    static void matmul(int m, int n, int k, float[] a, float[] b, float[] c, RowPass after) {
        FloatGemm g = n == 1 ? plainFloats : chooseFloats(work(m, n, k));
        inBlocks(g.rows(false, false, m, n, k, a, b, c), g.rowStep(), m, n, k, Float.BYTES, after);
    }

    /** Bytes of C a block of rows spans at most, so that it is still in the core's cache for the pass after it. */
    private static final int BLOCK_BYTES = 32 * 1024;

    /**
     * Computes {@code rows} and runs {@code after} block by block: on the caller's thread, or on
     * the registered threads as {@link #matmul(Gemm, Parallel, boolean, boolean, int, int, int, double[], double[])}
     * splits them. Rows never depend on each other, so the blocks change no bit.
     */
    private static void inBlocks(Gemm.Rows rows, int step, int m, int n, int k, int bytes, RowPass after) {
        Parallel p = parallel;
        int threads = threads(p, m, n, k);
        int block;
        if (threads <= 1) {
            block = Math.max(step, BLOCK_BYTES / Math.max(1, n * bytes) / step * step);
        } else {
            int parts = Math.min(threads * PARTS_PER_THREAD, m / ROWS_PER_PART);
            block = ((m + parts - 1) / parts + step - 1) / step * step;
        }
        int size = block;
        IntConsumer part = t -> {
            int from = t * size, to = Math.min(m, from + size);
            rows.compute(from, to);
            after.rows(from, to);
        };
        try {
            if (threads <= 1) {
                for (int t = 0; t * block < m; t++) {
                    part.accept(t);
                }
            } else {
                p.run((m + block - 1) / block, part);
            }
        } finally {
            rows.close();
        }
    }

    /**
     * {@link #matmul} with a given kernel, split across {@code p}'s threads (null: one) when the
     * product is big enough. The split is by blocks of rows of C, each computed whole by one thread,
     * about {@link #PARTS_PER_THREAD} blocks per thread, from B prepared once for all of them.
     */
    static double[] matmul(Gemm g, Parallel p, boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b) {
        return matmul(g, p, ta, tb, m, n, k, a, b, null);
    }

    private static double[] matmul(Gemm g, Parallel p, boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b,
            double[] into) {
        double[] c = into != null ? into : Arena.doubles(m * n);
        int threads = threads(p, m, n, k);
        if (threads <= 1) {
            g.multiply(ta, tb, m, n, k, a, b, c, 0, m);
            return c;
        }
        int parts = Math.min(threads * PARTS_PER_THREAD, m / ROWS_PER_PART);
        int step = g.rowStep(), block = ((m + parts - 1) / parts + step - 1) / step * step;
        Gemm.Rows rows = g.rows(ta, tb, m, n, k, a, b, c);
        try {
            p.run((m + block - 1) / block, t -> rows.compute(t * block, Math.min(m, (t + 1) * block)));
        } finally {
            rows.close();
        }
        return c;
    }

    /** {@link #matmul(boolean, boolean, int, int, int, double[], double[])} in float32. */
    static float[] matmul(boolean ta, boolean tb, int m, int n, int k, float[] a, float[] b) {
        FloatGemm g = n == 1 ? plainFloats : chooseFloats(work(m, n, k));
        return matmul(g, parallel, ta, tb, m, n, k, a, b);
    }

    /** {@link #matmul(Gemm, Parallel, boolean, boolean, int, int, int, double[], double[])} in float32. */
    static float[] matmul(FloatGemm g, Parallel p, boolean ta, boolean tb, int m, int n, int k, float[] a, float[] b) {
        float[] c = Arena.floats(m * n);
        int threads = threads(p, m, n, k);
        if (threads <= 1) {
            g.multiply(ta, tb, m, n, k, a, b, c, 0, m);
            return c;
        }
        int parts = Math.min(threads * PARTS_PER_THREAD, m / ROWS_PER_PART);
        int step = g.rowStep(), block = ((m + parts - 1) / parts + step - 1) / step * step;
        Gemm.Rows rows = g.rows(ta, tb, m, n, k, a, b, c);
        try {
            p.run((m + block - 1) / block, t -> rows.compute(t * block, Math.min(m, (t + 1) * block)));
        } finally {
            rows.close();
        }
        return c;
    }

    /** The float32 kernel for this much work, chosen as {@link #choose} chooses. */
    static FloatGemm chooseFloats(double work) {
        FloatGemm v = vectorFloats;
        if (v == null || KERNEL.equals("plain")) {
            return plainFloats;
        }
        if (KERNEL.equals("vector")) {
            return v;
        }
        return work >= VECTOR_FROM && warmFor(work, true) ? v : plainFloats;
    }

    /** The float32 plain loops in use, and the vector kernel (or null). */
    static FloatGemm plainFloats() {
        return plainFloats;
    }

    static FloatGemm vectorFloats() {
        return vectorFloats;
    }

    /**
     * Blocks of rows per thread: enough that the free thread takes most of the product when the
     * other's core is busy (a shared machine's usual case), few enough that each repays its hand-off.
     */
    static final int PARTS_PER_THREAD = 4;
    /** The fewest rows a part takes. */
    static final int ROWS_PER_PART = 8;

    /** How many threads share an m × n × k product: one below {@link #THREADS_FROM}, and at least 8 rows each. */
    static int threads(Parallel p, int m, int n, int k) {
        return p != null && work(m, n, k) >= THREADS_FROM ? Math.max(1, Math.min(p.threads(), m / ROWS_PER_PART)) : 1;
    }

    /**
     * m·n·k, the multiply-adds of a product, as a double: the page's Java longs are JavaScript BigInts, slow
     * for every product of every step. It decides as the exact product would: up to 2^53 it is exact, and a
     * product rounded on the way is above 2^53, far above every threshold here (2^30 at most).
     */
    static double work(int m, int n, int k) {
        return (double) m * n * k;
    }

    /** {@link #threads(Parallel, int, int, int)} with the registered workers. */
    static int threads(int m, int n, int k) {
        return threads(parallel, m, n, k);
    }

    /** The kernel in use for this much work: "plain" or "vector" (reported by benchmarks). */
    static Gemm choose(double work) {
        Gemm v = vector;
        if (v == null || KERNEL.equals("plain")) {
            return plain;
        }
        if (KERNEL.equals("vector")) {
            return v;
        }
        return work >= VECTOR_FROM && warmFor(work, false) ? v : plain;
    }

    /** Whether the Vector API kernel is warm, waiting at most {@code millis} for it (for benchmarks). */
    static boolean awaitVector(long millis) throws InterruptedException {
        warmUp(DType.FLOAT64);
        warmUp(DType.FLOAT32);
        long end = System.currentTimeMillis() + millis;
        while (vector != null && !(warm && floatsWarm) && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        return vector != null && warm && floatsWarm;
    }

    static String describe() {
        Parallel p = parallel;
        String threads = (p == null ? 1 : p.threads()) + " thread(s) for products of 8M multiply-adds or more";
        if (vector == null) {
            return plain + " (the Vector API kernel needs java --add-modules jdk.incubator.vector), " + threads;
        }
        String kernel = switch (KERNEL) {
            case "plain" -> plain + " (forced)";
            case "vector" -> vector + " (forced)";
            default -> vector + (warm && floatsWarm ? "" : ", still warming up");
        };
        return kernel + ", " + threads;
    }

    /** Whether a Vector API kernel is registered. */
    static boolean vectorised() {
        return vector != null;
    }

    /** The plain loops in use. */
    static Gemm plain() {
        return plain;
    }

    /** The registered Vector API kernel, or null. */
    static Gemm vector() {
        return vector;
    }
}
