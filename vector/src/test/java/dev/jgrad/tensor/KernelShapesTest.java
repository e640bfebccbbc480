package dev.jgrad.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.jgrad.base.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each class of shape the vector kernels treat apart, in both widths, bit for bit against the fused
 * definition: a C two vectors wide or less (the narrow kernel: n = 1, 784-128-10's n = 10, exactly one
 * vector, one more, exactly two, one more), whole register tiles written to C in place beside ragged ones, eight-row panels
 * of A beside ragged ones, k of 10 (backward's G·Wᵀ), k spanning two and three KC blocks (513, 600, 1100), n several NC blocks (1100) and m
 * several slices of A (3100 rows), an Aᵀ read in place up to eight panels of B wide and packed beyond
 * (n of 128 and 129 in float64, 256 and 257 in float32), both transposes; seeded random shapes besides; and a narrow and a blocked product split across threads, which share B's packed blocks.
 */
class KernelShapesTest {
    @BeforeAll
    static void install() {
        JvmKernels.install();
    }

    static Stream<Arguments> shapes() {
        int[][] mnk = {{128, 10, 128}, {128, 128, 10}, {16, 16, 3}, {17, 17, 5}, {9, 8, 9}, {9, 9, 9}, {3, 2, 1},
            {40, 1, 33}, {64, 64, 256}, {65, 65, 257}, {8, 32, 600}, {24, 96, 513}, {128, 784, 16}, {9, 1100, 300},
            {11, 33, 70}, {3100, 40, 300}, {37, 129, 270}, {70, 256, 300}, {70, 257, 300}, {19, 70, 1100}};
        List<Arguments> args = new ArrayList<>();
        for (int[] s : mnk) {
            for (int t = 0; t < 4; t++) {
                args.add(Arguments.of(s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0));
            }
        }
        return args.stream();
    }

    static Stream<Arguments> seeds() {
        return Stream.iterate(1L, s -> s + 1).limit(24).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}x{1}x{2} ta={3} tb={4}")
    @MethodSource("shapes")
    void everyVectorKernelGivesTheDefinitionsBits(int m, int n, int k, boolean ta, boolean tb) {
        assumeThat(Kernels.vectorised()).as("jdk.incubator.vector present").isTrue();
        check(m, n, k, ta, tb);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomShapesGiveTheDefinitionsBits(long seed) {
        assumeThat(Kernels.vectorised()).as("jdk.incubator.vector present").isTrue();
        Rng rng = new Rng(seed);
        int m = 1 + rng.nextInt(70), n = 1 + rng.nextInt(seed % 2 == 0 ? 20 : 70), k = 1 + rng.nextInt(600);
        check(m, n, k, rng.nextInt(2) == 1, rng.nextInt(2) == 1);
    }

    /**
     * Products big enough for Kernels to split across threads: 784-128-10's last layer over a big batch (the
     * narrow kernel), and blocked ones whose k spans two KC blocks and whose n ends in a ragged panel or spans
     * several NC blocks of B, both transposes. Split, the threads share all of B packed at once; alone, the kernel packs each KC block of B
     * just before it uses it: both give the definition's bits.
     */
    @ParameterizedTest(name = "{0} threads, {1}x{2}x{3} transposed={4}")
    @CsvSource({"2, 6001, 10, 140, false", "3, 6001, 10, 140, false", "2, 300, 70, 600, false", "3, 300, 70, 600, true",
        "2, 40, 1100, 600, true", "3, 40, 1100, 600, false"})
    void aProductSplitAcrossThreadsGivesTheOneThreadBits(int threads, int m, int n, int k, boolean transposed) {
        assumeThat(Kernels.vectorised()).as("jdk.incubator.vector present").isTrue();
        boolean ta = transposed, tb = transposed;
        double[][] d = operands(m, n, k);
        float[][] f = narrow(d);
        Kernels.Parallel p = new Kernels.Parallel() {
            @Override
            public int threads() {
                return threads;
            }

            @Override
            public void run(int parts, java.util.function.IntConsumer part) {
                List<Thread> started = new ArrayList<>();
                for (int t = parts - 1; t >= 0; t--) {
                    int i = t;
                    Thread worker = new Thread(() -> part.accept(i));
                    started.add(worker);
                    worker.start();
                }
                started.forEach(KernelShapesTest::join);
            }
        };
        assertThat(Kernels.threads(p, m, n, k)).isEqualTo(threads);
        assertThat(Kernels.matmul(new VectorGemm(), p, ta, tb, m, n, k, d[0], d[1]))
                .containsExactly(KernelsTest.definition(true, ta, tb, m, n, k, d));
        assertThat(Kernels.matmul(new VectorFloatGemm(), p, ta, tb, m, n, k, f[0], f[1]))
                .containsExactly(FloatKernelsTest.definition(true, ta, tb, m, n, k, f));
    }

    /** A product's threads share B's blocks: one packs each, the others wait until it is published. */
    @Test
    void eachBlockOfBIsPackedByOneThreadAndReadAfterItsPacking() throws InterruptedException {
        SharedBlocks blocks = new SharedBlocks(2);
        assertThat(blocks.claim(0)).isTrue();
        assertThat(blocks.claim(0)).isFalse();
        assertThat(blocks.claim(1)).isTrue();
        int[] packed = new int[1];
        Thread reader = new Thread(() -> {
            blocks.await(0);
            assertThat(packed[0]).isEqualTo(7);
        });
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        reader.setUncaughtExceptionHandler((t, e) -> failure.set(e));
        reader.start();
        Thread.sleep(20);
        assertThat(reader.isAlive()).as("waits while the block is being packed").isTrue();
        packed[0] = 7;
        blocks.packed(0);
        reader.join(5000);
        assertThat(reader.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
        assertThat(blocks.claim(0)).as("a packed block is not packed again").isFalse();
    }

    @Test
    void theNarrowKernelsTakeTwoVectorsAtMost() {
        assumeThat(Kernels.vectorised()).as("jdk.incubator.vector present").isTrue();
        int w = NarrowGemm.WIDTH + 1;
        assertThatThrownBy(() -> new NarrowGemm().multiply(false, false, 2, w, 2, new double[4], new double[2 * w], new double[2 * w], 0, 2))
                .hasMessage("a product " + w + " columns wide, wider than two vectors (" + NarrowGemm.WIDTH + ")");
        assertThat(NarrowFloatGemm.WIDTH).isEqualTo(2 * NarrowGemm.WIDTH);
    }

    /** Every vector kernel in both widths, and the narrow ones where C is narrow enough for them. */
    private static void check(int m, int n, int k, boolean ta, boolean tb) {
        double[][] d = operands(m, n, k);
        double[] expected = KernelsTest.definition(true, ta, tb, m, n, k, d);
        List<Gemm> doubles = new ArrayList<>(List.of(new VectorGemm(6), new VectorGemm(8)));
        if (n <= NarrowGemm.WIDTH) {
            doubles.add(new NarrowGemm());
        }
        for (Gemm g : doubles) {
            double[] c = new double[m * n];
            Arrays.fill(c, Double.NaN);
            g.multiply(ta, tb, m, n, k, d[0], d[1], c, 0, m);
            assertThat(c).as("%s", g).containsExactly(expected);
        }
        float[][] f = narrow(d);
        float[] expectedFloats = FloatKernelsTest.definition(true, ta, tb, m, n, k, f);
        List<FloatGemm> floats = new ArrayList<>(List.of(new VectorFloatGemm(6), new VectorFloatGemm(8)));
        if (n <= NarrowFloatGemm.WIDTH) {
            floats.add(new NarrowFloatGemm());
        }
        for (FloatGemm g : floats) {
            float[] c = new float[m * n];
            Arrays.fill(c, Float.NaN);
            g.multiply(ta, tb, m, n, k, f[0], f[1], c, 0, m);
            assertThat(c).as("%s", g).containsExactly(expectedFloats);
        }
    }

    private static double[][] operands(int m, int n, int k) {
        Rng rng = new Rng(m * 131L + n * 17L + k);
        return new double[][] {KernelsTest.random(rng, m * k), KernelsTest.random(rng, k * n)};
    }

    private static float[][] narrow(double[][] d) {
        float[][] f = new float[2][];
        for (int i = 0; i < 2; i++) {
            f[i] = new float[d[i].length];
            for (int j = 0; j < d[i].length; j++) {
                f[i][j] = (float) d[i][j];
            }
        }
        return f;
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
