package dev.jgrad.io;

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
    /** The root's keys; the first four are required ("scaler" is there from version 2, for scaled inputs). */
    static final List<String> ROOT = List.of("format", "version", "inputs", "layers", "metadata", "scaler");
    static final List<String> LAYER = List.of("activation", "weights", "biases");
    /** The scaler's keys; the first three are required. */
    static final List<String> SCALER = List.of("kind", "shift", "scale", "constant");
    /** The metadata keys that change what a loaded model predicts. */
    static final Set<String> READ = Set.of("classes", "features", "loss", "labelColumn", "transform");

    private ModelSchema() {
    }

    /** Every key of {@code object} is one of {@code allowed}, and each required one is there. */
    static void exactly(Map<?, ?> object, List<String> allowed, List<String> required, String where) {
        for (Object key : object.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown key \"" + key + "\" in " + where + "; expected "
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
                    throw new IllegalArgumentException("the metadata key \"" + key + "\" looks like \"" + known
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
}
