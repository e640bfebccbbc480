package dev.jgrad.loss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import dev.jgrad.engine.Value;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PointLossTest {
    /** Compared as Doubles: NaN equals NaN, and 0.0 differs from −0.0. Outputs the random draw rarely meets: zeros of either sign, infinities, NaN, the softplus branch's edge. */
    private static final double[] EDGES = {0.0, -0.0, 1, -1, 0.5, 1e-300, -1e-300, 40, -40, 800, -800,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {8, 9})
    void theShortcutLossesAreTheGraphsBitForBit(int seed) {
        Rng r = new Rng(seed);
        for (int k = 0; k < 2000 + EDGES.length; k++) {
            double o = k < EDGES.length ? EDGES[k] : (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(6) - 2);
            double[] out = {r.nextDouble(), o};
            int y = r.nextInt(2);
            for (Loss loss : List.of(Loss.MSE, Loss.HINGE, Loss.BCE)) {
                Double graph = loss.sample(List.of(Value.of(o)), y).data();
                assertThat((Double) PointLoss.of(loss, o, y)).as("%s %s %d", loss, o, y).isEqualTo(graph);
                assertThat((Double) PointLoss.of(loss, out, 1, 1, y)).as("%s %s %d", loss, o, y).isEqualTo(graph);
            }
            double target = (r.nextDouble() - 0.5) * 10;
            assertThat((Double) PointLoss.squared(o, target)).isEqualTo((Double) Loss.MSE.regressionSample(List.of(Value.of(o)), target).data());
        }
        assertThat(PointLoss.of(Loss.CROSS_ENTROPY, 0.3, 1)).isNaN();
    }

    /** Cross-entropy, and several outputs, go through the graph: the same number as the graph gives. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {10, 11})
    void severalOutputsGoThroughTheGraph(int seed) {
        Rng r = new Rng(seed);
        for (int i = 0; i < 200; i++) {
            double[] out = {r.nextDouble() * 8 - 4, r.nextDouble() * 8 - 4, r.nextDouble() * 8 - 4};
            int y = r.nextInt(2);
            for (Loss loss : List.of(Loss.MSE, Loss.CROSS_ENTROPY)) {
                Double graph = loss.sample(List.of(Value.of(out[1]), Value.of(out[2])), y).data();
                assertThat((Double) PointLoss.of(loss, out, 1, 2, y)).as("%s %d", loss, y).isEqualTo(graph);
            }
        }
    }
}
