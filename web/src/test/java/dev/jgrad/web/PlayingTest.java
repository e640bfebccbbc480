package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the play loop is answered: the last finished epoch's measure, the trainer's own, not a new pass each frame. */
class PlayingTest {
    @ParameterizedTest
    @ValueSource(strings = {"data=circle&hidden=8,8&batch=10", "data=xor&hidden=16,16,16,16,16,16&batch=10&seed=3"})
    void playingAnswersTheLastEpochsMeasureAndPausedTheWeightsOwn(String query) {
        Playground.setup(query);
        Map<String, Object> first = PlaygroundTest.json(Playground.train(0));
        assertThat(first).as("before an epoch ends: the weights now").isEqualTo(PlaygroundTest.json(Playground.stats()));
        Map<String, Object> end = PlaygroundTest.json(Playground.epoch());
        assertThat(end.get("epoch")).isEqualTo(1.0);
        Map<String, Object> playing = PlaygroundTest.json(Playground.train(0));
        Map<String, Object> paused = PlaygroundTest.json(Playground.stats());
        assertThat(playing.get("step")).isEqualTo((double) end.get("step") + 1);
        for (String key : new String[] {"trainLoss", "trainAccuracy", "testLoss", "testAccuracy"}) {
            assertThat(playing.get(key)).as(key).isEqualTo(end.get(key));
        }
        assertThat(paused.get("trainLoss")).as("one update later, the weights' own loss").isNotEqualTo(end.get("trainLoss"));
    }
}
