package dev.jgrad.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** expand's direct path for a bias row against the general strided walk, bit for bit. */
class MovementTest {
    /**
     * A row (shape [c] or [1, c]) repeated down n rows: the copy and the column sums give the bits
     * of {@link Movement#walk}, signed zeros and all; a column ([n, 1] to [n, n]) still takes the walk.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void aBiasRowDownABatchGivesTheWalksBits(long seed) {
        Rng rng = new Rng(seed);
        int n = rng.nextInt(40), c = 1 + rng.nextInt(12);
        double[] row = numbers(rng, c);
        int step = c == 1 ? 0 : 1;
        check(row, new int[] {c}, new int[] {n, c}, new int[] {0, step}, numbers(rng, n * c));
        check(row, new int[] {1, c}, new int[] {n, c}, new int[] {0, step}, numbers(rng, n * c));
        check(row, new int[] {c, 1}, new int[] {c, c}, new int[] {step, 0}, numbers(rng, c * c));
    }

    private static void check(double[] source, int[] from, int[] to, int[] steps, double[] grad) {
        Movement.Expand e = new Movement.Expand();
        e.in = new Tensor[] {Tensor.of(source, from)};
        e.shape = to;
        double[] copied = new double[to[0] * to[1]], summed = new double[source.length];
        Movement.walk(copied, source, to, steps, false);
        Movement.walk(grad, summed, to, steps, true);
        String what = java.util.Arrays.toString(from) + " to " + java.util.Arrays.toString(to);
        assertThat(e.forward()).as("forward, %s", what).containsExactly(copied);
        assertThat(e.backward(grad)[0]).as("backward, %s", what).containsExactly(summed);
    }

    /** Seeded numbers with signed zeros among them, which a sum may turn from −0 to +0. */
    private static double[] numbers(Rng rng, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            int kind = rng.nextInt(5);
            d[i] = kind == 0 ? -0.0 : kind == 1 ? 0.0 : rng.nextDouble(-3, 3);
        }
        return d;
    }
}
