package dev.jgrad.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.base.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BackpropTest {
    private static final Function<Value, String> LABELS = Value::label;

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void steppingToTheEndGivesExactlyBackwardsGradients(long seed) {
        Value stepped = randomGraph(new Rng(seed));
        Value backward = randomGraph(new Rng(seed));
        Backprop steps = Backprop.from(stepped);
        int count = 0;
        while (!steps.done()) {
            assertThat(steps.step().index()).isEqualTo(count++);
        }
        backward.backward();
        List<Value> a = stepped.topologicalOrder();
        List<Value> b = backward.topologicalOrder();
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).grad()).as("node %d (%s)", i, a.get(i).op()).isEqualTo(b.get(i).grad());
        }
        assertThat(count).isEqualTo(a.stream().filter(v -> !v.op().isEmpty()).count());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void rulesFireInReverseTopologicalOrder(long seed) {
        Value root = randomGraph(new Rng(seed));
        List<Value> interior = new ArrayList<>(root.topologicalOrder().stream().filter(v -> !v.op().isEmpty()).toList());
        java.util.Collections.reverse(interior);
        assertThat(Backprop.from(root).order()).containsExactlyElementsOf(interior);
    }

    @Test
    void multiplicationSwaps() {
        Value x1 = Value.of(2, "x1");
        Value w1 = Value.of(3, "w1");
        Value o1 = x1.mul(w1).named("o1");
        Backprop.Step step = Backprop.from(o1, 2.0, LABELS).step();
        assertThat(step.explanation()).isEqualTo("× swaps: x1.grad += w1 · o1.grad = 3.0 · 2.0 = 6.0; "
                + "w1.grad += x1 · o1.grad = 2.0 · 2.0 = 4.0");
        assertThat(x1.grad()).isEqualTo(6.0);
        assertThat(w1.grad()).isEqualTo(4.0);
        assertThat(step.receivers()).containsExactly(x1, w1);
    }

    @Test
    void additionPassesItOn() {
        Value a = Value.of(1, "o1");
        Value b = Value.of(-4, "o2");
        Value h1 = a.add(b).named("h1");
        assertThat(Backprop.from(h1, 2.0, LABELS).step().explanation()).isEqualTo("+ passes it on: o1.grad, o2.grad += 1 · h1.grad = 2.0");
        assertThat(a.grad()).isEqualTo(2.0);
        Value n = Value.sum(List.of(Value.of(1, "x1·w1"), Value.of(2, "b"))).named("n");
        assertThat(Backprop.from(n, 0.5, LABELS).step().explanation()).isEqualTo("+ passes it on: (x1·w1).grad, b.grad += 1 · n.grad = 0.5");
    }

    @Test
    void tanhOnThePostsNeuron() {
        Value n = Value.of(0.8813735870195432, "n");
        Value o = n.tanh().named("o");
        assertThat(Backprop.from(o).step().explanation()).isEqualTo("tanh: n.grad += (1 − o²) · o.grad = (1 − 0.7071²) · 1.0 = 0.5");
        assertThat(n.grad()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void eachUnaryOpSaysItsRuleWithTheNumbersItAdds() {
        assertThat(unary(Value.of(0.5, "a").exp(), 2)).isEqualTo("exp is its own slope: a.grad += out · out.grad = 1.6487 · 2.0 = 3.2974");
        assertThat(unary(Value.of(4, "a").log(), 2)).isEqualTo("log: a.grad += out.grad / a = 2.0 / 4.0 = 0.5");
        assertThat(unary(Value.of(1.5, "a").relu(), 2)).isEqualTo("relu lets it through (a > 0): a.grad += 1 · out.grad = 2.0");
        assertThat(unary(Value.of(-1.5, "a").relu(), 2)).isEqualTo("relu blocks it (a ≤ 0): a.grad += 0 · out.grad = 0.0");
        assertThat(unary(Value.of(0, "a").sigmoid(), 2)).isEqualTo("sigmoid: a.grad += out · (1 − out) · out.grad = 0.5 · (1 − 0.5) · 2.0 = 0.5");
        assertThat(unary(Value.of(3, "a").pow(2), 1)).isEqualTo("power rule: a.grad += 2.0 · a · out.grad = 2.0 · 3.0 · 1.0 = 6.0");
        assertThat(unary(Value.of(2, "a").pow(-1), 1)).isEqualTo("power rule: a.grad += -1.0 · a^(-2.0) · out.grad = -1.0 · 2.0^(-2.0) · 1.0 = -0.25");
    }

    @Test
    void theRulesNumbersAreTheGradientsItAdds() {
        // Whatever the wording, the number after the last "=" is what the input received.
        for (double x : new double[] {-2.3, -0.4, 0.7, 1.9}) {
            List<Function<Value, Value>> ops = List.of(Value::exp, Value::tanh, Value::sigmoid, Value::relu, v -> v.pow(3));
            for (Function<Value, Value> op : ops) {
                Value a = Value.of(x, "a");
                String line = unary(op.apply(a), -1.7);
                assertThat(line).endsWith("= " + Rules.number(a.grad()));
            }
        }
    }

    @Test
    void powerWithAValueExponentTeachesBothSlopes() {
        Value a = Value.of(2, "a");
        Value k = Value.of(3, "k");
        String line = Backprop.from(a.pow(k).named("p"), 1, LABELS).step().explanation();
        assertThat(line).startsWith("power rule: a.grad += k · a^(k − 1) · p.grad = 3.0 · 2.0^2.0 · 1.0 = 12.0")
                .endsWith("k.grad += p · ln a · p.grad = 8.0 · ln 2.0 · 1.0 = " + Rules.number(k.grad()));
    }

    @Test
    void aNodeUsedTwiceIsToldItsGradientsAddUp() {
        Value a = Value.of(3, "a");
        Value b = Value.of(2, "b");
        Value left = a.mul(b).named("ab");
        Value out = left.add(a).named("out");
        Backprop steps = Backprop.from(out, 1, LABELS);
        Backprop.Step plus = steps.step();
        assertThat(plus.explanation()).doesNotContain("twice");
        Backprop.Step times = steps.step();
        assertThat(times.explanation()).endsWith("a.grad is now 3.0, it is used twice and its grads add up");
        assertThat(a.grad()).isEqualTo(3.0);
        Value c = Value.of(3, "c");
        Value square = c.mul(c).named("cc");
        assertThat(Backprop.from(square, 1, LABELS).step().explanation()).endsWith("c.grad is now 6.0, it is used twice and its grads add up");
    }

    @Test
    void theRootIsSeededAndALeafHasNothingToFire() {
        Value leaf = Value.of(1, "x");
        Backprop steps = Backprop.from(leaf, 2.5, LABELS);
        assertThat(leaf.grad()).isEqualTo(2.5);
        assertThat(steps.done()).isTrue();
        assertThat(steps.run()).isNull();
        assertThatThrownBy(steps::step).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void numbersReadAsThePostWritesThem() {
        assertThat(Rules.number(4)).isEqualTo("4.0");
        assertThat(Rules.number(0.70710678)).isEqualTo("0.7071");
        assertThat(Rules.number(-2.96)).isEqualTo("-2.96");
        assertThat(Rules.number(-0.00001)).isEqualTo("-1.0E-5");
        assertThat(Rules.number(-0.00004999)).startsWith("-4.999");
        assertThat(Rules.number(0)).isEqualTo("0.0");
    }

    private static String unary(Value out, double seed) {
        return Backprop.from(out.named("out"), seed, LABELS).step().explanation();
    }

    static IntStream seeds() {
        return IntStream.range(0, 30);
    }

    /** A random graph over a few leaves, nodes reused, every op of the scalar engine, one root. */
    static Value randomGraph(Rng random) {
        return randomGraph(random, null);
    }

    /** The same graph as {@link #randomGraph(Rng)} with the same seed, its i-th leaf holding {@code leaves[i]} if given. */
    static Value randomGraph(Rng random, double[] leafData) {
        List<Value> pool = new ArrayList<>();
        int leaves = 2 + random.nextInt(4);
        for (int i = 0; i < leaves; i++) {
            double drawn = random.nextDouble(-2, 2);
            pool.add(Value.of(leafData == null ? drawn : leafData[i % leafData.length], "x" + i));
        }
        int ops = 3 + random.nextInt(25);
        for (int i = 0; i < ops; i++) {
            Value a = pool.get(random.nextInt(pool.size()));
            Value b = pool.get(random.nextInt(pool.size()));
            Value made = switch (random.nextInt(11)) {
                case 0 -> a.add(b);
                case 1 -> a.mul(b);
                case 2 -> a.tanh();
                case 3 -> a.relu();
                case 4 -> a.sigmoid();
                case 5 -> a.tanh().exp();
                case 6 -> a.pow(2);
                case 7 -> Value.sum(List.of(a, b, a));
                case 8 -> a.mul(a).add(1).log();
                case 9 -> a.sigmoid().pow(b.tanh());
                default -> a.sub(b).div(3);
            };
            pool.add(made);
        }
        return Value.sum(pool.subList(leaves, pool.size()));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "x1·w1 | (x1·w1)", "o − y | (o − y)", "−y | (−y)", "h1_2 | h1_2", "w1 | w1", "(+) | (+)"})
    void aNameThatIsAFormulaIsBracketedSoItsGradCannotBeMisread(String name, String written) {
        assertThat(Backprop.bracketed(name)).isEqualTo(written);
    }
}
