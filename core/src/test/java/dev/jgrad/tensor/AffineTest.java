package dev.jgrad.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import dev.jgrad.engine.NoGrad;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused act(x·W + b) gives the composite's bits: outputs and every gradient, in both dtypes, for
 * each activation, over shapes whose output spans several row blocks and shapes of one column.
 */
class AffineTest {
    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        int[][] shapes = {{70, 33, 130}, {5, 3, 1}, {1, 4, 7}, {128, 40, 10}};
        for (DType d : DType.values()) {
            for (Affine act : Affine.values()) {
                for (int s = 0; s < shapes.length; s++) {
                    all.add(Arguments.of(d, act, shapes[s][0], shapes[s][1], shapes[s][2], 10L + s));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}x{3}x{4}")
    @MethodSource("cases")
    void fusedGivesTheCompositesBits(DType dtype, Affine act, int m, int k, int n, long seed) {
        Rng rng = new Rng(seed);
        double[] x = gaussians(rng, m * k), w = gaussians(rng, k * n), b = gaussians(rng, n), up = gaussians(rng, m * n);
        double[][] results = new double[2][];
        for (int fused = 0; fused < 2; fused++) {
            Tensor xt = Tensor.of(x, m, k).to(dtype).requireGrad();
            Tensor wt = Tensor.of(w, k, n).to(dtype).requireGrad();
            Tensor bt = Tensor.of(b, n).to(dtype).requireGrad();
            try (Arena step = Arena.open()) {
                Tensor out = fused == 1 ? act.apply(xt, wt, bt) : composite(act, xt, wt, bt);
                // a second contribution to W's gradient after the layer's, as a penalty makes
                out.mul(Tensor.of(up, m, n)).sum().add(wt.square().sum().mul(0.01)).backward();
                results[fused] = concat(out.data(), xt.grad(), wt.grad(), bt.grad());
            }
        }
        assertThat(results[1]).containsExactly(results[0]);
    }

    @ParameterizedTest(name = "{0} {1} {2}x{3}x{4}")
    @MethodSource("cases")
    void withoutAGraphFusedGivesTheCompositesOutputs(DType dtype, Affine act, int m, int k, int n, long seed) {
        Rng rng = new Rng(seed);
        Tensor x = Tensor.of(gaussians(rng, m * k), m, k).to(dtype);
        Tensor w = Tensor.of(gaussians(rng, k * n), k, n).to(dtype);
        Tensor b = Tensor.of(gaussians(rng, n), 1, n).to(dtype);
        try (NoGrad scope = NoGrad.enter()) {
            assertThat(act.apply(x, w, b).data()).containsExactly(composite(act, x, w, b).data());
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}x{3}x{4}")
    @MethodSource("cases")
    void itsGraphRuleGivesTheCompositesGradients(DType dtype, Affine act, int m, int k, int n, long seed) {
        Rng rng = new Rng(seed);
        double[] x = gaussians(rng, m * k), w = gaussians(rng, k * n), b = gaussians(rng, n);
        double[][] results = new double[2][];
        for (int fused = 0; fused < 2; fused++) {
            Tensor xt = Tensor.of(x, m, k).to(dtype).requireGrad();
            Tensor wt = Tensor.of(w, k, n).to(dtype).requireGrad();
            Tensor bt = Tensor.of(b, n).to(dtype).requireGrad();
            Tensor out = fused == 1 ? act.apply(xt, wt, bt) : composite(act, xt, wt, bt);
            List<Tensor> g = Tensor.gradients(out.square().sum(), List.of(xt, wt, bt), true);
            results[fused] = concat(g.get(0).data(), g.get(1).data(), g.get(2).data());
        }
        assertThat(results[1]).containsExactly(results[0]);
    }

    private static Tensor composite(Affine act, Tensor x, Tensor w, Tensor b) {
        Tensor z = x.matmul(w).add(b);
        return act == Affine.RELU ? z.relu() : act == Affine.TANH ? z.tanh() : z;
    }

    private static double[] gaussians(Rng rng, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = rng.nextGaussian();
        }
        return d;
    }

    private static double[] concat(double[]... parts) {
        List<Double> all = new ArrayList<>();
        for (double[] p : parts) {
            for (double v : p) {
                all.add(v);
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
