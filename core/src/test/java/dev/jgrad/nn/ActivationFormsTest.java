package dev.jgrad.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.base.Rng;
import dev.jgrad.engine.Value;
import dev.jgrad.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each activation's three forms, side by side in {@link Activation}, against each other: the plain
 * double form computes the scalar graph's value to the bit (scoring without a graph must agree with
 * training), and the tensor form agrees with both in value and gradient.
 */
class ActivationFormsTest {
    static Stream<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        for (Activation a : Activation.values()) {
            for (long seed = 1; seed <= 3; seed++) {
                args.add(Arguments.of(a, seed));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("cases")
    void theThreeFormsAgree(Activation activation, long seed) {
        Rng rng = new Rng(seed);
        double[] x = new double[64];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(-6, 6);
        }
        x[0] = 0;
        x[1] = 800;
        x[2] = -800;
        Tensor t = Tensor.of(x, x.length).requireGrad();
        Tensor out = activation.apply(t);
        out.sum().backward();
        double[] tensorValues = out.data();
        double[] tensorGrads = t.grad();
        for (int i = 0; i < x.length; i++) {
            Value v = Value.of(x[i]);
            Value y = activation.apply(v);
            y.backward();
            assertThat(activation.apply(x[i])).as("plain form at %s", x[i]).isEqualTo(y.data());
            assertThat(tensorValues[i]).as("tensor value at %s", x[i]).isCloseTo(y.data(), within(1e-15 * Math.max(1, Math.abs(y.data()))));
            assertThat(tensorGrads[i]).as("tensor gradient at %s", x[i]).isCloseTo(v.grad(), within(1e-14));
        }
    }
}
