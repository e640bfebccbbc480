package dev.jgrad.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The float32 kernels against their definition, bit for bit, as KernelsTest does for float64: the
 * JVM's (fused plain loops, the vector kernel of 16 lanes, any split of the rows, any thread count)
 * against one float {@code Math.fma} per step over k ascending, the browser's against a float
 * multiply and a float add per step.
 */
class FloatKernelsTest {
    static Stream<Arguments> shapes() {
        return KernelsTest.shapes();
    }

    @BeforeAll
    static void install() {
        JvmKernels.install();
    }

    @ParameterizedTest(name = "{0}x{1}x{2} ta={3} tb={4}")
    @MethodSource("shapes")
    void everyJvmKernelGivesTheFusedDefinitionsBits(int m, int n, int k, boolean ta, boolean tb) {
        float[][] ab = operands(m, n, k);
        float[] expected = definition(true, ta, tb, m, n, k, ab);
        for (FloatGemm g : kernels()) {
            assertThat(product(g, ta, tb, m, n, k, ab)).as("%s", g).containsExactly(expected);
        }
    }

    @ParameterizedTest(name = "{0}x{1}x{2} ta={3} tb={4}")
    @MethodSource("shapes")
    void theBrowsersLoopsMultiplyThenAddInTheSameOrder(int m, int n, int k, boolean ta, boolean tb) {
        float[][] ab = operands(m, n, k);
        assertThat(product(Kernels.PLAIN_FLOATS, ta, tb, m, n, k, ab)).containsExactly(definition(false, ta, tb, m, n, k, ab));
    }

    @Test
    void fusingChangesBitsSoTheComparisonsCanTellTheKernelsApart() {
        float[][] ab = operands(97, 33, 257);
        assertThat(definition(true, false, false, 97, 33, 257, ab)).isNotEqualTo(definition(false, false, false, 97, 33, 257, ab));
    }

    @Test
    void theVectorKernelIsRegisteredWithTheModule() {
        assertThat(Kernels.vectorFloats() != null).isEqualTo(Kernels.vectorised());
        assertThat(Kernels.chooseFloats(1)).isNotSameAs(Kernels.PLAIN_FLOATS);
    }

    /** Just big enough to be split across threads; its definition is computed once for every thread count. */
    private static final int M = 601, N = 130, K = 110;
    private static final float[][] BIG = operands(M, N, K);
    private static final float[] BIG_ONE_THREAD = definition(true, true, false, M, N, K, BIG);

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 3, 7})
    void aProductSplitAcrossThreadsGivesTheOneThreadBits(int threads) {
        int m = M, n = N, k = K;
        float[][] ab = BIG;
        float[] one = BIG_ONE_THREAD;
        for (FloatGemm g : kernels()) {
            assertThat(Kernels.matmul(g, new Threads(threads), true, false, m, n, k, ab[0], ab[1])).as("%s", g).containsExactly(one);
        }
        assertThat(Kernels.matmul(true, false, m, n, k, ab[0], ab[1])).as("the installed kernels").containsExactly(one);
    }

    private static List<FloatGemm> kernels() {
        return Kernels.vectorFloats() != null
                ? List.of(new FmaFloatGemm(), new VectorFloatGemm(6), new VectorFloatGemm(8), Kernels.vectorFloats())
                : List.of(new FmaFloatGemm());
    }

    private static float[] product(FloatGemm g, boolean ta, boolean tb, int m, int n, int k, float[][] ab) {
        float[] c = new float[m * n];
        java.util.Arrays.fill(c, Float.NaN);
        g.multiply(ta, tb, m, n, k, ab[0], ab[1], c, 0, m);
        return c;
    }

    static float[] definition(boolean fused, boolean ta, boolean tb, int m, int n, int k, float[][] ab) {
        float[] a = ab[0], b = ab[1], c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0;
                for (int p = 0; p < k; p++) {
                    float x = ta ? a[p * m + i] : a[i * k + p], y = tb ? b[j * k + p] : b[p * n + j];
                    s = fused ? Math.fma(x, y, s) : s + x * y;
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    private static float[][] operands(int m, int n, int k) {
        Rng rng = new Rng(m * 31L + n * 7L + k);
        return new float[][] {random(rng, m * k), random(rng, k * n)};
    }

    private static float[] random(Rng rng, int n) {
        double[] d = KernelsTest.random(rng, n);
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /** Runs the parts on threads of its own, several parts each, in no fixed order. */
    private static final class Threads implements Kernels.Parallel {
        private final int threads;

        Threads(int threads) {
            this.threads = threads;
        }

        @Override
        public int threads() {
            return threads;
        }

        @Override
        public void run(int parts, IntConsumer part) {
            JvmKernels.Job job = new JvmKernels.Job(parts, part);
            List<Thread> started = new ArrayList<>();
            for (int t = 1; t < threads; t++) {
                Thread worker = new Thread(job::take);
                started.add(worker);
                worker.start();
            }
            job.take();
            job.await();
            for (Thread w : started) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
