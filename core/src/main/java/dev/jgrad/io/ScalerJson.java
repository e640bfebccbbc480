package dev.jgrad.io;

import dev.jgrad.data.Scaler;
import dev.jgrad.data.Scaling;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model file's {@code "scaler"} object: {@code {"kind": "standard", "shift": […], "scale": […],
 * "constant": [feature indices]}}, one number per input. Errors are one-line
 * {@link IllegalArgumentException}s, which {@link ModelFile#load} prefixes with the file's name.
 */
final class ScalerJson {
    private ScalerJson() {
    }

    static Map<String, Object> write(Scaler scaler) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", scaler.kind().id());
        s.put("shift", numbers(scaler.shift()));
        s.put("scale", numbers(scaler.scale()));
        s.put("constant", scaler.constant());
        return s;
    }

    /** The features' scaler: one number per input. */
    static Scaler read(Map<String, Object> saved, int inputs) {
        return read(saved, inputs, "scaler");
    }

    /**
     * A scaler called {@code name} in the file ("scaler" for the features, "target" for a regression
     * model's one-number target) of {@code n} features.
     */
    static Scaler read(Map<String, Object> saved, int n, String name) {
        ModelSchema.exactly(saved, ModelSchema.SCALER, ModelSchema.SCALER.subList(0, 3), "the " + name);
        Scaling kind = Scaling.CHOICES.parse(String.valueOf(saved.get("kind")));
        double[] shift = numbers(ModelJson.list(saved.get("shift"), name + " shift"), n, name + " shift");
        double[] scale = numbers(ModelJson.list(saved.get("scale"), name + " scale"), n, name + " scale");
        List<Integer> constant = new ArrayList<>();
        for (Object c : saved.get("constant") == null ? List.of() : ModelJson.list(saved.get("constant"), name + " constant")) {
            int j = (int) ModelJson.number(c, name + " constant");
            if (j < 0 || j >= n || j != ModelJson.number(c, name + " constant")) {
                throw new IllegalArgumentException(name + " constant lists " + c + ", not a feature index below " + n);
            }
            constant.add(j);
        }
        return new Scaler(kind, shift, scale, constant);
    }

    private static double[] numbers(List<?> saved, int n, String what) {
        if (saved.size() != n) {
            throw new IllegalArgumentException("\"" + what + "\" has " + saved.size() + " numbers, expected " + n);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = ModelJson.number(saved.get(i), what);
        }
        return v;
    }

    private static List<Object> numbers(double[] v) {
        List<Object> l = new ArrayList<>(v.length);
        for (double d : v) {
            l.add(d);
        }
        return l;
    }
}
