package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.jgrad.data.Features;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Network;
import java.util.List;
import org.junit.jupiter.api.Test;

class HiddenSpaceTest {
    private static final View VIEW = new View(-2, 3, -1, 4);

    @Test
    void theHiddenSpaceOfAnIdentityLayerIsThePlaneItself() {
        Network identity = new Network(2, List.of(
                new Network.Dense(new double[][] {{1, 0}, {0, 1}, {0.5, 0.5}}, new double[] {0, 0, 1}, Activation.LINEAR),
                new Network.Dense(new double[][] {{1, 1, 1}}, new double[] {0}, Activation.TANH)));
        HiddenSpace h = new HiddenSpace(identity, Features.RAW, 1, 0, 1);
        List<double[]> lines = h.lines(VIEW);
        assertThat(lines).hasSize(2 * HiddenSpace.LINES);
        double[] first = lines.get(0);   // the first vertical line: x = xmin, y from ymin to ymax
        for (int s = 0; s < HiddenSpace.SAMPLES; s++) {
            assertThat(first[2 * s]).isEqualTo(-2.0);
            assertThat(first[2 * s + 1]).isCloseTo(-1 + 5.0 * s / (HiddenSpace.SAMPLES - 1), offset(1e-12));
        }
        double[] lastHorizontal = lines.get(lines.size() - 1);   // y = ymax
        assertThat(lastHorizontal[1]).isEqualTo(4.0);
        assertThat(lastHorizontal[2 * HiddenSpace.SAMPLES - 2]).isEqualTo(3.0);
        assertThat(h.map(0.25, -0.75)).containsExactly(0.25, -0.75);
    }

    @Test
    void aTanhLayerBendsThePlaneIntoTheSquare() {
        Network net = new Network(2, List.of(new Network.Dense(new double[][] {{3, 0}, {0, 3}}, new double[] {0, 0}, Activation.TANH),
                new Network.Dense(new double[][] {{1, 1}}, new double[] {0}, Activation.TANH)));
        for (double[] line : new HiddenSpace(net, Features.RAW, 1, 0, 1).lines(VIEW)) {
            for (double v : line) {
                assertThat(Math.abs(v)).isLessThanOrEqualTo(1);
            }
        }
        assertThatThrownBy(() -> new HiddenSpace(net, Features.RAW, 1, 0, 2)).hasMessage("layer 1 has neurons 1..2; got 1 and 3");
    }
}
