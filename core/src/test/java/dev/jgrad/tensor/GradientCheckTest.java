package dev.jgrad.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.base.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every primitive's backward against central differences of its forward, over seeded inputs in its
 * domain. The scalar checked is Σ out ⊙ w for a random w, so every output entry's gradient counts.
 */
class GradientCheckTest {
    private static final double H = 1e-6;

    /** An op, the shapes of its inputs, and the interval its inputs are drawn from. */
    record Case(String name, int[][] shapes, double lo, double hi, Function<Tensor[], Tensor> op) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = List.of(
                new Case("add (broadcast)", new int[][] {{3, 4}, {4}}, -2, 2, t -> t[0].add(t[1])),
                new Case("mul (broadcast)", new int[][] {{2, 3}, {2, 1}}, -2, 2, t -> t[0].mul(t[1])),
                new Case("neg", new int[][] {{5}}, -2, 2, t -> t[0].neg()),
                new Case("exp", new int[][] {{2, 3}}, -2, 2, t -> t[0].exp()),
                new Case("log", new int[][] {{2, 3}}, 0.2, 3, t -> t[0].log()),
                new Case("reciprocal", new int[][] {{4}}, 0.5, 2, t -> t[0].reciprocal()),
                new Case("relu", new int[][] {{3, 3}}, -2, 2, t -> t[0].relu()),
                new Case("tanh", new int[][] {{3, 3}}, -2, 2, t -> t[0].tanh()),
                new Case("sum axis 0", new int[][] {{3, 4, 2}}, -2, 2, t -> t[0].sum(0, false)),
                new Case("sum axis 1", new int[][] {{3, 4, 2}}, -2, 2, t -> t[0].sum(1, true)),
                new Case("max axis -1", new int[][] {{3, 5}}, -2, 2, t -> t[0].max(-1, false)),
                new Case("max axis 0", new int[][] {{4, 2, 3}}, -2, 2, t -> t[0].max(0, true)),
                new Case("reshape", new int[][] {{6, 2}}, -2, 2, t -> t[0].reshape(3, -1).mul(t[0].reshape(3, 4))),
                new Case("permute", new int[][] {{2, 3, 4}}, -2, 2, t -> t[0].permute(2, 0, 1)),
                new Case("transpose", new int[][] {{3, 5}}, -2, 2, t -> t[0].transpose()),
                new Case("expand", new int[][] {{3, 1}}, -2, 2, t -> t[0].expand(2, 3, 4)),
                new Case("matmul 7x13x5", new int[][] {{7, 13}, {13, 5}}, -1, 1, t -> t[0].matmul(t[1])),
                new Case("matmul 31x40x27", new int[][] {{31, 40}, {40, 27}}, -1, 1, t -> t[0].matmul(t[1])));
        List<Arguments> args = new ArrayList<>();
        for (Case c : cases) {
            for (long seed = 1; seed <= 3; seed++) {
                args.add(Arguments.of(c, seed));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("cases")
    void backwardMatchesCentralDifferences(Case c, long seed) {
        Rng rng = new Rng(seed);
        Tensor[] in = new Tensor[c.shapes().length];
        for (int i = 0; i < in.length; i++) {
            in[i] = Tensor.of(draw(rng, Shape.size(c.shapes()[i]), c.lo(), c.hi()), c.shapes()[i]).requireGrad();
        }
        Tensor out = c.op().apply(in);
        Tensor w = Tensor.of(draw(rng, out.size(), -1, 1), out.shape);
        out.mul(w).sum().backward();

        for (Tensor x : in) {
            double[] analytic = x.grad();
            for (int j = 0; j < x.size(); j++) {
                double keep = x.data[j];
                x.data[j] = keep + H;
                double up = c.op().apply(in).mul(w).sum().item();
                x.data[j] = keep - H;
                double down = c.op().apply(in).mul(w).sum().item();
                x.data[j] = keep;
                double numeric = (up - down) / (2 * H);
                assertThat(analytic[j]).as("%s d/dx[%d]", c.name(), j)
                        .isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
            }
        }
    }

    /** Values in [lo, hi], kept 0.05 away from 0 so relu's kink is never straddled by ±H. */
    static double[] draw(Rng rng, int n, double lo, double hi) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double v;
            do {
                v = rng.nextDouble(lo, hi);
            } while (Math.abs(v) < 0.05);
            d[i] = v;
        }
        return d;
    }
}
