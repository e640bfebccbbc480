package dev.jgrad.web;

import dev.jgrad.engine.Value;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small expression graph of the tour named by its values' own labels: the ids are the labels made
 * safe for an SVG id (letters, digits, _ and -), an unlabelled value is v and its place in topological
 * order; the leaves the figure calls inputs are green, its parameters blue, the root orange.
 */
final class Figure implements GraphSvg.Names {
    private final Value root;
    private final Set<Value> inputs;
    private final Set<Value> parameters;
    private final Map<Value, String> ids = new IdentityHashMap<>();

    Figure(Value root, List<Value> inputs, List<Value> parameters) {
        this.root = root;
        this.inputs = identity(inputs);
        this.parameters = identity(parameters);
        int k = 0;
        for (Value v : root.topologicalOrder()) {
            ids.put(v, v.label().isEmpty() ? "v" + k : safe(v.label()));
            k++;
        }
    }

    private static Set<Value> identity(List<Value> values) {
        Set<Value> s = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        s.addAll(values);
        return s;
    }

    private static String safe(String label) {
        StringBuilder b = new StringBuilder();
        for (char c : label.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-' ? c : '_');
        }
        return b.toString();
    }

    @Override
    public String id(Value v) {
        return ids.get(v);
    }

    @Override
    public String label(Value v) {
        return v.label();
    }

    @Override
    public GraphSvg.Kind kind(Value v) {
        if (v == root) {
            return GraphSvg.Kind.OUTPUT;
        }
        if (parameters.contains(v)) {
            return GraphSvg.Kind.PARAMETER;
        }
        return inputs.contains(v) ? GraphSvg.Kind.INPUT : GraphSvg.Kind.PLAIN;
    }

    /** The picture with every value's current grad. */
    String svg(String title) {
        return new GraphSvg(root, this).render(Value::grad, null, List.of(), title);
    }
}
