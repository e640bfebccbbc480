package dev.jgrad.io;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One column of a {@link Table}: its header name and one cell per row, either numbers or text
 * categories. A missing cell (one of {@link CsvFormat#missing()}, or empty) is NaN in a
 * {@link Numbers} column and code −1 in a {@link Categories} column; {@link #isMissing} answers for
 * both. The arrays are shared, not copied: treat them as read-only.
 */
public sealed interface Column permits Column.Numbers, Column.Categories {

    /** {@return the header's name for this column} */
    String name();

    /** {@return the number of cells (the table's rows)} */
    int size();

    /**
     * Whether the cell of {@code row} (0-based) is missing.
     *
     * @param row the row, from 0
     * @return whether it is missing
     */
    boolean isMissing(int row);

    /** {@return how many cells are missing} */
    default int missing() {
        int n = 0;
        for (int i = 0; i < size(); i++) {
            if (isMissing(i)) {
                n++;
            }
        }
        return n;
    }

    /** {@return the first row (0-based) whose cell is missing, or −1 when none is} */
    default int firstMissing() {
        for (int i = 0; i < size(); i++) {
            if (isMissing(i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A numeric column: {@code values[row]} is the cell's number, always finite, or NaN for a
     * missing cell. {@code TRUE}/{@code FALSE} and {@code yes}/{@code no} (any case) read as 1 and 0.
     */
    record Numbers(String name, double[] values) implements Column {
        /**
         * Refuses a null name or values.
         *
         * @param name the header
         * @param values one number per row, NaN for a missing cell
         */
        public Numbers {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(values, "values");
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public boolean isMissing(int row) {
            return Double.isNaN(values[row]);
        }

        /** Equal names and equal values, NaN equal to NaN. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Numbers n && name.equals(n.name) && Arrays.equals(values, n.values);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Numbers[" + name + ": " + values.length + " cells]";
        }
    }

    /**
     * A text column as category codes: {@code levels.get(codes[row])} is the cell's text, or
     * {@code codes[row]} is −1 for a missing cell. The levels are distinct and in the order they
     * first appear in the file. A column is read this way when none of its cells is a number, or
     * when {@link CsvFormat#text()} names it.
     */
    record Categories(String name, int[] codes, List<String> levels) implements Column {
        /**
         * Copies the levels; refuses a null name or codes.
         *
         * @param name the header
         * @param codes one level index per row, −1 for a missing cell
         * @param levels the distinct texts
         */
        public Categories {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(codes, "codes");
            levels = List.copyOf(levels);
        }

        @Override
        public int size() {
            return codes.length;
        }

        @Override
        public boolean isMissing(int row) {
            return codes[row] < 0;
        }

        /**
         * The text of the cell of {@code row}, or null when it is missing.
         *
         * @param row the row, from 0
         * @return the text
         */
        public String text(int row) {
            return codes[row] < 0 ? null : levels.get(codes[row]);
        }

        /** Equal names, codes and levels. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Categories c && name.equals(c.name) && Arrays.equals(codes, c.codes) && levels.equals(c.levels);
        }

        @Override
        public int hashCode() {
            return (name.hashCode() * 31 + Arrays.hashCode(codes)) * 31 + levels.hashCode();
        }

        @Override
        public String toString() {
            return "Categories[" + name + ": " + codes.length + " cells, levels " + levels + "]";
        }
    }
}
