package dev.jgrad.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.jgrad.base.Rng;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every op's backward rule against a central difference (f(x+h) − f(x−h)) / 2h, over 100 seeded
 * inputs drawn inside its domain and away from kinks.
 */
class GradientCheckTest {
    private static final int SAMPLES = 100;
    private static final double H = 1e-6;
    private static final double TOLERANCE = 1e-6;

    static Stream<Arguments> unaryOps() {
        return Stream.of(
                Arguments.of("neg", (UnaryOperator<Value>) Value::neg, -5.0, 5.0),
                Arguments.of("exp", (UnaryOperator<Value>) Value::exp, -5.0, 3.0),
                Arguments.of("log", (UnaryOperator<Value>) Value::log, 0.1, 10.0),
                Arguments.of("tanh", (UnaryOperator<Value>) Value::tanh, -4.0, 4.0),
                Arguments.of("relu", (UnaryOperator<Value>) Value::relu, -5.0, 5.0),
                Arguments.of("sigmoid", (UnaryOperator<Value>) Value::sigmoid, -8.0, 8.0),
                Arguments.of("pow 2", (UnaryOperator<Value>) v -> v.pow(2), -4.0, 4.0),
                Arguments.of("pow 3", (UnaryOperator<Value>) v -> v.pow(3), -3.0, 3.0),
                Arguments.of("pow -1", (UnaryOperator<Value>) v -> v.pow(-1), 0.2, 4.0),
                Arguments.of("pow 0.5", (UnaryOperator<Value>) v -> v.pow(0.5), 0.1, 9.0),
                Arguments.of("add 2.5", (UnaryOperator<Value>) v -> v.add(2.5), -5.0, 5.0),
                Arguments.of("sub 2.5", (UnaryOperator<Value>) v -> v.sub(2.5), -5.0, 5.0),
                Arguments.of("mul -1.5", (UnaryOperator<Value>) v -> v.mul(-1.5), -5.0, 5.0),
                Arguments.of("div 4", (UnaryOperator<Value>) v -> v.div(4), -5.0, 5.0),
                Arguments.of("sum of itself thrice", (UnaryOperator<Value>) v -> Value.sum(List.of(v, v, v)), -5.0, 5.0));
    }

    static Stream<Arguments> binaryOps() {
        return Stream.of(
                Arguments.of("add", (BinaryOperator<Value>) Value::add, -5.0, 5.0, -5.0, 5.0),
                Arguments.of("sub", (BinaryOperator<Value>) Value::sub, -5.0, 5.0, -5.0, 5.0),
                Arguments.of("mul", (BinaryOperator<Value>) Value::mul, -5.0, 5.0, -5.0, 5.0),
                Arguments.of("div", (BinaryOperator<Value>) Value::div, -5.0, 5.0, 0.3, 5.0),
                Arguments.of("pow", (BinaryOperator<Value>) Value::pow, 0.2, 5.0, -2.5, 2.5),
                Arguments.of("sum", (BinaryOperator<Value>) (x, y) -> Value.sum(List.of(x, y, x.mul(y))), -3.0, 3.0, -3.0, 3.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unaryOps")
    void unaryBackwardMatchesCentralDifferences(String name, UnaryOperator<Value> f, double lo, double hi) {
        Rng random = new Rng(name.hashCode());
        for (int i = 0; i < SAMPLES; i++) {
            double x = draw(random, lo, hi, name.equals("relu"));
            Value in = Value.of(x);
            f.apply(in).backward();
            double numeric = (f.apply(Value.of(x + H)).data() - f.apply(Value.of(x - H)).data()) / (2 * H);
            assertThat(in.grad()).as("%s at %s", name, x).isCloseTo(numeric, offset(TOLERANCE * Math.max(1, Math.abs(numeric))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryOps")
    void binaryBackwardMatchesCentralDifferences(String name, BinaryOperator<Value> f,
                                                 double loA, double hiA, double loB, double hiB) {
        Rng random = new Rng(name.hashCode());
        for (int i = 0; i < SAMPLES; i++) {
            double x = draw(random, loA, hiA, false);
            double y = draw(random, loB, hiB, false);
            if (name.equals("div") && random.nextInt(2) == 1) {
                y = -y;
            }
            Value a = Value.of(x);
            Value b = Value.of(y);
            f.apply(a, b).backward();
            double fy = y;
            double dA = central(h -> f.apply(Value.of(x + h), Value.of(fy)).data());
            double dB = central(h -> f.apply(Value.of(x), Value.of(fy + h)).data());
            assertThat(a.grad()).as("d%s/da at (%s, %s)", name, x, y).isCloseTo(dA, offset(TOLERANCE * Math.max(1, Math.abs(dA))));
            assertThat(b.grad()).as("d%s/db at (%s, %s)", name, x, y).isCloseTo(dB, offset(TOLERANCE * Math.max(1, Math.abs(dB))));
        }
    }

    private static double central(java.util.function.DoubleUnaryOperator f) {
        return (f.applyAsDouble(H) - f.applyAsDouble(-H)) / (2 * H);
    }

    /** Uniform in [lo, hi]; for a kinked op, never within 1e-3 of the kink at 0. */
    private static double draw(Rng random, double lo, double hi, boolean avoidZero) {
        DoubleSupplier next = () -> lo + (hi - lo) * random.nextDouble();
        double x = next.getAsDouble();
        while (avoidZero && Math.abs(x) < 1e-3) {
            x = next.getAsDouble();
        }
        return x;
    }
}
