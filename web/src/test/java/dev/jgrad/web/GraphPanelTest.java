package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.jgrad.base.Rng;
import dev.jgrad.engine.Value;
import dev.jgrad.io.Json;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.MLP;
import dev.jgrad.nn.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GraphPanelTest {
    private static final List<String> NAMES = List.of("x1", "x2");

    /** Seeded setups: network shape, activation, loss, which neuron. */
    static Stream<Arguments> setups() {
        List<Arguments> all = new ArrayList<>();
        Activation[] activations = {Activation.TANH, Activation.RELU, Activation.SIGMOID, Activation.LINEAR};
        Loss[] losses = {Loss.MSE, Loss.BCE, Loss.HINGE};
        for (int seed = 0; seed < 24; seed++) {
            Rng r = new Rng(seed);
            List<Integer> sizes = seed % 3 == 0 ? List.of(3, 1) : seed % 3 == 1 ? List.of(4, 3, 1) : List.of(1, 1);
            int layer = 1 + r.nextInt(sizes.size());
            int index = r.nextInt(sizes.get(layer - 1));
            all.add(Arguments.of(seed, sizes, activations[seed % 4], losses[seed % 3], layer, index));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "seed {0}: {1} {2} {3}, neuron {4}-{5}")
    @MethodSource("setups")
    void afterEveryStepTheParametersHoldTheWholeNetworksGradients(int seed, List<Integer> sizes, Activation hidden, Loss loss, int layer, int index) {
        Network net = network(seed, sizes, hidden);
        double[] x = sample(seed);
        int y = target(loss, seed);
        GraphPanel panel = GraphPanel.open(net, loss, NAMES, x, y, layer, index, 0.01);
        int steps = 0;
        while (!done(panel.answer())) {
            Map<String, Object> a = parse(panel.step());
            assertThat(a.get("node")).isNotNull();
            steps++;
        }
        assertThat(steps).isPositive();
        // The whole network's backward for the sample, by the scalar engine, independently of the panel.
        MLP mlp = new MLP(net);
        List<Value> out = mlp.forward(x);
        loss.sample(out, y).backward();
        List<Value> expected = mlp.layers().get(layer - 1).neurons().get(index).parameters();
        List<Double> got = panel.parameterGrads();
        for (int i = 0; i < expected.size(); i++) {
            assertThat(got.get(i)).as("parameter %d", i).isCloseTo(expected.get(i).grad(), offset(1e-12));
        }
        if (layer == 1 && sizes.get(0) == 1) {
            // With one neuron in the first layer, the inputs feed only this neuron: their grads agree too.
            List<Value> inputs = panel.graph().inputs();
            for (int i = 0; i < inputs.size(); i++) {
                assertThat(inputs.get(i).grad()).isCloseTo(panel.graph().networkInputs().get(i).grad(), offset(1e-12));
            }
        }
        assertThat(expected.stream().anyMatch(p -> p.grad() != 0) || hidden == Activation.RELU).isTrue();
    }

    @ParameterizedTest(name = "seed {0}: {1} {2} {3}, neuron {4}-{5}")
    @MethodSource("setups")
    void theGradientCheckAgreesWithBackpropOnEveryNode(int seed, List<Integer> sizes, Activation hidden, Loss loss, int layer, int index) {
        GraphPanel panel = GraphPanel.open(network(seed, sizes, hidden), loss, NAMES, sample(seed), target(loss, seed), layer, index, 0.01);
        Map<String, String> boxes = Svg.boxes(svg(panel.answer()));
        assertThat(boxes).isNotEmpty();
        for (String testId : boxes.keySet()) {
            String id = testId.substring("node-".length());
            Map<String, Object> check = parse(panel.gradientCheck(id));
            assertThat(check.get("ok")).as(id).isEqualTo(true);
            double backprop = (Double) check.get("backprop");
            double numeric = (Double) check.get("numeric");
            assertThat(numeric).as("node %s", id).isCloseTo(backprop, offset(1e-6));
        }
        assertThat(parse(panel.gradientCheck("nowhere")).get("ok")).isEqualTo(false);
    }

    @ParameterizedTest(name = "seed {0}: {1} {2} {3}, neuron {4}-{5}")
    @MethodSource("setups")
    void oneStepOfGradientDescentLowersTheSamplesLoss(int seed, List<Integer> sizes, Activation hidden, Loss loss, int layer, int index) {
        Network net = network(seed, sizes, hidden);
        GraphPanel panel = GraphPanel.open(net, loss, NAMES, sample(seed), target(loss, seed), layer, index, 0.01);
        double before = panel.graph().fullLoss();
        List<Double> weights = new ArrayList<>();
        panel.run();
        List<Double> grads = panel.parameterGrads();
        for (Value p : panel.graph().parameters()) {
            weights.add(p.data());
        }
        Map<String, Object> a = parse(panel.descend());
        double after = panel.graph().fullLoss();
        boolean moved = grads.stream().anyMatch(g -> g != 0);
        if (moved) {
            assertThat(after).isLessThan(before);
            assertThat((String) a.get("explain")).contains("w1: ").contains(" → ").contains("Forward again");
        } else {
            assertThat(after).isEqualTo(before);
        }
        for (int i = 0; i < weights.size(); i++) {
            assertThat(panel.graph().parameters().get(i).data()).isEqualTo(weights.get(i) - 0.01 * grads.get(i));
        }
        // The page's network is the caller's: the panel moved only its own copy.
        assertThat(new MLP(net).network()).isEqualTo(net);
        assertThat(done(panel.answer())).isFalse();
    }

    @Test
    void thePostsNeuronReadsAsThePostDrawsIt() {
        // One tanh neuron with the post's numbers; target such that the loss is (o − y)².
        Network net = new Network(2, List.of(new Network.Dense(new double[][] {{-3, 1}}, new double[] {6.8813735870195432}, Activation.TANH)));
        GraphPanel panel = GraphPanel.open(net, Loss.MSE, NAMES, new double[] {2, 0}, 1, 1, 0, 0.01);
        Map<String, Object> first = parse(panel.answer());
        assertThat(first.get("node")).isNull();
        String svg = (String) first.get("svg");
        Map<String, String> boxes = Svg.boxes(svg);
        assertThat(boxes.get("node-w1")).isEqualTo("w1 | data -3.0000 | grad 0.0000");
        assertThat(boxes.get("node-o")).isEqualTo("o | data 0.7071 | grad 0.0000");
        assertThat(boxes.get("node-L")).isEqualTo("L | data " + Digits.fixed(StrictMath.pow(StrictMath.tanh(0.8813735870195432) - 1, 2)) + " | grad 1.0000");
        assertThat(boxes).containsKeys("node-x1", "node-x2", "node-w2", "node-b", "node-p1", "node-p2", "node-n", "node-y", "node-d");
        assertThat(Svg.classes(svg, "node-x1")).isEqualTo("input");
        assertThat(Svg.classes(svg, "node-b")).isEqualTo("parameter");
        assertThat(Svg.classes(svg, "node-o")).isEqualTo("output");
        Map<String, Object> pow = parse(panel.step());
        assertThat(pow.get("node")).isEqualTo("L");
        assertThat((String) pow.get("explain")).startsWith("power rule: (o − y).grad += 2.0 · (o − y) · L.grad");
        parse(panel.step());
        Map<String, Object> tanh = parse(panel.step());
        assertThat(tanh.get("node")).isEqualTo("o");
        assertThat((String) tanh.get("explain")).startsWith("tanh: n.grad += (1 − o²) · o.grad = (1 − 0.7071²) · ");
        String after = (String) tanh.get("svg");
        assertThat(Svg.classes(after, "node-o")).isEqualTo("output fired");
        assertThat(Svg.classes(after, "node-n")).isEqualTo("value received");
        Map<String, Object> sum = parse(panel.step());
        assertThat((String) sum.get("explain")).startsWith("+ passes it on: (x1·w1).grad, (x2·w2).grad, b.grad += 1 · n.grad = ");
        Map<String, Object> end = parse(panel.run());
        assertThat(end.get("done")).isEqualTo(true);
        assertThat(Svg.boxes((String) end.get("svg")).get("node-w1")).endsWith("grad " + Digits.fixed(panel.parameterGrads().get(0)))
                .doesNotEndWith("grad 0.0000");
        assertThat((String) parse(panel.step()).get("explain")).startsWith("Every rule has fired");
    }

    @Test
    void aHiddenNeuronOfTheSecondLayerReadsThePreviousLayersOutputs() {
        Network net = network(7, List.of(3, 2, 1), Activation.TANH);
        GraphPanel panel = GraphPanel.open(net, Loss.MSE, NAMES, sample(7), 1, 2, 1, 0.01);
        Map<String, String> boxes = Svg.boxes(svg(panel.answer()));
        assertThat(boxes).containsKeys("node-h1_1", "node-h1_2", "node-h1_3", "node-w3", "node-o").doesNotContainKey("node-L");
        assertThat(boxes.get("node-h1_2")).startsWith("h1_2 | data ");
        assertThat(boxes.get("node-o")).doesNotEndWith("grad 0.0000");
        assertThat((String) parse(panel.answer()).get("explain")).contains("flows in");
    }

    @Test
    void aNeuronThatIsNotThereIsAOneLineError() {
        Network net = network(1, List.of(3, 1), Activation.TANH);
        for (GraphPanel p : List.of(GraphPanel.open(net, Loss.MSE, NAMES, sample(1), 1, 3, 0, 0.01),
                GraphPanel.open(net, Loss.MSE, NAMES, sample(1), 1, 1, 3, 0.01),
                GraphPanel.open(net, Loss.MSE, NAMES, new double[] {1}, 1, 1, 0, 0.01))) {
            for (String a : List.of(p.answer(), p.step(), p.run(), p.descend(), p.gradientCheck("w1"))) {
                assertThat(parse(a).get("ok")).isEqualTo(false);
                assertThat((String) parse(a).get("error")).doesNotContain("\n").isNotBlank();
            }
        }
    }

    @Test
    void changesShowEnoughDecimals() {
        assertThat(GraphPanel.change(3, 2.96)).isEqualTo("3.00 → 2.96");
        assertThat(GraphPanel.change(0.5, 0.4996)).isEqualTo("0.5000 → 0.4996");
        assertThat(GraphPanel.change(-1, -1)).isEqualTo("-1.00 → -1.00");
    }

    @Test
    void boxesShowFourDecimalsOnEitherSideOfTheIntRange() {
        assertThat(Digits.fixed(0.88137358)).isEqualTo("0.8814");
        assertThat(Digits.fixed(-3)).isEqualTo("-3.0000");
        assertThat(Digits.fixed(123456.78912)).isEqualTo("123456.7891");
        assertThat(Digits.fixed(-987654321.5)).isEqualTo("-987654321.5000");
        assertThat(Digits.decimals(-0.00004, 4)).isEqualTo("0.0000");
        assertThat(Digits.decimals(0.05, 1)).isEqualTo("0.1");
        assertThat(Digits.fixed(1e-7)).isEqualTo("1.000E-7");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"-1.2977995519568033E-5, -1.298E-5", "9.99995E-6, 1.000E-5", "2.5E9, 2.500E9", "-1.7976931348623157E308, -1.798E308",
        "4.9E-324, 4.941E-324", "0, 0.0000", "Infinity, Infinity", "NaN, NaN"})
    void numbersFarFromOneKeepFourSignificantDigits(double x, String shown) {
        assertThat(Digits.fixed(x)).isEqualTo(shown);
    }

    @Test
    void theOutputNeuronsLossIsTrainingsLossForAClassZeroPointUnderHinge() {
        // The page passes the class, 0 or 1; the hinge's target is then −1, as Loss.HINGE trains it.
        Network net = new Network(2, List.of(new Network.Dense(new double[][] {{0.5, -0.25}}, new double[] {0.1}, Activation.LINEAR)));
        double[] x = {0.4, 0.8};
        GraphPanel panel = GraphPanel.open(net, Loss.HINGE, NAMES, x, 0, 1, 0, 0.01);
        Map<String, Object> first = parse(panel.answer());
        double expected = Loss.HINGE.sample(new MLP(net).forward(x), 0).data();
        assertThat(expected).isCloseTo(1.1, offset(1e-12));
        assertThat(Svg.boxes((String) first.get("svg")).get("node-L")).isEqualTo("L | data " + Digits.fixed(expected) + " | grad 1.0000");
    }

    static Network network(int seed, List<Integer> sizes, Activation hidden) {
        return Network.initialise(2, sizes, Network.activations(sizes.size(), hidden, Activation.TANH), Init.UNIFORM, new Rng(seed));
    }

    static double[] sample(int seed) {
        Rng r = new Rng(seed + 100);
        return new double[] {r.nextDouble(-1.25, 1.25), r.nextDouble(-1.25, 1.25)};
    }

    /** The sample's class, as the page passes it whatever the loss. */
    private static int target(Loss loss, int seed) {
        return seed % 2 == 0 ? 1 : 0;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        return (Map<String, Object>) Json.parse(json);
    }

    private static boolean done(String answer) {
        return (Boolean) parse(answer).get("done");
    }

    private static String svg(String answer) {
        return (String) parse(answer).get("svg");
    }

}
