package dev.jgrad.tensor;

import java.util.Arrays;
import java.util.Locale;
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
     * Registers the fused plain loops, relu's gate by masks ({@code ReluGate}), the worker threads and, when the JVM has the module, the
     * vector kernel (which warms up on a background thread once big products come: {@link #expect});
     * later calls change nothing. Call it
     * before the first matrix product: from here on every product's bits are fixed by its operands
     * alone (see Gemm). Returns whether the vector kernel is registered.
     */
    public static synchronized boolean install() {
        if (!installed) {
            installed = true;
            Kernels.registerPlain(new FmaGemm());
            ReluGate.useMasks();
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
                Kernels.registerWarmUp(width -> Warmup.start(vector, floats, width));
                Loops.registerSteps(new VectorSteps());
                Loops.registerPasses(new VectorPasses());
            }
        }
        return Kernels.vectorised();
    }

    /**
     * Says that products of about {@code multiplyAdds} are coming (a step's, of a network about to
     * train): from a million on the vector kernel starts warming now, while the run is set up, rather
     * than at the first such product, whose first epoch would then run on plain loops. Without it the
     * warm-up starts at that product, or once smaller ones add up to what it costs; a small table's
     * training never starts it (its compilations would take a core from the training). Only the kernels of the
     * network's {@code dtype} warm (the other width's once products of theirs repay it).
     */
    public static void expect(long multiplyAdds, DType dtype) {
        Kernels.expect(multiplyAdds, dtype);
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
     * times slower than plain loops (every vector op is an object). So a daemon thread exercises it
     * on small products and the plain kernel serves until the vector one is measurably faster (or
     * 30 s have passed). Both give the same bits, so when the switch happens changes only the speed.
     * The optimizers' float32 vector loops warm in the same loop, a round of theirs beside each round of
     * products ({@link VectorSteps.Warming}): warmed after the products, they came 2.4–2.8 s later at load 8,
     * some 300 steps of W5's first epoch on plain loops; beside them, 0.4–0.5 s after.
     *
     * <p>The small products take every path a real one takes: A and B read transposed, k past one
     * KC block (the tile then starts from C), more rows than one packed block of A, ragged edges,
     * and the narrow kernels of a C one or two vectors wide (a classifier's last layer), with either transpose.
     * A square 48³ alone left those branches unprofiled, and the compiled kernel was thrown away at
     * W5's first product (k = 784, transposed operands) and ran interpreted until compiled again:
     * most of the first epoch's excess over the others. So does any branch the warm-up leaves untaken,
     * in either width: the float32 blocked kernel never saw a B read transposed (W5's dZ·Wᵀ), a row of
     * B spanning several panels, or B packed by {@code rows} (a layer's forward product), and W5's first such products threw
     * the compiled packing loop away (its vector copies then ran interpreted, in the Java fallback).
     */
    static final class Warmup {
        /** m, n, k, A transposed (1), B transposed (1): a square and the paths it leaves out. */
        static final int[][] SHAPES = {{48, 48, 48, 0, 0}, {100, 40, 600, 1, 0}, {20, 10, 300, 0, 1},
            {30, 6, 270, 1, 0}, {37, 5, 40, 0, 1}, {30, 12, 270, 1, 0}, {24, 20, 100, 0, 1}, {26, 24, 90, 1, 0},
            {100, 80, 300, 0, 1}, {50, 80, 40, 0, 0}, {20, 80, 30, 1, 0}};

        static void start(Gemm vector, FloatGemm floats, DType width) {
            Thread t = new Thread(() -> run(vector, floats, width), "jgrad-vector-warmup-" + width.name().toLowerCase(Locale.ROOT));
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }

        /**
         * One width's products until its vector kernel beats its plain loops, then its passes; in float32 the
         * optimizers' loops too, a round of theirs beside each round of products. A float32 model's first epoch
         * ran on plain loops while both widths' products shared one loop and one readiness test (3–4 s at load
         * 3–4, on a core shared with the data's reading and the JIT).
         */
        private static void run(Gemm vector, FloatGemm floats, DType width) {
            int size = Arrays.stream(SHAPES).mapToInt(s -> Math.max(s[2] * Math.max(s[0], s[1]), s[0] * s[1])).max().getAsInt();
            double[] a = new double[size], b = new double[size], c = new double[size];
            float[] af = new float[size], bf = new float[size], cf = new float[size];
            Arrays.fill(a, 0.5);
            Arrays.fill(b, 0.25);
            long deadline = System.nanoTime() + 30_000_000_000L;
            boolean f = width == DType.FLOAT32, ready = false, stepsReady = !f;
            VectorSteps.Warming steps = f ? new VectorSteps.Warming() : null;
            while (!ready) {
                stepsReady = stepsReady || steps.round();
                ready = true;
                for (int shape = 0; shape < SHAPES.length; shape++) {
                    long t0 = System.nanoTime();
                    products(shape, f ? null : vector, f ? floats : null, a, b, c, af, bf, cf);
                    long t1 = System.nanoTime();
                    products(shape, f ? null : Kernels.plain(), f ? Kernels.plainFloats() : null, a, b, c, af, bf, cf);
                    long t2 = System.nanoTime();
                    // the square must beat the plain loops twice over; every other shape, compiled, at worst matches
                    // them on its few numbers, and uncompiled (its vectors objects) takes many times as long
                    ready &= (shape == 0 ? 2 * (t1 - t0) < t2 - t1 : t1 - t0 < 2 * (t2 - t1)) || t2 > deadline;
                }
            }
            Kernels.warmed(width);
            if (!stepsReady) {
                VectorSteps.warmUp();
            }
            PassWarmup.run(width);
        }

        /**
         * One warm-up shape in the width whose kernel is given (the other null): the square twenty times; any other
         * once, then once more as a layer's forward product runs it, B prepared by {@code rows} (its own branches of
         * the kernel). Each shape is timed on its own: timed together, the square's time hid the narrow kernel of a
         * classifier's last layer still uncompiled, and W5's first float32 epoch ran it so, its vectors objects (1.6 GB
         * of them in the first second of training).
         */
        private static void products(int shape, Gemm g, FloatGemm f, double[] a, double[] b, double[] c, float[] af,
                float[] bf, float[] cf) {
            int[] s = SHAPES[shape];
            boolean ta = s[3] == 1, tb = s[4] == 1;
            for (int i = 0; i < (shape == 0 ? 20 : 1); i++) {
                if (g != null) {
                    g.multiply(ta, tb, s[0], s[1], s[2], a, b, c, 0, s[0]);
                } else {
                    f.multiply(ta, tb, s[0], s[1], s[2], af, bf, cf, 0, s[0]);
                }
            }
            if (shape > 0) {
                inRows(g != null ? g.rows(ta, tb, s[0], s[1], s[2], a, b, c) : f.rows(ta, tb, s[0], s[1], s[2], af, bf, cf), s[0]);
            }
        }

        /** All m rows, in two parts as two threads would take them. */
        private static void inRows(Gemm.Rows rows, int m) {
            try {
                rows.compute(0, m / 2);
                rows.compute(m / 2, m);
            } finally {
                rows.close();
            }
        }
    }

    /**
     * Daemon workers, started on the first split, so small programs never start a thread. The parts
     * of a job are taken from a counter by whichever thread is free, the caller's included, so a
     * worker that its core's other work delays takes fewer parts, or none, instead of holding the
     * caller up for half the job (two threads ran slower than one on a shared machine when each took
     * a fixed half). A worker that comes after the parts are gone leaves at once.
     *
     * <p>The caller publishes a job in a field the workers read and wakes only a worker that sleeps:
     * no executor's queue and lock between a product and its workers (a worker parked in one came
     * 5–20 µs later, against parts of about 35 µs). A worker runs each new job's parts, then sleeps.
     */
    static final class Workers implements Kernels.Parallel {
        private final int threads;
        private volatile Job job;
        private Worker[] workers;

        Workers(int threads) {
            this.threads = threads;
        }

        @Override
        public int threads() {
            return threads;
        }

        @Override
        public void run(int parts, IntConsumer part) {
            Job j = new Job(parts, part);
            job = j;
            for (Worker w : workers()) {
                if (w.parked) {
                    LockSupport.unpark(w);
                }
            }
            j.take();
            try {
                j.await();
            } finally {
                if (job == j) {
                    job = null; // its product's arrays are not kept past it
                }
            }
        }

        private synchronized Worker[] workers() {
            if (workers == null) {
                workers = new Worker[threads - 1];
                for (int t = 0; t < workers.length; t++) {
                    workers[t] = new Worker();
                    workers[t].start();
                }
            }
            return workers;
        }

        /** Takes the parts of each new job, then sleeps until the next is published. */
        private final class Worker extends Thread {
            volatile boolean parked;

            Worker() {
                super("jgrad-worker");
                setDaemon(true);
            }

            @Override
            public void run() {
                Job last = null;
                while (true) {
                    Job j = job;
                    if (j != last) {
                        last = j;
                        if (j != null) {
                            j.take();
                        }
                        continue;
                    }
                    parked = true;
                    if (job == last) {
                        LockSupport.park(this);
                    }
                    parked = false;
                }
            }
        }
    }

    /** One product's parts, a counter that hands them out and one that counts them done. */
    static final class Job {
        /** About one part of a W5 product: a worker still on its last part is usually done by then. */
        private static final long AWAIT_SPIN_NANOS = 50_000;
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
         * Waits for the parts other threads took (at most one each): a part's length watching the
         * counter, since the other thread is most often about to finish, then asleep, so that on a
         * shared core a long wait does not take time from them; the thread that finishes the last
         * part wakes it.
         */
        void await() {
            long since = System.nanoTime();
            while (done.get() < parts && System.nanoTime() - since < AWAIT_SPIN_NANOS) {
                Thread.onSpinWait();
            }
            while (done.get() < parts) {
                LockSupport.park(this);
            }
            if (failure != null) {
                throw new IllegalStateException("matmul worker failed", failure);
            }
        }
    }
}
