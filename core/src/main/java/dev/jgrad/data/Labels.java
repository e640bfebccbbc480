package dev.jgrad.data;

import java.util.List;

/**
 * How a label as written in a file is matched to a class name: by its text, or, when both are
 * numbers, by value, so that a test file's {@code 1.0} is the class a training file wrote {@code 1}.
 */
public final class Labels {
    private Labels() {
    }

    /** The index of {@code label}'s class in {@code classes}, or −1 when it is none of them. */
    public static int indexOf(List<String> classes, String label) {
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

    /** The label's value if it is a finite number, else NaN. */
    public static double number(String label) {
        try {
            double v = Double.parseDouble(label.strip());
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
