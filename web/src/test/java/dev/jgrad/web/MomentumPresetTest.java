package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The landscape's momentum preset makes a lesson of it: its path swings back and forth where plain SGD's does not. */
class MomentumPresetTest {
    /** The preset's setup, as the page applies it on the post's circle. */
    static final String PRESET = LandscapePreset.MOMENTUM.query();

    @Test
    void thePresetsPathTurnsBackMoreThanTwiceAsOftenAsPlainSgds() {
        int momentum = reversals(PRESET);
        int plain = reversals(PRESET.replace("&momentum=0.9", ""));
        assertThat(momentum).isGreaterThan(2 * plain);
    }

    /** How often parameter a's path turns back over 60 epochs. */
    static int reversals(String query) {
        assertThat(PlaygroundTest.json(Playground.setup(query))).containsEntry("ok", true);
        List<Double> a = new ArrayList<>();
        for (int e = 0; e < 60; e++) {
            Playground.epoch();
            Map<String, Object> now = PlaygroundTest.json(Playground.landscapeNow("0-0-0", "0-0-1"));
            a.add((Double) now.get("a"));
        }
        int turns = 0;
        for (int i = 2; i < a.size(); i++) {
            if ((a.get(i) - a.get(i - 1)) * (a.get(i - 1) - a.get(i - 2)) < 0) {
                turns++;
            }
        }
        return turns;
    }
}
