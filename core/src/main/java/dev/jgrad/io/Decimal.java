package dev.jgrad.io;

/**
 * Numbers as CSV files and JSON write them: an optional sign, digits with an optional decimal
 * point, an optional exponent. {@link Double#parseDouble} also takes Java's own syntax — {@code 1d},
 * {@code 3f}, {@code 0x1p3}, {@code NaN}, surrounding blanks — which no spreadsheet means, so a cell
 * like {@code 1d} would silently read as 1; here it is refused.
 */
public final class Decimal {
    private Decimal() {
    }

    /**
     * The number {@code text} writes, or a NumberFormatException when it is not in decimal syntax.
     *
     * @param text the cell
     * @return its number
     */
    public static double parse(String text) {
        if (!isDecimal(text)) {
            throw new NumberFormatException("not a decimal number: '" + text + "'");
        }
        return Double.parseDouble(text);
    }

    /**
     * Whether {@code text} is [+-] digits [. digits] [e [+-] digits], with a digit before or after the point.
     *
     * @param text the cell
     * @return whether it reads as a number
     */
    public static boolean isDecimal(String text) {
        int i = 0, n = text.length();
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
