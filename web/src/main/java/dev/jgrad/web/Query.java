package dev.jgrad.web;

import dev.jgrad.data.Features;
import dev.jgrad.io.Decimal;
import dev.jgrad.nn.Activation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A URL query read against {@link Control#ALL}: every control's value as text (the query's, or the control's default),
 * and the typed readers {@link Setup#parse} builds a setup from. Each reader refuses a value in one line naming the
 * key and the value ("hidden: 17 neurons is more than 16").
 */
final class Query {
    /** The keys the query gives, decoded. */
    private final Map<String, String> given;
    /** Every control's value: the given one, else its default. */
    private final Map<String, String> values = new LinkedHashMap<>();

    private Query(Map<String, String> given) {
        this.given = given;
        for (Control c : Control.ALL) {
            values.put(c.key(), given.containsKey(c.key()) ? given.get(c.key()) : c.fallback());
        }
    }

    /** The query {@code a=1&b=2}, with or without a leading '?'; an unknown key or one given twice is refused. */
    static Query of(String query) {
        String q = query == null ? "" : query.startsWith("?") ? query.substring(1) : query;
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : Cut.at(q, '&')) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : decode(part.substring(eq + 1));
            if (Control.named(key) == null) {
                throw new IllegalArgumentException("unknown setting '" + key + "'; the settings are " + keys());
            }
            if (m.put(key, value) != null) {
                throw new IllegalArgumentException(key + ": given twice");
            }
        }
        return new Query(m);
    }

    /** Whether the query names {@code key} (else its value is the control's default). */
    boolean gives(String key) {
        return given.containsKey(key);
    }

    /** The value of {@code key} as written. */
    String text(String key) {
        return values.get(key);
    }

    private static String keys() {
        List<String> k = new ArrayList<>();
        for (Control c : Control.ALL) {
            k.add(c.key());
        }
        return String.join(", ", k);
    }

    /**
     * URL decoding: '+' is a space, %XX an ASCII character. Every value a control takes is ASCII, so a
     * %XX beyond it stays as written and the value is then refused by name; and the browser build
     * needs no UTF-8 decoder for it.
     */
    static String decode(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int code = c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0
                    ? hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)) : -1;
            if (code >= 0 && code < 0x80) {
                out.append((char) code);
                i += 2;
            } else {
                out.append(c == '+' ? ' ' : c);
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** Whether {@code s} is 1 to {@code max} decimal digits, after a '-' if {@code signed}. */
    private static boolean digits(String s, int max, boolean signed) {
        int from = signed && s.startsWith("-") ? 1 : 0;
        if (s.length() == from || s.length() - from > max) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The value of {@code key}, lower-cased, if it is one of the control's choices. */
    String choice(String key) {
        return choice(key, values.get(key));
    }

    private static String choice(String key, String given) {
        String value = given.toLowerCase(java.util.Locale.ROOT);
        List<String> choices = Control.named(key).choices();
        if (!choices.contains(value)) {
            throw new IllegalArgumentException(key + ": '" + given + "' is not one of " + String.join(", ", choices));
        }
        return value;
    }

    /** The activation: one of the choices, or one per hidden layer, comma-separated. */
    List<Activation> activations() {
        List<Activation> a = new ArrayList<>();
        for (String id : Cut.at(values.get("activation"), ',')) {
            a.add(Activation.CHOICES.parse(choice("activation", id.trim())));
        }
        return a;
    }

    /** A finite decimal within the control's bounds. */
    double number(String key) {
        String s = values.get(key);
        // io's Decimal, as the CLI reads numbers: Java's own syntax (1d, 0x1p3, NaN) is not a number here.
        double d = Decimal.isDecimal(s) ? Double.parseDouble(s) : Double.NaN;
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(key + ": '" + s + "' is not a number"
                    + (s.indexOf(',') >= 0 && Decimal.isDecimal(s.replace(',', '.')) ? "; write decimals with a point (" + s.replace(',', '.') + ")" : ""));
        }
        Control c = Control.named(key);
        if (d < c.min()) {
            throw new IllegalArgumentException(key + ": " + s + " is less than " + Setup.text(c.min()));
        }
        if (d > c.max()) {
            throw new IllegalArgumentException(key + ": " + s + " is more than " + Setup.text(c.max()));
        }
        return d;
    }

    double positive(String key) {
        double d = number(key);
        if (!(d > 0)) {
            throw new IllegalArgumentException(key + ": " + values.get(key) + " is not a positive number");
        }
        return d;
    }

    long integer(String key) {
        String s = values.get(key);
        if (!digits(s, 16, true)) {
            throw new IllegalArgumentException(key + ": '" + s + "' is not a whole number");
        }
        number(key);
        return Long.parseLong(s);
    }

    boolean flag(String key) {
        return choice(key).equals("1");
    }

    /** Input features by their ids ({@code x1,x2,x1x2}); at least one. */
    static Features features(String ids) {
        if (ids.isBlank()) {
            throw new IllegalArgumentException("features: none chosen; choose at least one input feature");
        }
        try {
            return Features.parse(ids);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("features: " + e.getMessage());
        }
    }

    /** The hidden layers' sizes, comma-separated (none: a linear model). */
    List<Integer> hidden() {
        String sizes = values.get("hidden");
        List<Integer> h = new ArrayList<>();
        if (sizes.isEmpty()) {
            return h;
        }
        List<String> parts = Cut.at(sizes, ',');
        if (parts.size() > Control.MAX_LAYERS) {
            throw new IllegalArgumentException("hidden: " + parts.size() + " layers is more than " + Control.MAX_LAYERS);
        }
        for (String p : parts) {
            if (!digits(p, 9, false)) {
                throw new IllegalArgumentException("hidden: '" + p + "' is not a number of neurons");
            }
            int n = Integer.parseInt(p);
            if (n < 1) {
                throw new IllegalArgumentException("hidden: a layer of " + n + " neurons; a layer needs at least 1");
            }
            if (n > Control.MAX_NEURONS) {
                throw new IllegalArgumentException("hidden: " + n + " neurons is more than " + Control.MAX_NEURONS);
            }
            h.add(n);
        }
        return h;
    }

    /** Points per update: 1 to {@link Control#MAX_POINTS}, or 0 for "full". */
    int batch() {
        String b = values.get("batch");
        String s = b.toLowerCase(java.util.Locale.ROOT);
        if (s.equals("full")) {
            return 0;
        }
        if (!digits(s, 9, false)) {
            throw new IllegalArgumentException("batch: '" + b + "' is not a batch size (1 to " + Control.MAX_POINTS + ", or full)");
        }
        int n = Integer.parseInt(s);
        if (n < 1 || n > Control.MAX_POINTS) {
            throw new IllegalArgumentException("batch: " + n + " is not a batch size (1 to " + Control.MAX_POINTS + ", or full)");
        }
        return n;
    }
}
