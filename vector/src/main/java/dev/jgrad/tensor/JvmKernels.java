package dev.jgrad.tensor;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The JVM's fast matrix products, which the browser has no use for: the Vector API kernel, when the
 * JVM runs with {@code --add-modules jdk.incubator.vector}, and worker threads for big products. A
 * program on the JVM calls {@link #install()} once (the CLI does at start); without it the tensor
 * engine runs plain loops in one thread, as it does in the browser. This class is compiled with the
 * incubator module beside {@code VectorGemm} and {@code VectorFloatGemm} so that it can name the kernel: nothing is looked up by
 * reflection, and nothing on the browser's path refers to this class. System property
 * {@code jgrad.threads=N} sets the number of threads (default: the processors).
 */
public final class JvmKernels {
    private static boolean installed;

    private JvmKernels() {
    }

    /**
     * Registers the fused plain loops, the worker threads and, when the JVM has the module, the
     * vector kernel (which then warms up on a background thread); later calls change nothing. Call it
     * before the first matrix product: from here on every product's bits are fixed by its operands
     * alone (see Gemm). Returns whether the vector kernel is registered.
     */
    public static synchronized boolean install() {
        if (!installed) {
            installed = true;
            Kernels.registerPlain(new FmaGemm());
            Kernels.registerFloats(new FmaFloatGemm(), null);
            int threads = Integer.getInteger("jgrad.threads", Runtime.getRuntime().availableProcessors());
            if (threads > 1) {
                Kernels.registerParallel(new Workers(threads));
            }
            Gemm vector = loadVector();
            if (vector != null) {
                Kernels.registerVector(vector);
                FloatGemm floats = VectorGemm.floats();
                Kernels.registerFloats(new FmaFloatGemm(), floats);
                Warmup.start(vector, floats);
            }
        }
        return Kernels.vectorised();
    }

    /** The vector kernel, or null when the module is absent or the class fails to link without it. */
    private static Gemm loadVector() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            return new VectorGemm();
        } catch (LinkageError e) {
            return null;
        }
    }

    /**
     * Until the JIT's optimising compiler has compiled the Vector API kernel it runs hundreds of
     * times slower than plain loops (every vector op is an object). So a
     * daemon thread exercises it on small products and the plain kernel serves until the vector one
     * is measurably faster (or 30 s have passed). Both give the same bits, so when the switch
     * happens changes only the speed.
     */
    private static final class Warmup {
        static void start(Gemm vector, FloatGemm floats) {
            Thread t = new Thread(() -> run(vector, floats), "jgrad-vector-warmup");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }

        private static void run(Gemm vector, FloatGemm floats) {
            int n = 48;
            double[] a = new double[n * n], b = new double[n * n], c = new double[n * n];
            float[] af = new float[n * n], bf = new float[n * n], cf = new float[n * n];
            Arrays.fill(a, 0.5);
            Arrays.fill(b, 0.25);
            long deadline = System.nanoTime() + 30_000_000_000L;
            boolean ready = false;
            while (!ready) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 20; i++) {
                    vector.multiply(false, false, n, n, n, a, b, c, 0, n);
                    floats.multiply(false, false, n, n, n, af, bf, cf, 0, n);
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < 20; i++) {
                    Kernels.plain().multiply(false, false, n, n, n, a, b, c, 0, n);
                    Kernels.plainFloats().multiply(false, false, n, n, n, af, bf, cf, 0, n);
                }
                long t2 = System.nanoTime();
                ready = 2 * (t1 - t0) < t2 - t1 || t2 > deadline;
            }
            Kernels.warmed();
        }
    }

    /**
     * Daemon workers, created on the first big product, so small programs never start a thread.
     * The parts of a product are taken from a counter by whichever thread is free, the caller's
     * included, so a worker that its core's other work delays takes fewer parts, or none, instead of
     * holding the caller up for half the product (two threads ran slower than one on a shared
     * machine when each took a fixed half). A worker that wakes after the parts are gone leaves at once.
     */
    private static final class Workers implements Kernels.Parallel {
        private final int threads;
        private ExecutorService pool;

        Workers(int threads) {
            this.threads = threads;
        }

        @Override
        public int threads() {
            return threads;
        }

        @Override
        public void run(int parts, IntConsumer part) {
            Job job = new Job(parts, part);
            ExecutorService workers = pool();
            for (int t = 1; t < Math.min(threads, parts); t++) {
                workers.execute(job::take);
            }
            job.take();
            job.await();
        }

        private synchronized ExecutorService pool() {
            if (pool == null) {
                pool = Executors.newFixedThreadPool(threads - 1, r -> {
                    Thread t = new Thread(r, "jgrad-matmul");
                    t.setDaemon(true);
                    return t;
                });
            }
            return pool;
        }
    }

    /** One product's parts, a counter that hands them out and one that counts them done. */
    static final class Job {
        private final int parts;
        private final IntConsumer part;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final Thread caller = Thread.currentThread();
        private volatile Throwable failure;

        /** A job that the calling thread will {@link #await}. */
        Job(int parts, IntConsumer part) {
            this.parts = parts;
            this.part = part;
        }

        /** Runs parts until none is left. */
        void take() {
            for (int i = next.getAndIncrement(); i < parts; i = next.getAndIncrement()) {
                try {
                    part.accept(i);
                } catch (RuntimeException | Error e) {
                    failure = e;
                } finally {
                    if (done.incrementAndGet() == parts) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        }

        /**
         * Waits for the parts other threads took (at most one each): asleep, so that on a shared core
         * the waiting does not take time from them; the thread that finishes the last part wakes it.
         */
        void await() {
            while (done.get() < parts) {
                LockSupport.park(this);
            }
            if (failure != null) {
                throw new IllegalStateException("matmul worker failed", failure);
            }
        }
    }
}
