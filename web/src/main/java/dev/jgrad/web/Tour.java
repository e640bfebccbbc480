package dev.jgrad.web;

/** The post's sequence as screens, one a step. */
public final class Tour {
    private Tour() {
    }

    /** {@code {"ok":true,"i":..,"count":..,"title":..,"text":..,"svg":..|null,"query":..|null}}. */
    public static String step(int i) {
        return "{\"ok\":false,\"error\":\"the tour is not built yet\"}";
    }
}
