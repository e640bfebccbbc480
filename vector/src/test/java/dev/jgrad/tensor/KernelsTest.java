package dev.jgrad.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.jgrad.base.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kernel against its definition, bit for bit: the JVM's (fused plain loops, the vector kernel,
 * any split of the rows) against one {@code Math.fma} per step over k ascending, the browser's plain
 * loops against one multiply and one add per step. Shapes with ragged tails in every dimension, k
 * spanning several of the vector kernel's KC blocks, m several MC blocks, both transposes.
 */
class KernelsTest {
    static Stream<Arguments> shapes() {
        int[][] mnk = {{1, 1, 1}, {7, 13, 5}, {13, 5, 7}, {6, 8, 1}, {5, 9, 300}, {97, 33, 257}, {128, 10, 784},
            {200, 9, 2}, {131, 17, 600}, {50, 1, 70}, {1, 40, 3}, {19, 64, 256}, {9, 47, 513}, {17, 31, 96},
            {203, 1, 9}, {37, 11, 3}, {2, 9, 200}};
        List<Arguments> args = new ArrayList<>();
        for (int[] s : mnk) {
            for (int t = 0; t < 4; t++) {
                args.add(Arguments.of(s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0));
            }
        }
        return args.stream();
    }

    @BeforeAll
    static void install() {
        JvmKernels.install();
    }

    @Test
    void theVectorKernelIsRegisteredWhenTheModuleIsPresent() {
        boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        String expected = System.getProperty("jgrad.test.vector");
        if (expected != null) {
            assertThat(present).as("the vector module, as this test run was configured").isEqualTo(Boolean.parseBoolean(expected));
        }
        assertThat(JvmKernels.install()).isEqualTo(present);
        assertThat(Kernels.vectorised()).isEqualTo(present);
        assertThat(Kernels.describe()).startsWith(present ? "Vector API" : "plain loops with fused multiply-adds");
        assertThat(Kernels.plain()).isInstanceOf(FmaGemm.class);
    }

    /** The browser's loops round differently, so after install() no product may reach them. */
    @ParameterizedTest(name = "work {0}")
    @ValueSource(longs = {1, 4095, 4096, 1L << 23, 1L << 40})
    void afterInstallNoProductRunsTheBrowsersLoops(long work) {
        assertThat(Kernels.choose(work)).isNotSameAs(Kernels.PLAIN);
    }

    @ParameterizedTest(name = "{0}x{1}x{2} ta={3} tb={4}")
    @MethodSource("shapes")
    void theFusedPlainLoopsAreTheDefinition(int m, int n, int k, boolean ta, boolean tb) {
        double[][] ab = operands(m, n, k);
        assertThat(product(new FmaGemm(), ta, tb, m, n, k, ab)).containsExactly(definition(true, ta, tb, m, n, k, ab));
    }

    @ParameterizedTest(name = "{0}x{1}x{2} ta={3} tb={4}")
    @MethodSource("shapes")
    void theVectorKernelGivesTheDefinitionsBits(int m, int n, int k, boolean ta, boolean tb) {
        assumeThat(Kernels.vectorised()).as("jdk.incubator.vector present").isTrue();
        double[][] ab = operands(m, n, k);
        double[] expected = definition(true, ta, tb, m, n, k, ab);
        for (Gemm g : kernels()) {
            assertThat(product(g, ta, tb, m, n, k, ab)).as("%s", g).containsExactly(expected);
        }
    }

    @ParameterizedTest(name = "{0}x{1}x{2} ta={3} tb={4}")
    @MethodSource("shapes")
    void theBrowsersPlainLoopsMultiplyThenAddInTheSameOrder(int m, int n, int k, boolean ta, boolean tb) {
        double[][] ab = operands(m, n, k);
        assertThat(product(Kernels.PLAIN, ta, tb, m, n, k, ab)).containsExactly(definition(false, ta, tb, m, n, k, ab));
    }

    /** Without this the exact comparisons above could pass for kernels that all round the same wrong way. */
    @Test
    void fusingChangesBitsSoTheComparisonsCanTellTheKernelsApart() {
        double[][] ab = operands(97, 33, 257);
        assertThat(definition(true, false, false, 97, 33, 257, ab))
                .isNotEqualTo(definition(false, false, false, 97, 33, 257, ab));
    }

    /** Rows handed out in uneven parts, as threads would take them, in any order. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void anySplitOfTheRowsGivesTheSameBits(long seed) {
        Rng rng = new Rng(seed);
        int m = 1 + rng.nextInt(150), n = 2 + rng.nextInt(40), k = 1 + rng.nextInt(600);
        boolean ta = rng.nextInt(2) == 1, tb = rng.nextInt(2) == 1;
        double[][] ab = operands(m, n, k);
        int cut = rng.nextInt(m + 1);
        for (Gemm g : kernels()) {
            double[] c = new double[m * n];
            g.multiply(ta, tb, m, n, k, ab[0], ab[1], c, cut, m);
            g.multiply(ta, tb, m, n, k, ab[0], ab[1], c, 0, cut);
            assertThat(c).as("%s, rows split at %d of %d", g, cut, m)
                    .containsExactly(definition(true, ta, tb, m, n, k, ab));
        }
    }

    /** Big enough for Kernels to split it (8M multiply-adds); computed once, for every thread count. */
    private static final int M = 601, N = 130, K = 110;
    private static final double[][] BIG = operands(M, N, K);
    private static final double[] BIG_ONE_THREAD = definition(true, false, true, M, N, K, BIG);

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {2, 3, 4, 7})
    void aProductSplitAcrossThreadsGivesTheOneThreadBits(int threads) {
        int m = M, n = N, k = K;
        double[][] ab = BIG;
        double[] one = BIG_ONE_THREAD;
        for (Gemm g : kernels()) {
            Threads parallel = new Threads(threads);
            assertThat(Kernels.matmul(g, parallel, false, true, m, n, k, ab[0], ab[1])).as("%s", g).containsExactly(one);
            assertThat(parallel.used).as("parts, a few per thread").hasSizeGreaterThanOrEqualTo(threads);
        }
    }

    /** A worker whose core is busy elsewhere may take no part at all: the caller's thread takes them all. */
    @Test
    void aProductWhoseWorkersNeverRunIsComputedByTheCaller() {
        Kernels.Parallel busy = new Kernels.Parallel() {
            @Override
            public int threads() {
                return 2;
            }

            @Override
            public void run(int parts, IntConsumer part) {
                JvmKernels.Job job = new JvmKernels.Job(parts, part);
                job.take();
                job.await();
                job.take();
            }
        };
        for (Gemm g : kernels()) {
            assertThat(Kernels.matmul(g, busy, false, true, M, N, K, BIG[0], BIG[1])).as("%s", g).containsExactly(BIG_ONE_THREAD);
        }
    }

    /** Parts are handed out once each, however many threads come for them and however late. */
    @Test
    void eachPartRunsOnceWhicheverThreadTakesIt() throws InterruptedException {
        int[] runs = new int[37];
        JvmKernels.Job job = new JvmKernels.Job(runs.length, i -> {
            synchronized (runs) {
                runs[i]++;
            }
        });
        Thread late = new Thread(job::take);
        late.start();
        job.take();
        job.await();
        late.join();
        job.take();
        assertThat(runs).containsOnly(1);
    }

    /** The installed workers (the processors' count, or jgrad.threads) give the one-thread bits. */
    @Test
    void theInstalledWorkersGiveTheOneThreadBits() {
        assertThat(Kernels.matmul(false, true, M, N, K, BIG[0], BIG[1])).containsExactly(BIG_ONE_THREAD);
    }

    @Test
    void onlyBigProductsWithRowsToShareAreSplit() {
        Threads four = new Threads(4);
        assertThat(Kernels.threads(four, M, N, K)).isEqualTo(4);
        assertThat(Kernels.threads(four, 16, 1 << 12, 1 << 12)).as("two rows of eight").isEqualTo(2);
        assertThat(Kernels.threads(four, 7, 1 << 12, 1 << 12)).isEqualTo(1);
        assertThat(Kernels.threads(four, 256, 256, 64)).as("4M multiply-adds").isEqualTo(1);
        assertThat(Kernels.threads(null, M, N, K)).isEqualTo(1);
    }

    /**
     * The JVM's kernels: the fused plain loops and, with the module, the vector kernel with each
     * register tile (the one this machine's vector width chooses, and the other).
     */
    private static List<Gemm> kernels() {
        return Kernels.vectorised() ? List.of(new FmaGemm(), new VectorGemm(6), new VectorGemm(8)) : List.of(new FmaGemm());
    }

    @Test
    void theVectorKernelsTileHasSixOrEightRows() {
        assumeThat(Kernels.vectorised()).as("jdk.incubator.vector present").isTrue();
        assertThat(Kernels.vector().rowStep()).isEqualTo(VectorGemm.ROWS).isIn(6, 8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new VectorGemm(7))
                .hasMessage("a register tile of 6 or 8 rows, not 7");
    }

    private static double[] product(Gemm g, boolean ta, boolean tb, int m, int n, int k, double[][] ab) {
        double[] c = new double[m * n];
        java.util.Arrays.fill(c, Double.NaN);
        g.multiply(ta, tb, m, n, k, ab[0], ab[1], c, 0, m);
        return c;
    }

    /** C[i][j] from +0, one multiply-add per p ascending: fused ({@code Math.fma}) or multiply then add. */
    static double[] definition(boolean fused, boolean ta, boolean tb, int m, int n, int k, double[][] ab) {
        double[] a = ab[0], b = ab[1], c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double x = ta ? a[p * m + i] : a[i * k + p], y = tb ? b[j * k + p] : b[p * n + j];
                    s = fused ? Math.fma(x, y, s) : s + x * y;
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    /** Seeded by shape; magnitudes over six decades, so that rounding differences show. */
    private static double[][] operands(int m, int n, int k) {
        Rng rng = new Rng(m * 31L + n * 7L + k);
        return new double[][] {random(rng, m * k), random(rng, k * n)};
    }

    static double[] random(Rng rng, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = rng.nextDouble(-1, 1) * StrictMath.pow(10, rng.nextInt(7) - 3);
        }
        return d;
    }

    /** Runs each part on a thread of its own and records which threads ran one. */
    private static final class Threads implements Kernels.Parallel {
        private final int threads;
        final List<String> used = java.util.Collections.synchronizedList(new ArrayList<>());

        Threads(int threads) {
            this.threads = threads;
        }

        @Override
        public int threads() {
            return threads;
        }

        @Override
        public void run(int parts, IntConsumer part) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> started = new ArrayList<>();
            for (int t = 0; t < parts; t++) {
                int i = t;
                Thread worker = new Thread(() -> {
                    part.accept(i);
                    used.add(Thread.currentThread().getName());
                }, "part-" + t);
                worker.setUncaughtExceptionHandler((th, e) -> failure.set(e));
                started.add(worker);
                worker.start();
            }
            for (Thread worker : started) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            assertThat(failure.get()).isNull();
        }
    }
}
