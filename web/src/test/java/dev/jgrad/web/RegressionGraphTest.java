package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.data.Dataset;
import dev.jgrad.nn.Network;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A neuron's graph on regression data: the output's graph ends in the squared error against the point's target (MSE). */
class RegressionGraphTest {
    private static Map<String, Object> json(String text) {
        return PlaygroundTest.json(text);
    }

    @Test
    void theOutputsGraphEndsInTheSquaredErrorAgainstThePointsTarget() {
        json(Playground.setup("data=plane&hidden=3&lr=0.01&seed=5"));
        Session s = Page.session();
        Dataset train = s.rawTrain();
        double target = train.targets()[2];
        double[][] a = Grid.activations(s.network(), train.points()[2]);
        double out = a[a.length - 1][0];

        Map<String, Object> g = json(Playground.graph(2, 0, 2));

        assertThat(g).containsEntry("ok", true);
        assertThat((String) g.get("explain")).contains("target y = " + Digits.fixed(target))
                .contains("loss L = (n − y)² = " + Digits.fixed((out - target) * (out - target))).contains("MSE");
        // The first rule fired is the square's: 2 · (n − y) · L.grad.
        Map<String, Object> first = json(Playground.backpropStep());
        assertThat((String) first.get("explain")).contains("2").contains("(n − y)").contains("L.grad");
        assertThat(json(Playground.backpropRun())).containsEntry("done", true);
        Map<String, Object> check = json(Playground.gradientCheck("w1"));
        assertThat((double) check.get("backprop")).isCloseTo((double) check.get("numeric"), within(1e-6));
        // d(n − y)²/dn is 2 (n − y); the output is linear, so n is the output.
        assertThat((double) json(Playground.gradientCheck("n")).get("backprop")).isCloseTo(2 * (out - target), within(1e-12));
        assertThat((String) json(Playground.descend()).get("explain")).contains("(lower than it was)");
    }

    /** A hidden neuron's gradient flows in from the squared error over the whole network: backprop agrees with the difference. */
    @ParameterizedTest
    @CsvSource({"'data=plane&hidden=4,3', 2, 2", "data=gaussian-mixture&hidden=5, 1, 4", "data=sine&hidden=6, 1, 0"})
    void aHiddenNeuronsGradientsAreTheSquaredErrorsOverTheWholeNetwork(String query, int layer, int index) {
        json(Playground.setup(query + "&seed=7"));
        Network before = Page.session().network();
        Map<String, Object> g = json(Playground.graph(layer, index, 1));
        assertThat(g).containsEntry("ok", true);
        json(Playground.backpropRun());
        for (String node : new String[] {"w1", "b", layer == 1 ? "x1" : "h1_1"}) {
            Map<String, Object> check = json(Playground.gradientCheck(node));
            assertThat((double) check.get("backprop")).as(node).isCloseTo((double) check.get("numeric"), within(1e-6));
            assertThat((double) check.get("backprop")).as(node).isNotZero();
        }
        // The panel keeps its own copy: descending in it leaves the page's network where it was.
        json(Playground.descend());
        assertThat(Page.session().network()).isEqualTo(before);
    }
}
