package dev.jgrad.web;

/**
 * Numbers as the page writes them: four decimals in a graph's boxes and its explanations, as the post's boxes
 * ({@link #fixed}); as few digits as they need, at most four decimals, in the tour's sentences and an expression's
 * constants (26, 2.96, 0.7071: {@link #plain}).
 */
final class Digits {
    private Digits() {
    }

    static String plain(double x) {
        String s = fixed(x);
        if (s.indexOf('.') < 0 || s.indexOf('E') >= 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        String t = s.substring(0, end);
        return t.equals("-0") ? "0" : t;
    }

    /** Four decimals, as the post's boxes: 0.8814, -3.0000; far from 1, four significant digits ({@link #scientific}). */
    static String fixed(double x) {
        double a = Math.abs(x);
        if (!Double.isFinite(x) || a >= 1e9 || (a != 0 && a < 5e-5)) {
            return scientific(x);
        }
        return decimals(x, 4);
    }

    /**
     * Four significant digits and a power of ten, -1.298E-5: short enough for a box's cell, where Java's seventeen
     * digits (-1.2977995519568033E-5) ran over the next cell. Zero, infinities and NaN as Java writes them.
     */
    static String scientific(double x) {
        if (!Double.isFinite(x) || x == 0) {
            return Double.toString(x);
        }
        int e = (int) Math.floor(Math.log10(Math.abs(x)));
        String m = decimals(mantissa(x, e), 3);
        if (m.startsWith("10.") || m.startsWith("-10.")) { // 9.99995 rounds up to the next power
            e++;
            m = decimals(mantissa(x, e), 3);
        }
        return m + "E" + e;
    }

    /** x ÷ 10^e, in two steps where 10^e alone would underflow (subnormals reach e = −324). */
    private static double mantissa(double x, int e) {
        return e < -300 ? x * 1e300 / Math.pow(10, e + 300) : x / Math.pow(10, e);
    }

    /** {@code x} with exactly {@code places} decimals (0 ≤ places ≤ 9, |x| < 1e9). */
    static String decimals(double x, int places) {
        int unit = 1;
        for (int k = 0; k < places && k < 9; k++) {
            unit *= 10;
        }
        double scaledUp = Math.abs(x) * unit;
        // int arithmetic where it fits: TeaVM emulates long in JavaScript, and this runs for every number drawn.
        if (scaledUp < 2e9) {
            int scaled = (int) Math.round(scaledUp);
            return (x < 0 && scaled != 0 ? "-" : "") + (scaled / unit) + fraction(scaled % unit, places);
        }
        long scaled = Math.round(scaledUp);
        return (x < 0 && scaled != 0 ? "-" : "") + (scaled / unit) + fraction((int) (scaled % unit), places);
    }

    private static String fraction(int digits, int places) {
        if (places == 0) {
            return "";
        }
        String d = Integer.toString(digits);
        StringBuilder b = new StringBuilder(places + 1).append('.');
        for (int k = d.length(); k < places; k++) {
            b.append('0');
        }
        return b.append(d).toString();
    }
}
