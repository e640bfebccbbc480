package dev.jgrad.web;

import dev.jgrad.io.Json;

/** The little JSON the graph panel and the tour answer with, assembled as text; strings quoted by io's writer. */
final class JsonText {
    private JsonText() {
    }

    /** {@code s} as a JSON string (io's writer quotes it), or {@code null} for null. */
    static String quote(String s) {
        return s == null ? "null" : Json.write(s);
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
