package dev.jgrad.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** How categories are named and ordered: numbers by value, written without a needless ".0"; texts alphabetically. */
final class Categories {
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?[0-9]*,[0-9]+");

    private Categories() {
    }

    /** A number as a category: {@code 1} (not {@code 1.0}) for a whole number, else Java's shortest decimal. */
    static String name(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    static boolean looksNumeric(String text) {
        return NUMBER.matcher(text).matches();
    }

    /** Whether {@code text} is a number written with a decimal comma (R's write.csv2, many spreadsheets): 7,58 or -0,5. */
    static boolean decimalComma(String text) {
        return DECIMAL_COMMA.matcher(text).matches();
    }

    /** The categories sorted: by value when all are numbers, else as text. */
    static List<String> sorted(Collection<String> categories) {
        List<String> list = new ArrayList<>(categories);
        if (list.stream().allMatch(Categories::looksNumeric)) {
            list.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
        } else {
            list.sort(null);
        }
        return list;
    }
}
