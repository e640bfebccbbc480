package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LandscapePresetTest {
    /** Each preset is a setup the engine takes, on the page's default data and on the post's circle network. */
    @Test
    void everyPresetIsASetupTheEngineTakes() {
        for (LandscapePreset p : LandscapePreset.ALL) {
            assertThat(PlaygroundTest.json(Playground.setup(p.query()))).as(p.id()).containsEntry("ok", true);
            assertThat(PlaygroundTest.json(Playground.setup("hidden=9&" + p.query()))).as(p.id()).containsEntry("ok", true);
        }
    }

    /** The keys applying a preset resets are exactly those some preset sets, each a control of the page. */
    @Test
    void theKeysAPresetResetsAreTheOnesThePresetsSet() {
        assertThat(LandscapePreset.keys()).containsExactly("optimizer", "lr", "momentum", "batch");
        assertThat(LandscapePreset.keys()).allSatisfy(k -> assertThat(Control.named(k)).as(k).isNotNull());
    }

    /** The export hands the page every preset, in order, with its id, words and setup, and the keys. */
    @Test
    @SuppressWarnings("unchecked")
    void theExportListsEveryPresetInOrder() {
        Map<String, Object> a = PlaygroundTest.json(Playground.landscapePresets());
        List<Map<String, Object>> presets = (List<Map<String, Object>>) a.get("presets");
        assertThat(presets).extracting(m -> m.get("id")).containsExactly(
                LandscapePreset.ALL.stream().map(LandscapePreset::id).toArray());
        assertThat(presets.get(3)).containsEntry("label", "momentum's oscillation").containsEntry("slow", true)
                .containsEntry("query", LandscapePreset.MOMENTUM.query());
        assertThat(presets).allSatisfy(m -> assertThat((String) m.get("id")).startsWith("landscape-preset-"));
        assertThat((List<Object>) a.get("keys")).containsExactly("optimizer", "lr", "momentum", "batch");
    }
}
