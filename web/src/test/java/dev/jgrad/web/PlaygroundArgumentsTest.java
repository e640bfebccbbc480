package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exports called from JavaScript with what JavaScript may pass: NaN, huge numbers, fractions. */
class PlaygroundArgumentsTest {
    @BeforeEach
    void freshSetup() {
        assertThat(PlaygroundTest.json(Playground.setup(""))).containsEntry("ok", true);
    }

    @Test
    void trainRefusesABudgetThatIsNotAFrames() {
        Map<String, Object> nan = PlaygroundTest.json(Playground.train(Double.NaN));
        assertThat(nan).containsEntry("ok", false);
        assertThat((String) nan.get("error")).isEqualTo("train: the budget must be 0 to 1000 ms, got NaN");
        assertThat(PlaygroundTest.json(Playground.train(1e12))).containsEntry("ok", false);
        assertThat(PlaygroundTest.json(Playground.stats()).get("epoch")).isEqualTo(0.0);
        // A budget of 0 still makes one update, mid-epoch: training goes by steps within a frame's budget.
        assertThat(PlaygroundTest.json(Playground.train(0)).get("step")).isEqualTo(1.0);
    }

    @Test
    void graphNamesANonNumberAsSuch() {
        Map<String, Object> point = PlaygroundTest.json(Playground.graph(1, 0, Double.NaN));
        assertThat(point).containsEntry("ok", false);
        assertThat((String) point.get("error")).startsWith("point NaN is not one of the ");
        Map<String, Object> layer = PlaygroundTest.json(Playground.graph(Double.NaN, 0, 0));
        assertThat((String) layer.get("error")).isEqualTo("a neuron is a whole layer and index, got NaN, 0");
    }

    @Test
    void aRefusedGraphLeavesTheOpenOneOpenRatherThanRepeatingItsError() {
        assertThat(PlaygroundTest.json(Playground.graph(1, 0, 0))).containsEntry("ok", true);
        assertThat(PlaygroundTest.json(Playground.graph(1, 99, 0))).containsEntry("ok", false);
        assertThat(PlaygroundTest.json(Playground.backpropStep())).containsEntry("ok", true);
    }
}
