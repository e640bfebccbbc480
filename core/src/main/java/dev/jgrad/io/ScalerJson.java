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

    static Scaler read(Map<String, Object> saved, int inputs) {
        ModelSchema.exactly(saved, ModelSchema.SCALER, ModelSchema.SCALER.subList(0, 3), "the scaler");
        Scaling kind = Scaling.CHOICES.parse(String.valueOf(saved.get("kind")));
        double[] shift = numbers(ModelFile.list(saved.get("shift"), "scaler shift"), inputs, "scaler shift");
        double[] scale = numbers(ModelFile.list(saved.get("scale"), "scaler scale"), inputs, "scaler scale");
        List<Integer> constant = new ArrayList<>();
        for (Object c : saved.get("constant") == null ? List.of() : ModelFile.list(saved.get("constant"), "scaler constant")) {
            int j = (int) ModelFile.number(c, "scaler constant");
            if (j < 0 || j >= inputs || j != ModelFile.number(c, "scaler constant")) {
                throw new IllegalArgumentException("scaler constant lists " + c + ", not a feature index below " + inputs);
            }
            constant.add(j);
        }
        return new Scaler(kind, shift, scale, constant);
    }

    private static double[] numbers(List<?> saved, int n, String what) {
        if (saved.size() != n) {
            throw new IllegalArgumentException("\"" + what + "\" has " + saved.size() + " numbers, the model takes " + n + " inputs");
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = ModelFile.number(saved.get(i), what);
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
