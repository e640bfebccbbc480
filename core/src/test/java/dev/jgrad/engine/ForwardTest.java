package dev.jgrad.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ForwardTest {
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aPassAfterNewLeavesEqualsBuildingTheGraphAfresh(long seed) {
        Rng other = new Rng(seed + 1000);
        double[] fresh = IntStream.range(0, 6).mapToDouble(i -> other.nextDouble(-2, 2)).toArray();
        Value changed = BackpropTest.randomGraph(new Rng(seed));
        for (Value v : changed.topologicalOrder()) {
            if (v.op().isEmpty() && v.label().startsWith("x")) {
                v.setData(fresh[Integer.parseInt(v.label().substring(1)) % fresh.length]);
            }
        }
        Forward.pass(changed);
        Value built = BackpropTest.randomGraph(new Rng(seed), fresh);
        assertThat(data(changed)).containsExactly(data(built));
        assertThat(data(changed)).isNotEqualTo(data(BackpropTest.randomGraph(new Rng(seed))));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aPassOverAnUntouchedGraphChangesNoBit(long seed) {
        Value root = BackpropTest.randomGraph(new Rng(seed));
        double[] before = data(root);
        Forward.pass(root);
        assertThat(data(root)).containsExactly(before);
    }

    private static double[] data(Value root) {
        return root.topologicalOrder().stream().mapToDouble(Value::data).toArray();
    }

    @Test
    void aNewWeightChangesTheOutputAsAFreshGraphWould() {
        Value x = Value.of(2, "x1");
        Value w = Value.of(3, "w1");
        Value b = Value.of(-1, "b");
        Value o = Value.sum(List.of(x.mul(w), b)).tanh().sigmoid().pow(2).exp().log().relu();
        w.setData(2.96);
        Forward.pass(o);
        Value fresh = Value.sum(List.of(Value.of(2).mul(Value.of(2.96)), Value.of(-1))).tanh().sigmoid().pow(2).exp().log().relu();
        assertThat(o.data()).isEqualTo(fresh.data());
    }

    @Test
    void aPinnedInnerNodeKeepsItsNudgedValue() {
        Value x = Value.of(2, "x");
        Value n = x.mul(x).named("n");
        Value o = n.add(1).pow(Value.of(2));
        n.setData(5);
        Forward.pass(o, n);
        assertThat(n.data()).isEqualTo(5);
        assertThat(o.data()).isEqualTo(36);
    }

    static IntStream seeds() {
        return IntStream.range(0, 20);
    }
}
