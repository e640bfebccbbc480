package dev.jgrad.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader and writer, so that core can save models and read workloads with no
 * dependency. Values map to Java as: object ↔ {@code Map<String, Object>} (key order kept), array ↔
 * {@code List<Object>}, number ↔ {@code Double} when read (any {@code Number} when written), string,
 * boolean, and null. Doubles are written with {@link Double#toString}, which reads back to the same
 * bits.
 */
public final class Json {
    /** Deepest nesting of arrays and objects read; deeper input is an error, not a stack overflow. */
    public static final int MAX_DEPTH = 512;

    private final String text;
    private int pos;
    private int depth;

    private Json(String text) {
        this.text = text;
    }

    /**
     * Parses one JSON value. Throws {@link IllegalArgumentException} with a one-line message giving
     * the line and column of the first problem ("unexpected end of input" for a truncated text).
     * Objects with a repeated key, numbers beyond the range of a double, and nesting deeper than
     * {@link #MAX_DEPTH} are errors too: each would otherwise be read as something the text does not say.
     *
     * @param text JSON text
     * @return maps, lists, strings, numbers, booleans and null
     */
    public static Object parse(String text) {
        Json p = new Json(text);
        Object v = p.value();
        p.space();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "' after the end of the value");
        }
        return v;
    }

    private Object value() {
        space();
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(pos);
        if ((c == '{' || c == '[') && ++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> word("true", Boolean.TRUE);
            case 'f' -> word("false", Boolean.FALSE);
            case 'n' -> word("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        if (peek() == '}') {
            pos++;
            depth--;
            return map;
        }
        while (true) {
            if (peek() != '"') {
                throw expected("a string key");
            }
            int keyStart = pos;
            String key = string();
            if (map.containsKey(key)) {
                pos = keyStart;
                throw error("duplicate key \"" + key + "\"");
            }
            if (peek() != ':') {
                throw expected("':'");
            }
            pos++;
            map.put(key, value());
            char c = peek();
            pos++;
            if (c == '}') {
                depth--;
                return map;
            }
            if (c != ',') {
                pos--;
                throw expected("',' or '}'");
            }
            space();
        }
    }

    /**
     * An array; while its items are numbers they go into a {@code double[]} (a model's weights:
     * millions of them), returned as a {@link NumberList}, so that no Double is boxed per number.
     */
    private List<Object> array() {
        pos++;
        if (peek() == ']') {
            pos++;
            depth--;
            return new ArrayList<>();
        }
        double[] numbers = new double[8];
        int count = 0;
        List<Object> list = null;
        while (true) {
            space();
            if (list == null && pos < text.length() && (text.charAt(pos) == '-' || isDigit(text.charAt(pos)))) {
                if (count == numbers.length) {
                    numbers = Arrays.copyOf(numbers, count * 2);
                }
                numbers[count++] = number();
            } else {
                if (list == null) {
                    list = new ArrayList<>(count + 8);
                    for (int k = 0; k < count; k++) {
                        list.add(numbers[k]);
                    }
                }
                list.add(value());
            }
            char c = peek();
            pos++;
            if (c == ']') {
                depth--;
                return list != null ? list : new NumberList(Arrays.copyOf(numbers, count));
            }
            if (c != ',') {
                pos--;
                throw expected("',' or ']'");
            }
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String string() {
        StringBuilder s = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw error("unexpected end of input inside a string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return s.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("control character inside a string");
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("unexpected end of input inside a string");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> s.append(e);
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> s.append(unicode());
                default -> {
                    pos--;
                    throw error("bad escape '\\" + e + "'");
                }
            }
        }
    }

    private char unicode() {
        if (pos + 4 > text.length()) {
            throw error("unexpected end of input inside a string");
        }
        try {
            char c = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
            pos += 4;
            return c;
        } catch (NumberFormatException e) {
            throw error("bad \\u escape");
        }
    }

    private Object word(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw expected("a value");
        }
        pos += word.length();
        return value;
    }

    /** A number in JSON's grammar, checked by hand: a regular expression here cost more than the rest of a model's reading. */
    private double number() {
        int start = pos;
        int i = pos, n = text.length();
        if (i < n && text.charAt(i) == '-') {
            i++;
        }
        if (i < n && text.charAt(i) == '0') {
            i++;
        } else if (i < n && text.charAt(i) >= '1' && text.charAt(i) <= '9') {
            i = digits(i);
        } else {
            throw expected("a value");
        }
        if (i < n && text.charAt(i) == '.') {
            int f = i + 1;
            i = digits(f);
            if (i == f) {
                throw expected("a value");
            }
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int e = i + 1 < n && (text.charAt(i + 1) == '+' || text.charAt(i + 1) == '-') ? i + 2 : i + 1;
            i = digits(e);
            if (i == e) {
                throw expected("a value");
            }
        }
        if (i < n && "+-0123456789.eE".indexOf(text.charAt(i)) >= 0) {
            throw expected("a value"); // 1.2.3, 01, 1e5e5: the whole token is not a number
        }
        String s = text.substring(start, i);
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) {
            throw error("number " + s + " is beyond the range of a double");
        }
        pos = i;
        return d;
    }

    private int digits(int i) {
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private char peek() {
        space();
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        return text.charAt(pos);
    }

    private void space() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException expected(String what) {
        String found = pos < text.length() ? "'" + text.charAt(pos) + "'" : "the end of input";
        return error("expected " + what + " but found " + found);
    }

    private IllegalArgumentException error(String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new IllegalArgumentException("invalid JSON at line " + line + ", column " + column + ": " + message);
    }

    /**
     * Writes {@code value} as indented JSON; arrays of numbers or strings stay on one line.
     *
     * @param value maps, lists, strings, numbers, booleans and null
     * @return the JSON text
     */
    public static String write(Object value) {
        return JsonWriter.write(value);
    }
}
