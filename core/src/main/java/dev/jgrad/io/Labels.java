package dev.jgrad.io;

import java.util.List;

/**
 * How a label as written in a file is matched to a class name: by its text, or, when both are
 * numbers, by value, so that a test file's {@code 1.0} is the class a training file wrote {@code 1}.
 */
final class Labels {
    private Labels() {
    }

    /** The index of {@code label}'s class in {@code classes}, or −1 when it is none of them. */
    static int indexOf(List<String> classes, String label) {
        int exact = classes.indexOf(label);
        if (exact >= 0) {
            return exact;
        }
        double value = number(label);
        if (Double.isNaN(value)) {
            return -1;
        }
        for (int c = 0; c < classes.size(); c++) {
            if (number(classes.get(c)) == value) {
                return c;
            }
        }
        return -1;
    }

    /** The label's value if it is a finite number in {@link Decimal} syntax ({@code 1d} is a name, not 1), else NaN. */
    static double number(String label) {
        if (!Decimal.isDecimal(label)) {
            return Double.NaN;
        }
        double v = Double.parseDouble(label);
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
