package dev.jgrad.io;

import java.util.ArrayList;
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

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        pos++;
        if (peek() == ']') {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            list.add(value());
            char c = peek();
            pos++;
            if (c == ']') {
                depth--;
                return list;
            }
            if (c != ',') {
                pos--;
                throw expected("',' or ']'");
            }
        }
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

    private Double number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String n = text.substring(start, pos);
        if (n.isEmpty() || !n.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            pos = start;
            throw expected("a value");
        }
        double d = Double.parseDouble(n);
        if (Double.isInfinite(d)) {
            pos = start;
            throw error("number " + n + " is beyond the range of a double");
        }
        return d;
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

    /** Writes {@code value} as indented JSON; arrays of numbers or strings stay on one line. */
    public static String write(Object value) {
        return JsonWriter.write(value);
    }
}
