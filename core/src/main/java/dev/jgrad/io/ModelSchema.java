package dev.jgrad.io;

import dev.jgrad.data.Features;
import dev.jgrad.nn.Network;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys a model file may hold, checked in full: a misspelt key would otherwise be ignored, and
 * a prediction quietly made without what it named ({@code "clases"} gave bare class indices).
 * Metadata stays open to a program's own keys, except those one letter (or a letter's case) away
 * from a key jgrad reads.
 */
final class ModelSchema {
    /**
     * The root's keys; the first four are required ("scaler" is there from version 2, for scaled
     * inputs; "task" and "target", the target's scaler, from version 3, for regression models).
     */
    static final List<String> ROOT = List.of("format", "version", "inputs", "layers", "metadata", "scaler", "task", "target");
    static final List<String> LAYER = List.of("activation", "weights", "biases");
    /** The scaler's keys; the first three are required. */
    static final List<String> SCALER = List.of("kind", "shift", "scale", "constant");
    /** The metadata keys that change what a loaded model predicts. */
    static final Set<String> READ = Set.of("classes", "features", "loss", "labelColumn", "transform");
    static final int QUOTED_ITEMS = 10;
    static final int QUOTED_CHARS = 200;

    private ModelSchema() {
    }

    /** Every key of {@code object} is one of {@code allowed}, and each required one is there. */
    static void exactly(Map<?, ?> object, List<String> allowed, List<String> required, String where) {
        for (Object key : object.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown key \"" + shown(key) + "\" in " + where + "; expected "
                        + String.join(", ", allowed));
            }
        }
        for (String key : required) {
            if (!object.containsKey(key)) {
                throw new IllegalArgumentException(where + " has no \"" + key + "\"");
            }
        }
    }

    /** A metadata key that looks like a misspelling of one jgrad reads. */
    static void noNearMisses(Map<String, Object> metadata) {
        for (String key : metadata.keySet()) {
            for (String known : READ) {
                if (!key.equals(known) && (key.equalsIgnoreCase(known) || oneEditApart(key, known))) {
                    throw new IllegalArgumentException("the metadata key \"" + shown(key) + "\" looks like \"" + known
                            + "\", which predictions read; correct it (or rename a key of your own)");
                }
            }
        }
    }

    /** Whether one insertion, deletion or substitution turns {@code a} into {@code b}. */
    static boolean oneEditApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0, j = 0, edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (a.length() < b.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) == 1;
    }

    /**
     * The class and feature names must fit the network, or predictions would be labelled with the
     * wrong names (or with bare indices) without a word.
     */
    static void checkMetadata(Map<String, Object> metadata, Network model, boolean regression) {
        if (regression && metadata.containsKey("classes")) {
            throw new IllegalArgumentException("a regression model predicts numbers, but the metadata names classes "
                    + shown(metadata.get("classes")));
        }
        if (metadata.containsKey("classes")) {
            List<?> classes = names(metadata.get("classes"), "classes");
            int k = classes.size();
            if (k < 2 || new HashSet<>(classes).size() != k) {
                throw new IllegalArgumentException("the metadata's \"classes\" should name at least 2 different classes, not " + shown(classes));
            }
            int outputs = model.outputs();
            if (outputs != k && !(outputs == 1 && k == 2)) {
                throw new IllegalArgumentException("the metadata names " + k + " classes " + shown(classes) + ", but the model has "
                        + outputs + (outputs == 1 ? " output (2 classes)" : " outputs (" + outputs + " classes)"));
            }
        }
        int raw = model.inputs();
        if (metadata.containsKey("transform")) {
            // jgrad train --features: the model reads functions of 2 raw columns, one per input.
            List<?> ids = names(metadata.get("transform"), "transform");
            Features transform = Features.of(ids.stream().map(String::valueOf).toList());
            if (transform.size() != model.inputs()) {
                throw new IllegalArgumentException("the metadata's \"transform\" " + shown(transform) + " makes " + transform.size()
                        + " inputs, but the model takes " + model.inputs());
            }
            raw = 2;
        }
        if (metadata.containsKey("features")) {
            List<?> features = names(metadata.get("features"), "features");
            if (new HashSet<>(features).size() != features.size()) {
                throw new IllegalArgumentException("the metadata's \"features\" name a column twice: " + shown(features)
                        + "; each input reads its own column");
            }
            if (features.size() != raw) {
                throw new IllegalArgumentException("the metadata names " + features.size() + " features " + shown(features)
                        + ", but the model takes " + raw + (raw == 1 ? " input" : " inputs")
                        + (raw == model.inputs() ? "" : " (its transform makes " + model.inputs() + " of them)"));
            }
        }
    }

    /**
     * {@code o} as a message may quote it: a list's first {@value #QUOTED_ITEMS} items and its size,
     * and at most {@value #QUOTED_CHARS} characters, so a file of 10⁶ class names gives a short line.
     */
    static String shown(Object o) {
        String s;
        if (o instanceof List<?> l && l.size() > QUOTED_ITEMS) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < QUOTED_ITEMS; i++) {
                b.append(shown(l.get(i))).append(", ");
            }
            s = b.append("… ").append(l.size()).append(" in all]").toString();
        } else if (o instanceof Map<?, ?> m && m.size() > QUOTED_ITEMS) {
            s = "an object of " + m.size() + " keys";
        } else {
            s = String.valueOf(o);
        }
        return s.length() <= QUOTED_CHARS ? s : s.substring(0, QUOTED_CHARS) + "… (" + s.length() + " characters)";
    }

    private static List<?> names(Object o, String what) {
        if (!(o instanceof List<?> l) || !l.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException("the metadata's \"" + what + "\" should be a list of names, not " + shown(o));
        }
        return l;
    }

}
