package dev.jgrad.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.jgrad.base.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Vector API kernel and the threaded split against the plain loops, on shapes with ragged tails. */
class KernelsTest {
    static Stream<Arguments> shapes() {
        int[][] mnk = {{1, 1, 1}, {7, 13, 5}, {13, 5, 7}, {6, 8, 1}, {5, 9, 300}, {97, 33, 257}, {128, 10, 784},
            {200, 9, 2}};
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
        assertThat(JvmKernels.install()).isEqualTo(present);
        assertThat(Kernels.vectorised()).isEqualTo(present);
        assertThat(Kernels.describe()).startsWith(present ? "Vector API" : "plain loops");
    }

    @ParameterizedTest(name = "{0}x{1}x{2} ta={3} tb={4}")
    @MethodSource("shapes")
    void vectorKernelAgreesWithThePlainLoops(int m, int n, int k, boolean ta, boolean tb) {
        assumeThat(Kernels.vectorised()).as("jdk.incubator.vector present").isTrue();
        Rng rng = new Rng(m * 31L + n * 7L + k);
        double[] a = random(rng, m * k), b = random(rng, k * n);
        double[] expected = new double[m * n], actual = new double[m * n];
        Kernels.PLAIN.multiply(ta, tb, m, n, k, a, b, expected, 0, m);
        java.util.Arrays.fill(actual, Double.NaN);
        Kernels.vector().multiply(ta, tb, m, n, k, a, b, actual, 0, m);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("entry %d", i).isCloseTo(expected[i],
                    org.assertj.core.api.Assertions.within(1e-12 * k));
        }
    }

    @ParameterizedTest(name = "{0}x{1}x{2} ta={3} tb={4}")
    @MethodSource("shapes")
    void plainLoopsMatchTheDefinition(int m, int n, int k, boolean ta, boolean tb) {
        Rng rng = new Rng(k);
        double[] a = random(rng, m * k), b = random(rng, k * n), c = new double[m * n];
        Kernels.PLAIN.multiply(ta, tb, m, n, k, a, b, c, 0, m);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
                }
                assertThat(c[i * n + j]).isCloseTo(s, org.assertj.core.api.Assertions.within(1e-12 * k));
            }
        }
    }

    @Test
    void aProductBigEnoughForTwoThreadsEqualsTheOneThreadProduct() {
        int m = 601, n = 130, k = 110;
        Rng rng = new Rng(5);
        double[] a = random(rng, m * k), b = random(rng, k * n), one = new double[m * n];
        Kernels.PLAIN.multiply(false, false, m, n, k, a, b, one, 0, m);
        double[] split = Kernels.matmul(Kernels.PLAIN, false, false, m, n, k, a, b);
        assertThat(split).containsExactly(one);
    }

    static double[] random(Rng rng, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = rng.nextDouble(-1, 1);
        }
        return d;
    }
}
