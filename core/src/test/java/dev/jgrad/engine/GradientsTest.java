package dev.jgrad.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.base.Rng;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GradientsTest {
    static Stream<Long> seeds() {
        return Stream.iterate(1L, s -> s + 1).limit(40);
    }

    /** Every node's gradient: what backward left in the fields of one copy, what gradients() gives for the other. */
    private static void assertSameBits(long seed, boolean createGraph) {
        Value built = BackpropTest.randomGraph(new Rng(seed));
        built.backward();
        Value fresh = BackpropTest.randomGraph(new Rng(seed));
        List<Value> nodes = fresh.topologicalOrder();
        List<Value> grads = Value.gradients(fresh, nodes, createGraph);
        List<Value> expected = built.topologicalOrder();
        for (int i = 0; i < nodes.size(); i++) {
            // + 0.0: a share's −0 is backward's 0 + (−0) = 0
            assertThat(grads.get(i).data() + 0.0).as("node %d (%s)", i, nodes.get(i).op())
                    .isEqualTo(expected.get(i).grad() + 0.0);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void withoutAGraphEveryGradientIsBackwardsNumberBitForBit(long seed) {
        assertSameBits(seed, false);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void withAGraphTheFirstDerivativesAreStillBackwardsBits(long seed) {
        assertSameBits(seed, true);
    }

    static Stream<Arguments> primitives() {
        List<BinaryOperator<Value>> ops = List.of(Value::add, Value::mul, Value::pow, (a, b) -> a.exp(), (a, b) -> a.log(),
                (a, b) -> a.tanh(), (a, b) -> a.relu(), (a, b) -> a.sigmoid(), (a, b) -> a.pow(3), (a, b) -> a.pow(0.5),
                (a, b) -> a.pow(-1), (a, b) -> a.pow(0), (a, b) -> a.pow(1.5), (a, b) -> Value.sum(List.of(a, b, a)));
        return Stream.iterate(0, i -> i + 1).limit(ops.size() * 5L).map(i -> Arguments.of(i / 5, ops.get(i / 5), i));
    }

    @ParameterizedTest(name = "primitive {0}, draw {2}")
    @MethodSource("primitives")
    void eachPrimitivesTwoRulesAgreeBitForBit(int index, BinaryOperator<Value> op, int draw) {
        Rng random = new Rng(draw);
        // pow, log and the fractional powers only at a > 0, the others on both sides
        boolean positive = draw % 2 == 0 || List.of(2, 4, 9, 12).contains(index);
        double a = random.nextDouble(0.1, 3) * (positive ? 1 : -1);
        double b = random.nextDouble(-2, 2);
        Value x = Value.of(a);
        Value y = Value.of(b);
        Value out = op.apply(x, y).mul(Value.of(random.nextDouble(-2, 2)));
        List<Value> grads = Value.gradients(out, List.of(x, y), true);
        out.backward();
        assertThat(grads.get(0).data() + 0.0).isEqualTo(x.grad() + 0.0);
        assertThat(grads.get(1).data() + 0.0).isEqualTo(y.grad() + 0.0);
    }

    @Test
    void noNodesGradIsTouched() {
        Value x = Value.of(0.7, "x");
        Value y = x.mul(x).tanh().add(x.exp());
        x.grad = 5;
        y.grad = -3;
        Value.gradients(y, List.of(x), true);
        Value.gradients(y, List.of(x), false);
        for (Value v : y.topologicalOrder()) {
            assertThat(v.grad()).isEqualTo(v == x ? 5 : v == y ? -3 : 0);
        }
    }

    @Test
    void anInputTheOutputDoesNotUseGetsAConstantZero() {
        Value x = Value.of(2, "x");
        Value unused = Value.of(3, "u");
        List<Value> grads = Value.gradients(x.tanh(), List.of(unused, x), true);
        assertThat(grads.get(0).data()).isZero();
        assertThat(grads.get(0).inputs()).isEmpty();
        assertThat(grads.get(1).data()).isEqualTo(1 - Math.pow(StrictMath.tanh(2), 2), within(1e-15));
    }

    @Test
    void aNodeUsedThriceAddsItsSharesInTheGraphToEveryOrder() {
        Value x = Value.of(1.5, "x");
        Value cube = x.mul(x).mul(x);
        Value d1 = Value.gradients(cube, List.of(x), true).get(0);
        Value d2 = Value.gradients(d1, List.of(x), true).get(0);
        Value d3 = Value.gradients(d2, List.of(x), true).get(0);
        Value d4 = Value.gradients(d3, List.of(x), true).get(0);
        assertThat(List.of(d1.data(), d2.data(), d3.data(), d4.data())).containsExactly(3 * 1.5 * 1.5, 6 * 1.5, 6.0, 0.0);
        assertThat(d1.op()).isEqualTo("+");
    }

    /** tanh's n-th derivative is a polynomial in t = tanh x: P₀ = t, Pₙ₊₁ = Pₙ'(t) · (1 − t²). */
    private static double tanhDerivative(int order, double x) {
        double[] p = {0, 1};
        for (int n = 0; n < order; n++) {
            double[] next = new double[p.length + 1];
            for (int k = 1; k < p.length; k++) {
                next[k - 1] += k * p[k];
                next[k + 1] -= k * p[k];
            }
            p = next;
        }
        double t = Math.tanh(x);
        double sum = 0;
        for (int k = p.length - 1; k >= 0; k--) {
            sum = sum * t + p[k];
        }
        return sum;
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-2.5, -1, -0.3, 0, 0.4, 1, 1.7, 3})
    void theSixthDerivativeOfTanhIsItsClosedForm(double at) {
        Value x = Value.of(at, "x");
        Value d = x.tanh();
        for (int order = 1; order <= 6; order++) {
            d = Value.gradients(d, List.of(x), true).get(0);
            double expected = tanhDerivative(order, at);
            assertThat(d.data()).as("order %d", order).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    void underNoGradTheGradientsAreConstants() {
        Value x = Value.of(0.5, "x");
        Value y = x.tanh().mul(x);
        try (NoGrad scope = NoGrad.enter()) {
            Value g = Value.gradients(y, List.of(x), true).get(0);
            assertThat(g.inputs()).isEmpty();
            assertThat(g.op()).isEmpty();
        }
        assertThat(Value.gradients(y, List.of(x), true).get(0).inputs()).isNotEmpty();
    }

    @Test
    void underAnomalyTheGradientPassNamesTheOpWhoseRuleMadeTheNaN() {
        Value x = Value.of(0, "x");
        Value y = x.log();
        try (Anomaly scope = Anomaly.detect()) {
            assertThatThrownBy(() -> Value.gradients(y, List.of(x), true))
                    .isInstanceOf(ArithmeticException.class).hasMessageContaining("backward of log");
        }
    }

    @Test
    void underAnomalyDifferentiatingAGradientNamesTheOpToo() {
        Value x = Value.of(0, "x");
        // d/dx x^1.5 = 1.5 · x^0.5 is 0 at 0; its derivative 0.75 · x^−0.5 is not
        Value slope = Value.gradients(x.pow(1.5), List.of(x), true).get(0);
        assertThat(slope.data()).isZero();
        try (Anomaly scope = Anomaly.detect()) {
            assertThatThrownBy(() -> Value.gradients(slope, List.of(x), true))
                    .isInstanceOf(ArithmeticException.class).hasMessageContaining("backward of **0.5");
            assertThatThrownBy(slope::backward).isInstanceOf(ArithmeticException.class)
                    .hasMessageContaining("backward of **0.5");
        }
    }
}
