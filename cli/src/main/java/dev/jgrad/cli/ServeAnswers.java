package dev.jgrad.cli;

import dev.jgrad.data.ColumnStep;
import dev.jgrad.data.Pipeline;
import dev.jgrad.data.TableException;
import dev.jgrad.data.Task;
import dev.jgrad.io.Column;
import dev.jgrad.io.Json;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.Table;
import dev.jgrad.nn.Predictor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What {@code jgrad serve} answers, given a request that may be answered: the model loaded once and
 * only read afterwards, so one instance serves every worker thread. Each prediction goes through
 * {@code predict}'s own {@link PredictRows} (a new one a request: it counts what it reads), so a row
 * gets the same class and probabilities over HTTP as {@code jgrad predict --proba} writes for it. The
 * predictor itself keeps no state between calls: a float64 model is plain arrays read by loops, a
 * float32 one computes on the tensor engine, whose grad mode and buffer pools belong to each thread.
 */
final class ServeAnswers {
    private final Predictor p;
    private final Pipeline pipeline;
    private final Object features;
    private final String labelName;
    private final List<String> columns;
    private final String description;

    /** One answer: its status, its JSON body (a line ending it), and any header it adds. */
    record Answer(int status, String body, Map<String, String> headers) {
        static Answer ok(Object json) {
            return new Answer(200, Json.write(json), Map.of());
        }

        /** {@code {"error": "..."}} on one line: the message is one line already. */
        static Answer error(int status, String message) {
            return new Answer(status, "{\"error\": " + Json.write(message.replace('\n', ' ')).strip() + "}\n", Map.of());
        }

        Answer header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Answer(status, body, h);
        }
    }

    ServeAnswers(ModelFile saved, Path file) throws IOException {
        try {
            p = saved.predictor();
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        // A model without preprocessing reads its named columns as numbers: the same numbers as predict's,
        // and a bad cell's message names its row and column.
        pipeline = saved.reading();
        features = saved.metadata().get("features");
        labelName = saved.metadata().get("labelColumn") instanceof String name ? name
                : PredictCommand.builtIn(saved) ? TrainData.builtInLabel(p.task()) : null;
        columns = pipeline != null ? pipeline.columns()
                : IntStream.rangeClosed(1, p.rawInputs()).mapToObj(i -> "x" + i).toList();
        description = Json.write(describe(pipeline));
    }

    /** The method a path answers, or null for a path there is nothing at. */
    static String allowed(String path) {
        return switch (path) {
            case "/predict" -> "POST";
            case "/model", "/health" -> "GET";
            default -> null;
        };
    }

    /** {@code GET /model} or {@code GET /health}. */
    Answer get(String path) {
        return path.equals("/health") ? Answer.ok(Map.of("status", "ok")) : new Answer(200, description, Map.of());
    }

    /** {@code POST /predict}: the rows of a JSON array or a CSV text, and their predictions. */
    Answer predict(String body, boolean csv) {
        try {
            Table t = csv ? withoutLabel(ServeRows.csv(body, labelName, PredictServer.MAX_ROWS))
                    : ServeRows.json(body, columns, PredictServer.MAX_ROWS);
            PredictRows rows = new PredictRows(p, Path.of(t.source()), features, null, true, false, false).reading(pipeline, false);
            double[][] x = t.rows() == 0 ? new double[0][] : rows.points(t);
            return Answer.ok(p.task() == Task.REGRESSION ? values(rows, x, t) : classes(rows, x, t));
        } catch (ServeRows.BadRows e) {
            return Answer.error(e.status, e.getMessage());
        } catch (IOException | TableException e) {
            return Answer.error(400, e.getMessage());
        }
    }

    private Map<String, Object> classes(PredictRows rows, double[][] x, Table t) throws IOException {
        List<Object> labels = new ArrayList<>(x.length), perClass = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            double[] o = rows.outputs(x[i], t.lines()[i]);
            labels.add(p.classes().get(rows.classOf(o)));
            List<Object> v = new ArrayList<>(o.length);
            for (double d : rows.perClass(o)) {
                v.add(d);
            }
            perClass.add(v);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("classes", p.classes());
        m.put("labels", labels);
        m.put(p.loss().givesProbabilities() ? "probabilities" : "scores", perClass);
        return m;
    }

    private Map<String, Object> values(PredictRows rows, double[][] x, Table t) throws IOException {
        List<Object> values = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            values.add(rows.value(x[i], t.lines()[i]));
        }
        return Map.of("values", values);
    }

    /** A CSV body's rows without the label column when it has one: predict reads its features only. */
    private Table withoutLabel(Table t) {
        if (labelName == null || t.indexOf(labelName) < 0) {
            return t;
        }
        List<Column> kept = t.columns().stream().filter(c -> !c.name().equals(labelName)).toList();
        return new Table(t.source(), kept, t.lines());
    }

    /** {@code GET /model}: the task, the classes, each raw input and what becomes of it, the output, the limits. */
    private Map<String, Object> describe(Pipeline reading) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", p.task().id());
        m.put("loss", p.loss().id());
        if (p.task() == Task.CLASSIFICATION) {
            m.put("classes", p.classes());
        }
        m.put("output", p.task() == Task.REGRESSION ? "values" : p.loss().givesProbabilities() ? "probabilities" : "scores");
        List<Object> inputs = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            inputs.add(reading == null ? input(columns.get(c), "number", "as is") : input(reading.steps().get(c)));
        }
        m.put("inputs", inputs);
        m.put("scaling", p.scaler().kind().id());
        if (p.features() != null) {
            m.put("transform", p.features().toString());
        }
        m.put("limits", Map.of("bodyBytes", PredictServer.MAX_BODY, "rows", PredictServer.MAX_ROWS));
        return m;
    }

    private static Map<String, Object> input(ColumnStep s) {
        String missing = Double.isNaN(s.fill()) ? "a missing value is refused"
                : "a missing value is filled with " + (s.kind() == ColumnStep.Kind.ONE_HOT ? s.categories().get((int) s.fill())
                        : Double.toString(s.fill())) + (s.indicator() ? ", and flagged by a missing(" + s.column() + ") feature" : "");
        Map<String, Object> m = switch (s.kind()) {
            case NUMBER -> input(s.column(), "number", "as is; " + missing);
            case BOOLEAN -> input(s.column(), "boolean", "true/false or yes/no as 1/0; " + missing);
            case ONE_HOT -> input(s.column(), "category", "one 0/1 feature per category (an unseen one: all 0); " + missing);
        };
        if (s.kind() == ColumnStep.Kind.ONE_HOT) {
            m.put("categories", s.categories());
        }
        return m;
    }

    private static Map<String, Object> input(String name, String type, String preprocessing) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("type", type);
        m.put("preprocessing", preprocessing);
        return m;
    }
}
