package dev.jgrad.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lesson the landscape panel sets up at one press: the controls it changes, as a URL query that {@link Setup#parse}
 * reads, the words on its button and a line on what the path will do. The page builds its buttons from {@link #ALL}
 * ({@code Playground.landscapePresets()}) and the tour opens one by its id, so neither keeps a copy.
 *
 * @param id the button's data-testid
 * @param label the button's text
 * @param query the controls it sets; the others that some preset sets ({@link #keys()}) go back to their defaults
 * @param explain what the learner will see, the button's title
 * @param slow whether the page trains it an epoch a tick rather than playing, so that every step is on the path (a full
 *     batch is one step an epoch, and playing would run dozens between two looks)
 */
record LandscapePreset(String id, String label, String query, String explain, boolean slow) {
    static final LandscapePreset LARGE = new LandscapePreset("landscape-preset-large", "lr too large", "optimizer=sgd&lr=3",
            "sgd with lr 3: the steps overshoot the valley, then diverge", false);
    static final LandscapePreset SMALL = new LandscapePreset("landscape-preset-small", "lr too small", "optimizer=sgd&lr=0.001",
            "sgd with lr 0.001: the path crawls", false);
    static final LandscapePreset ADAM = new LandscapePreset("landscape-preset-adam", "adam", "optimizer=adam&lr=0.01",
            "adam, lr 0.01: steps scaled by the gradients' history", false);
    static final LandscapePreset MOMENTUM = new LandscapePreset("landscape-preset-momentum", "momentum's oscillation",
            "optimizer=sgd&lr=0.5&momentum=0.9&batch=full",
            "sgd with momentum 0.9, lr 0.5, full batch: the velocity carries the path past the valley floor and back, again and again",
            true);
    static final List<LandscapePreset> ALL = List.of(LARGE, SMALL, ADAM, MOMENTUM);

    /** The controls some preset sets, in the order they first appear: applying a preset puts the others' back. */
    static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (LandscapePreset p : ALL) {
            for (String pair : Cut.at(p.query, '&')) {
                String key = pair.substring(0, pair.indexOf('='));
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /** {@code {"ok":true,"presets":[{"id","label","query","explain","slow"},…],"keys":[…]}}: what the page builds. */
    static String answer() {
        List<Object> list = new ArrayList<>();
        for (LandscapePreset p : ALL) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id);
            m.put("label", p.label);
            m.put("query", p.query);
            m.put("explain", p.explain);
            m.put("slow", p.slow);
            list.add(m);
        }
        return Answers.ok("presets", list, "keys", keys());
    }
}
