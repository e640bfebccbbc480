package dev.jgrad.io;

import java.util.List;
import java.util.Map;

/** {@link Json#write}: indented JSON, arrays of numbers or strings on one line, doubles that read back bit for bit. */
final class JsonWriter {
    private JsonWriter() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, "");
        return out.append('\n').toString();
    }

    private static void write(Object v, StringBuilder out, String indent) {
        if (v instanceof Map<?, ?> map) {
            writeObject(map, out, indent);
        } else if (v instanceof List<?> list) {
            writeArray(list, out, indent);
        } else {
            scalar(v, out);
        }
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out, String indent) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        String inner = indent + "  ";
        out.append("{\n");
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.append(inner);
            quote(String.valueOf(e.getKey()), out);
            out.append(": ");
            write(e.getValue(), out, inner);
            out.append(++i < map.size() ? ",\n" : "\n");
        }
        out.append(indent).append('}');
    }

    private static void writeArray(List<?> list, StringBuilder out, String indent) {
        boolean flat = list.stream().noneMatch(x -> x instanceof Map || x instanceof List);
        String inner = indent + "  ";
        out.append(flat || list.isEmpty() ? "[" : "[\n");
        for (int i = 0; i < list.size(); i++) {
            if (!flat) {
                out.append(inner);
            }
            write(list.get(i), out, inner);
            if (i + 1 < list.size()) {
                out.append(flat ? ", " : ",\n");
            } else if (!flat) {
                out.append('\n');
            }
        }
        out.append(flat || list.isEmpty() ? "" : indent).append(']');
    }

    private static void scalar(Object v, StringBuilder out) {
        if (v == null || v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d + "; only finite numbers can be written");
            }
            // a Float as a float's decimal (about 8 digits, not the 17 of the double it widens to): it reads back as that float
            if (v instanceof Float f) {
                out.append(shortest(f));
            } else {
                out.append(d);
            }
        } else if (v instanceof Number) {
            out.append(v);
        } else if (v instanceof CharSequence || v instanceof Enum<?>) {
            quote(v.toString(), out);
        } else {
            throw new IllegalArgumentException("cannot write a " + v.getClass().getSimpleName() + " as JSON");
        }
    }

    /**
     * The shortest decimal that reads back as {@code f} the way a model file is read (JSON's number as
     * the nearest double, then the nearest float), in the shorter of its plain and exponent forms.
     * Java 17's {@link Float#toString} is a start, not the answer: it sometimes gives a digit more than
     * needed, and it writes 1.0E-4 for 1E-4 and 0.0012345678 where 1.2345678E-3 is as long. Its digits
     * are shortened one at a time, rounded down or up, while one of the two still reads back: the
     * decimals that read back as f form an interval, so if a shorter one exists one of them is in it.
     */
    static String shortest(float f) {
        if (f == 0 || !Float.isFinite(f)) {
            return Float.toString(f);
        }
        float a = Math.abs(f);
        // Float.toString's decimal reads back through a double too, bar a double rounding, which the double's own decimal never has
        String s = readsBack(Float.toString(a), a) ? Float.toString(a) : Double.toString(a);
        // d.ddd, d.dddEx, or (another class library's form) without the point or with a small e
        int e = Math.max(s.indexOf('E'), s.indexOf('e'));
        String mantissa = e < 0 ? s : s.substring(0, e);
        int point = mantissa.indexOf('.') < 0 ? mantissa.length() : mantissa.indexOf('.');
        String fraction = point < mantissa.length() ? mantissa.substring(point + 1) : "";
        long digits = Long.parseLong(mantissa.substring(0, point) + fraction);
        int exponent = (e < 0 ? 0 : Integer.parseInt(s.substring(e + 1).replace("+", ""))) - fraction.length();
        String best = text(digits, exponent);
        while (digits >= 10) {
            String down = text(digits / 10, exponent + 1), up = text(digits / 10 + 1, exponent + 1);
            boolean roundDown = readsBack(down, a);
            if (!roundDown && !readsBack(up, a)) {
                break;
            }
            best = roundDown ? down : up;
            digits = digits / 10 + (roundDown ? 0 : 1);
            exponent++;
        }
        return f < 0 ? "-" + best : best;
    }

    private static boolean readsBack(String decimal, float f) {
        return Float.floatToIntBits((float) Double.parseDouble(decimal)) == Float.floatToIntBits(f);
    }

    /**
     * digits · 10^exponent, its trailing zeros dropped, plain (1234, 123.4, 0.001234) or with an exponent
     * (1.234E-4), whichever is shorter (plain when both are as long).
     */
    private static String text(long digits, int exponent) {
        while (digits % 10 == 0) {
            digits /= 10;
            exponent++;
        }
        String d = Long.toString(digits);
        int point = d.length() + exponent;
        String plain = exponent >= 0 ? d + zeros(exponent)
                : point > 0 ? d.substring(0, point) + "." + d.substring(point) : "0." + zeros(-point) + d;
        String scientific = (d.length() > 1 ? d.charAt(0) + "." + d.substring(1) : d) + (point == 1 ? "" : "E" + (point - 1));
        return scientific.length() < plain.length() ? scientific : plain;
    }

    /** n zeros. */
    private static String zeros(int n) {
        StringBuilder z = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            z.append('0');
        }
        return z.toString();
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        // By hand, not String.format: the browser build would carry a formatter and its locale tables for it.
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
