package dev.jgrad.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The choices of one kind (e.g. "activation"): parse a name (any case), list the names. Built from
 * an explicit list rather than from an enum's class, so that it works for records too and needs no
 * reflection (the browser build has none).
 *
 * @param <T> what is chosen
 */
public final class Choices<T extends Named> {
    private final String kind;
    private final List<T> values;
    private final List<String> ids;

    private Choices(String kind, List<T> values, List<String> ids) {
        this.kind = kind;
        this.values = values;
        this.ids = ids;
    }

    /**
     * The choices {@code values} of {@code kind}, listed in that order. Refuses an empty list and ids
     * that are blank, not lower case, or repeated: parsing ignores case, so each id must be the only
     * spelling of its choice.
     *
     * @param <T> the type of the things chosen
     * @param kind what is chosen, e.g. "activation", as messages name it
     * @param values every choice, in the order listings show them
     * @return the choices, which parse and list their ids
     * @throws IllegalArgumentException for a blank kind, no values, or an id that is blank, not lower case or repeated
     */
    public static <T extends Named> Choices<T> of(String kind, List<T> values) {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("a kind of choices needs a name");
        }
        List<T> copy = List.copyOf(values);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no " + kind + " to choose from");
        }
        List<String> ids = new ArrayList<>();
        for (T value : copy) {
            String id = value.id();
            if (id == null || id.isBlank() || !id.equals(id.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(kind + " id '" + id + "' must be a non-blank lower-case name");
            }
            if (ids.contains(id)) {
                throw new IllegalArgumentException("duplicate " + kind + " id '" + id + "'");
            }
            ids.add(id);
        }
        return new Choices<>(kind, copy, List.copyOf(ids));
    }

    /**
     * The choice called {@code name}, in any case. Blanks around it are not trimmed: a front end that
     * wants that does it itself, so a model file's name is read exactly as written.
     *
     * @param name the name a user gave
     * @return the choice whose id it is
     * @throws IllegalArgumentException for an unknown, null or empty name; the message lists the ids
     */
    public T parse(String name) {
        // Locale.ROOT, not the default: in a Turkish locale "TANH".toLowerCase() is "tanh" with a dotless ı.
        int i = name == null ? -1 : ids.indexOf(name.toLowerCase(Locale.ROOT));
        if (i >= 0) {
            return values.get(i);
        }
        String near = name == null ? null : nearest(name, ids);
        throw new IllegalArgumentException("unknown " + kind + " '" + name + "'" + (near == null ? "" : " (did you mean " + near + "?)")
                + "; expected one of " + String.join(", ", ids));
    }

    /**
     * The one of {@code names} closest to {@code name} (ignoring case) when it is close enough to be a
     * slip of the keyboard, else null: at most one edit (a letter added, dropped, changed, or two
     * swapped) per three letters, and at least one; null too when two are as close (x9: x1 or x2?).
     * For "did you mean" in front ends' messages.
     *
     * @param name what the user typed
     * @param names the names it may have meant
     * @return the one it most likely meant, or null
     */
    public static String nearest(String name, List<String> names) {
        String best = null;
        boolean tied = false;
        int bestDistance = Math.max(1, name.length() / 3) + 1;
        for (String candidate : names) {
            int d = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
                tied = false;
            } else if (d == bestDistance && best != null && !best.equals(candidate)) {
                tied = true;
            }
        }
        return tied ? null : best;
    }

    /** Edits from a to b, a swap of neighbours counting as one (the optimal string alignment distance). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** {@return every choice, in the order given} */
    public List<T> values() {
        return values;
    }

    /** {@return every choice's id, in the same order} */
    public List<String> ids() {
        return ids;
    }

    /** {@return what is chosen, e.g. "activation": the word error messages use} */
    public String kind() {
        return kind;
    }

    @Override
    public String toString() {
        return kind + ": " + String.join(", ", ids);
    }
}
