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
            // a Float as a float's decimal (about 9 digits, not the 17 of the double it widens to): it reads back as that float
            if (v instanceof Float f) {
                out.append(f.floatValue());
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
