package dev.jgrad.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused layer on the JVM's kernels (the vector kernel's row blocks and the vector passes, and a product big
 * enough to be split across the registered threads) gives the composite's bits, outputs and gradients, in both
 * dtypes; rows of 10 and 45 end in less than a vector.
 */
class AffineKernelsTest {
    @BeforeAll
    static void install() {
        JvmKernels.install();
        // as after the warm-up: from here on products of 4096 multiply-adds or more take the vector kernel,
        // and the layers' bias, activation and slopes the vector passes (compiled first: cold, they take minutes)
        Kernels.warmed();
        PassWarmup.run();
    }

    static Stream<Arguments> cases() {
        int[][] shapes = {{128, 784, 128}, {128, 128, 10}, {256, 256, 130}, {37, 70, 45}};
        List<Arguments> all = new ArrayList<>();
        for (DType d : DType.values()) {
            for (Affine act : Affine.values()) {
                for (int[] s : shapes) {
                    all.add(Arguments.of(d, act, s[0], s[1], s[2]));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}x{3}x{4}")
    @MethodSource("cases")
    void fusedGivesTheCompositesBits(DType dtype, Affine act, int m, int k, int n) {
        Rng rng = new Rng(m + 31L * n);
        double[] x = gaussians(rng, m * k), w = gaussians(rng, k * n), b = gaussians(rng, n), up = gaussians(rng, m * n);
        List<double[]> results = new ArrayList<>();
        for (int fused = 0; fused < 2; fused++) {
            Tensor xt = Tensor.of(x, m, k).to(dtype).requireGrad();
            Tensor wt = Tensor.of(w, k, n).to(dtype).requireGrad();
            Tensor bt = Tensor.of(b, n).to(dtype).requireGrad();
            try (Arena step = Arena.open()) {
                Tensor z = xt.matmul(wt).add(bt);
                Tensor out = fused == 1 ? act.apply(xt, wt, bt) : act == Affine.RELU ? z.relu() : act == Affine.TANH ? z.tanh() : z;
                out.mul(Tensor.of(up, m, n)).sum().backward();
                results.add(out.data());
            }
            results.add(xt.grad());
            results.add(wt.grad());
            results.add(bt.grad());
        }
        for (int i = 0; i < 4; i++) {
            assertThat(results.get(4 + i)).as("part %d", i).containsExactly(results.get(i));
        }
    }

    private static double[] gaussians(Rng rng, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = rng.nextGaussian();
        }
        return d;
    }
}
