package dev.jgrad.web;

/** The little JSON the graph panel and the tour answer with, written by hand: TeaVM needs no library for it. */
final class JsonText {
    private JsonText() {
    }

    /** {@code s} as a JSON string, or {@code null} for null. */
    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        String hex = Integer.toHexString(c);
                        b.append("\\u").append("0000", hex.length(), 4).append(hex);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A number as JSON writes it; NaN and the infinities, which JSON lacks, as null. */
    static String number(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "null";
    }

    /** {@code {"ok":false,"error":message}}. */
    static String error(String message) {
        return "{\"ok\":false,\"error\":" + quote(message) + "}";
    }
}
