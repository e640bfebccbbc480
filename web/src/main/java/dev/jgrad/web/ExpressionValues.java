package dev.jgrad.web;

import dev.jgrad.io.Decimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values an expression is evaluated at, as the learner types them: {@code x1=2, w1=-3, b=6.88}
 * (commas, semicolons or spaces between; each name once). A problem is one line naming its column.
 */
final class ExpressionValues {
    private ExpressionValues() {
    }

    /** The names and their values, in the order typed. */
    static Map<String, Double> parse(String text) {
        Map<String, Double> values = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ',' || text.charAt(i) == ';')) {
                i++;
            }
            if (i == n) {
                return values;
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                i++;
            }
            String name = text.substring(start, i);
            if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
                throw problem(start, "expected a name such as w1 but found '" + text.charAt(start) + "'");
            }
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            if (i == n || text.charAt(i) != '=') {
                throw problem(i, "expected '=' and a number after " + name);
            }
            i++;
            int at = i;
            while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != ',' && text.charAt(i) != ';') {
                i++;
            }
            String literal = text.substring(at, i).replace('\u2212', '-');
            if (!Decimal.isDecimal(literal)) {
                throw problem(at, name + "=" + literal + ": '" + literal + "' is not a number");
            }
            if (values.put(name, Decimal.parse(literal)) != null) {
                throw problem(start, name + " is given twice");
            }
        }
    }

    /** The values as the URL keeps them: {@code x1=2, w1=-3}; each number reads back as the same double. */
    static String text(Map<String, Double> values) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Double> e : values.entrySet()) {
            double v = e.getValue();
            String number = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
            s.append(s.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(number);
        }
        return s.toString();
    }

    private static IllegalArgumentException problem(int at, String message) {
        return new IllegalArgumentException("values, column " + (at + 1) + ": " + message);
    }
}
