package dev.jgrad.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graphs far deeper than Java's default stack could recurse through (it overflows near 10,000 frames). */
class DeepGraphTest {
    private static final int MILLION = 1_000_000;

    @Test
    void backwardThroughAMillionNodeChain() {
        Value x = Value.of(1.0, "x");
        Value y = x;
        for (int i = 0; i < MILLION; i++) {
            y = y.add(x);
        }
        y.backward();
        assertThat(y.data()).isEqualTo(MILLION + 1);
        assertThat(x.grad()).isEqualTo(MILLION + 1);
    }

    @Test
    void backwardThroughAMillionTermSum() {
        List<Value> terms = new ArrayList<>(MILLION);
        for (int i = 0; i < MILLION; i++) {
            terms.add(Value.of(i % 7));
        }
        Value w = Value.of(2.0, "w");
        Value s = Value.sum(terms).mul(w);
        s.backward();
        assertThat(w.grad()).isEqualTo(s.data() / 2);
        assertThat(terms).allSatisfy(t -> assertThat(t.grad()).isEqualTo(2.0));
        assertThat(s.topologicalOrder()).hasSize(MILLION + 3);
    }
}
