package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.data.Dataset;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Network;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthTest {
    private static final Dataset POINTS = new Dataset("p", new double[][] {{1, 0.5}, {-1, 0.2}, {0.3, -0.9}, {-0.4, -0.7}},
            new int[] {1, 0, 1, 0}, 2, List.of("0", "1"));

    private static Network net(double scale, Activation hidden) {
        double[][] w = {{scale, scale}, {-scale, scale}, {scale, -scale}};
        return new Network(2, List.of(new Network.Dense(w, new double[] {0.1, 0.1, 0.1}, hidden),
                new Network.Dense(new double[][] {{0.1, 0.1, 0.1}}, new double[] {0}, Activation.TANH)));
    }

    @Test
    void hugeWeightsSaturateTheTanhUnitsAndTheLineSaysTheStepsAreTooBig() {
        assertThat(Health.units(net(100, Activation.TANH), POINTS).get(0)).containsOnly("saturated");
        assertThat(Health.line(net(100, Activation.TANH), POINTS)).startsWith("the steps are too big: 3 of 4 tanh/sigmoid units saturated (");
    }

    @Test
    void smallWeightsAreHealthy() {
        assertThat(Health.units(net(0.1, Activation.TANH), POINTS).get(0)).containsOnly("");
        assertThat(Health.line(net(0.1, Activation.TANH), POINTS)).isNull();
    }

    @Test
    void aReluThatIsZeroOnEveryPointIsDead() {
        Network n = new Network(2, List.of(new Network.Dense(new double[][] {{0, 0}, {1, 0}}, new double[] {-1, 0}, Activation.RELU),
                new Network.Dense(new double[][] {{1, 1}}, new double[] {0}, Activation.LINEAR)));
        assertThat(Health.units(n, POINTS).get(0)).containsExactly("dead", "");
        assertThat(Health.line(n, POINTS)).isNull();
    }

    /** The points are looked at four at a time: a fifth point, alone in its block, counts as much as the others. */
    @Test
    void aReluAliveOnlyOnTheLastPointIsNotDead() {
        Network n = new Network(2, List.of(new Network.Dense(new double[][] {{1, 0}}, new double[] {0}, Activation.RELU),
                new Network.Dense(new double[][] {{1}}, new double[] {0}, Activation.LINEAR)));
        double[][] left = {{-1, 0.5}, {-1, 0.2}, {-0.3, -0.9}, {-0.4, -0.7}, {-0.2, 0.1}};
        double[][] lastRight = {{-1, 0.5}, {-1, 0.2}, {-0.3, -0.9}, {-0.4, -0.7}, {0.2, 0.1}};
        int[] labels = {1, 0, 1, 0, 1};
        assertThat(Health.units(n, new Dataset("p", left, labels, 2, List.of("0", "1"))).get(0)).containsExactly("dead");
        assertThat(Health.units(n, new Dataset("p", lastRight, labels, 2, List.of("0", "1"))).get(0)).containsExactly("");
    }

    @Test
    void aSaturatedOutputAloneIsSaid() {
        Network n = new Network(2, List.of(new Network.Dense(new double[][] {{0.1, 0.1}}, new double[] {0}, Activation.TANH),
                new Network.Dense(new double[][] {{1}}, new double[] {50}, Activation.TANH)));
        assertThat(Health.line(n, POINTS)).startsWith("the steps are too big: 1 of 2 tanh/sigmoid units saturated, the output among them");
    }

    @Test
    void aLearningRateOfThreeOnTheCircleIsSaidInALine() {
        Playground.setup("lr=3&points=100");
        String warning = null;
        for (int k = 0; k < 20 && warning == null; k++) {
            warning = (String) PlaygroundTest.json(Playground.epoch()).get("warning");
        }
        assertThat(warning).startsWith("the steps are too big");
    }
}
