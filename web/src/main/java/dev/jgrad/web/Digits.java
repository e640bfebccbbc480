package dev.jgrad.web;

/**
 * Numbers in the tour's sentences and an expression's constants: as few digits as they need, at most four
 * decimals (26, 2.96, 0.7071).
 */
final class Digits {
    private Digits() {
    }

    static String plain(double x) {
        String s = GraphSvg.fixed(x);
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
}
