package dev.jgrad.io;

import java.nio.charset.StandardCharsets;

/**
 * {@link Decimal}'s syntax read straight from a file's bytes, without a String per cell. A number
 * of at most 15 significant digits whose decimal exponent is within ±22 is one exactly rounded
 * multiplication or division of two exactly represented doubles (the digits, below 2⁵³, and a power
 * of ten, below 2⁷⁰ with 22 trailing zero bits), so it has {@link Double#parseDouble}'s bits; any
 * other number is handed to {@code Double.parseDouble}.
 */
final class DecimalBytes {
    /** What {@link #parse} answers for bytes that are not a number in decimal syntax. */
    static final double NOT_A_NUMBER = Double.NaN;

    static final double[] POWERS = new double[23];

    static {
        POWERS[0] = 1;
        for (int k = 1; k < POWERS.length; k++) {
            POWERS[k] = POWERS[k - 1] * 10;
        }
    }

    private DecimalBytes() {
    }

    /**
     * The number {@code b[from … to)} writes with {@code point} as its decimal mark, or NaN when it
     * is not [+-] digits [mark digits] [e [+-] digits] with a digit before or after the mark. The
     * result may be infinite (1e400): the caller decides what that means.
     */
    static double parse(byte[] b, int from, int to, byte point) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i++] == '-';
        }
        long digits = 0;
        int significant = 0, scale = 0, count = 0;
        boolean afterPoint = false;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d >= 0 && d <= 9) {
                count++;
                if (digits != 0 || d != 0) {
                    if (++significant > 15) {
                        return slow(b, from, to, point);
                    }
                    digits = digits * 10 + d;
                }
                scale -= afterPoint ? 1 : 0;
            } else if (b[i] == point && !afterPoint) {
                afterPoint = true;
            } else {
                break;
            }
        }
        if (count == 0) {
            return NOT_A_NUMBER;
        }
        if (i < to) {
            if (b[i] != 'e' && b[i] != 'E') {
                return NOT_A_NUMBER;
            }
            int exponent = exponent(b, i + 1, to);
            if (exponent == Integer.MIN_VALUE) {
                return NOT_A_NUMBER;
            }
            if (Math.abs(exponent) > 400) {
                return slow(b, from, to, point);
            }
            scale += exponent;
        }
        double v;
        if (digits == 0) {
            v = 0;
        } else if (scale >= 0 && scale < POWERS.length) {
            v = digits * POWERS[scale];
        } else if (scale < 0 && -scale < POWERS.length) {
            v = digits / POWERS[-scale];
        } else {
            return slow(b, from, to, point);
        }
        return negative ? -v : v;
    }

    /** The exponent's value, or MIN_VALUE when {@code b[from … to)} is not [+-] digits; above 10⁶ stays 10⁶. */
    private static int exponent(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i++] == '-';
        }
        if (i == to) {
            return Integer.MIN_VALUE;
        }
        int e = 0;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return Integer.MIN_VALUE;
            }
            e = Math.min(1_000_000, e * 10 + d);
        }
        return negative ? -e : e;
    }

    /** A number in decimal syntax beyond the fast path: Java's own correctly rounded reading. */
    private static double slow(byte[] b, int from, int to, byte point) {
        String text = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        if (point != '.') {
            if (text.indexOf('.') >= 0) {
                return NOT_A_NUMBER;
            }
            text = text.replace((char) point, '.');
        }
        return Decimal.isDecimal(text) ? Double.parseDouble(text) : NOT_A_NUMBER;
    }
}
