package dev.jgrad.data;

import java.util.List;

/**
 * One column of a table as read: numbers, or text whose cells are indices into {@code levels}
 * (each distinct text once, in the order first met). Either way a missing cell is NaN.
 *
 * @param levels the texts of a text column; empty for a numeric one
 */
public record RawColumn(String name, boolean text, List<String> levels) {

    /**
     * Copies the levels; a numeric column has none.
     *
     * @param name the column's header
     * @param text whether it holds text
     * @param levels the texts of a text column
     */
    public RawColumn {
        levels = List.copyOf(levels);
        if (!text && !levels.isEmpty()) {
            throw new IllegalArgumentException("numeric column '" + name + "' has no levels; got " + levels);
        }
    }

    /**
     * A numeric column.
     *
     * @param name the column's header
     * @return the column
     */
    public static RawColumn numbers(String name) {
        return new RawColumn(name, false, List.of());
    }

    /**
     * A text column of these texts.
     *
     * @param name the column's header
     * @param levels its texts
     * @return the column
     */
    public static RawColumn text(String name, List<String> levels) {
        return new RawColumn(name, true, levels);
    }
}
