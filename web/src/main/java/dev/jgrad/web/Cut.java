package dev.jgrad.web;

import java.util.ArrayList;
import java.util.List;

/** Text cut at a character: String.split takes a regular expression, whose engine would triple engine.js. */
final class Cut {
    private Cut() {
    }

    /** The pieces of {@code s} between the {@code c}s, empty ones included (as {@code split(c, -1)}). */
    static List<String> at(String s, char c) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = s.indexOf(c); i >= 0; i = s.indexOf(c, from)) {
            parts.add(s.substring(from, i));
            from = i + 1;
        }
        parts.add(s.substring(from));
        return parts;
    }
}
