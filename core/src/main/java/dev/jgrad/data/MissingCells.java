package dev.jgrad.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Missing cells counted per column, with the first line of each, for one message that names them all. */
final class MissingCells {
    private final int rows;
    private final Map<String, int[]> counts = new LinkedHashMap<>();

    MissingCells(int rows) {
        this.rows = rows;
    }

    void add(String column, int line) {
        int[] c = counts.computeIfAbsent(column, k -> new int[] {0, line});
        c[0]++;
    }

    boolean any() {
        return !counts.isEmpty();
    }

    /**
     * Throws a {@link TableException} when a cell is missing: "missing values in 2 columns: 'age' 3
     * of 100 rows (first at line 7), …; {@code advice}".
     */
    void check(String where, String advice) {
        if (counts.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((column, c) -> parts.add("'" + column + "' " + c[0] + " of " + rows + " rows (first at line " + c[1] + ")"));
        throw new TableException(where + ": missing values in " + counts.size() + (counts.size() == 1 ? " column: " : " columns: ")
                + String.join(", ", parts) + "; " + advice);
    }
}
