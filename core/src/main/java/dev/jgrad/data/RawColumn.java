package dev.jgrad.data;

import java.util.List;

/**
 * One column of a table as read: numbers, or text whose cells are indices into {@code levels}
 * (each distinct text once, in the order first met). Either way a missing cell is NaN.
 *
 * @param levels the texts of a text column; empty for a numeric one
 */
public record RawColumn(String name, boolean text, List<String> levels) {

    public RawColumn {
        levels = List.copyOf(levels);
        if (!text && !levels.isEmpty()) {
            throw new IllegalArgumentException("numeric column '" + name + "' has no levels; got " + levels);
        }
    }

    /** A numeric column. */
    public static RawColumn numbers(String name) {
        return new RawColumn(name, false, List.of());
    }

    /** A text column of these texts. */
    public static RawColumn text(String name, List<String> levels) {
        return new RawColumn(name, true, levels);
    }
}
