package dev.jgrad.io;

import dev.jgrad.data.ColumnStep;
import dev.jgrad.data.Pipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model file's {@code "preprocessing"} object (from version 4): the raw columns the model reads,
 * in order, and what each becomes:
 * <pre>{@code
 * "preprocessing": { "columns": [
 *   { "column": "age", "kind": "number", "fill": 41.5, "indicator": true },
 *   { "column": "chas", "kind": "one-hot", "categories": ["0", "1"] } ] }
 * }</pre>
 * No {@code "fill"}: a missing cell is an error. Errors are one-line {@link IllegalArgumentException}s.
 */
final class PipelineJson {
    private PipelineJson() {
    }

    static Map<String, Object> write(Pipeline pipeline) {
        List<Object> columns = new ArrayList<>();
        for (ColumnStep s : pipeline.steps()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("column", s.column());
            c.put("kind", s.kind().id());
            if (s.kind() == ColumnStep.Kind.ONE_HOT) {
                c.put("categories", s.categories());
            }
            if (!Double.isNaN(s.fill())) {
                c.put("fill", s.fill());
            }
            if (s.indicator()) {
                c.put("indicator", true);
            }
            columns.add(c);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("columns", columns);
        return p;
    }

    @SuppressWarnings("unchecked")
    static Pipeline read(Map<String, Object> saved, int inputs) {
        ModelSchema.exactly(saved, List.of("columns"), List.of("columns"), "the preprocessing");
        List<ColumnStep> steps = new ArrayList<>();
        List<?> columns = ModelJson.list(saved.get("columns"), "preprocessing columns");
        for (int i = 0; i < columns.size(); i++) {
            if (!(columns.get(i) instanceof Map<?, ?> c)) {
                throw new IllegalArgumentException("preprocessing column " + (i + 1) + " is not an object");
            }
            steps.add(step((Map<String, Object>) c, i + 1));
        }
        Pipeline pipeline = new Pipeline(steps);
        if (pipeline.width() != inputs) {
            throw new IllegalArgumentException("the preprocessing makes " + pipeline.width() + " features, but the model takes "
                    + inputs + " inputs");
        }
        return pipeline;
    }

    private static ColumnStep step(Map<String, Object> c, int index) {
        String where = "preprocessing column " + index;
        ModelSchema.exactly(c, ModelSchema.STEP, ModelSchema.STEP.subList(0, 2), where);
        if (!(c.get("column") instanceof String name)) {
            throw new IllegalArgumentException(where + " has no \"column\" name");
        }
        ColumnStep.Kind kind = ColumnStep.Kind.CHOICES.parse(String.valueOf(c.get("kind")));
        List<String> categories = new ArrayList<>();
        if (c.containsKey("categories")) {
            for (Object o : ModelJson.list(c.get("categories"), where + " categories")) {
                if (!(o instanceof String s)) {
                    throw new IllegalArgumentException(where + " categories hold " + o + ", not a name");
                }
                categories.add(s);
            }
        }
        double fill = c.containsKey("fill") ? ModelJson.number(c.get("fill"), where + " fill") : Double.NaN;
        Object indicator = c.getOrDefault("indicator", false);
        if (!(indicator instanceof Boolean flag)) {
            throw new IllegalArgumentException(where + " indicator is " + indicator + ", not true or false");
        }
        return new ColumnStep(name, kind, categories, fill, flag);
    }
}
