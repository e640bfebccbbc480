package dev.jgrad.io;

import dev.jgrad.data.Pipeline;
import dev.jgrad.data.Scaler;
import dev.jgrad.data.Scaling;
import dev.jgrad.data.Task;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Network;
import dev.jgrad.tensor.DType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ModelFile} as JSON text and back: the format and version, the scalers ({@link ScalerJson}), the
 * preprocessing ({@link PipelineJson}), the layers and the metadata ({@link ModelSchema} checks what is read).
 * Every problem reading is an {@link IllegalArgumentException} with a one-line message.
 */
final class ModelJson {
    private ModelJson() {
    }

    /** The JSON text of {@code m}: the version its parts need, the scalers, the preprocessing, the layers, the metadata. */
    static String write(ModelFile m) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", ModelFile.FORMAT);
        root.put("version", m.pipeline() != null ? 4 : m.target() != null ? 3 : m.scaler().kind() == Scaling.NONE ? 1 : 2);
        root.put("inputs", m.network().inputs());
        if (m.target() != null) {
            root.put("task", Task.REGRESSION.id());
        }
        if (m.scaler().kind() != Scaling.NONE) {
            root.put("scaler", ScalerJson.write(m.scaler()));
        }
        if (m.target() != null) {
            root.put("target", ScalerJson.write(m.target()));
        }
        if (m.pipeline() != null) {
            root.put("preprocessing", PipelineJson.write(m.pipeline()));
        }
        // A float32 model's weights are floats: written as floats (the shortest decimals that read back
        // as the same float), about 10.5 characters against a double's 19 (docs/performance.md).
        root.put("layers", layers(m.network(), DType.FLOAT32.id().equals(m.metadata().get("dtype"))));
        root.put("metadata", m.metadata());
        try {
            return Json.write(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot save this model: " + e.getMessage(), e);
        }
    }

    /** Each layer's activation, weight rows and biases; as floats when {@code single}. */
    private static List<Object> layers(Network network, boolean single) {
        List<Object> layers = new ArrayList<>();
        for (Network.Dense layer : network.layers()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("activation", layer.activation().id());
            List<Object> weights = new ArrayList<>();
            List<Object> biases = new ArrayList<>();
            for (int o = 0; o < layer.outputs(); o++) {
                List<Object> row = new ArrayList<>();
                for (double w : layer.weights()[o]) {
                    row.add(single ? (Object) (float) w : (Object) w);
                }
                weights.add(row);
                biases.add(single ? (Object) (float) layer.biases()[o] : (Object) layer.biases()[o]);
            }
            l.put("weights", weights);
            l.put("biases", biases);
            layers.add(l);
        }
        return layers;
    }

    /** The model file of {@code text}; see {@link ModelFile#fromJson}. */
    @SuppressWarnings("unchecked")
    static ModelFile read(String text) {
        if (!(Json.parse(text) instanceof Map<?, ?> root) || !ModelFile.FORMAT.equals(root.get("format"))) {
            throw new IllegalArgumentException("not a jgrad model file (no \"format\": \"" + ModelFile.FORMAT + "\")");
        }
        int v = version(root.get("version"));
        ModelSchema.exactly(root, ModelSchema.ROOT, ModelSchema.ROOT.subList(0, 4), "the model file");
        int inputs = count(root.get("inputs"), "inputs");
        Network network = network(root, inputs);
        Object metadata = root.get("metadata");
        if (metadata != null && !(metadata instanceof Map)) {
            throw new IllegalArgumentException("\"metadata\" is not an object");
        }
        Map<String, Object> meta = metadata == null ? Map.of() : (Map<String, Object>) metadata;
        ModelSchema.noNearMisses(meta);
        Scaler target = target(root, v, network);
        ModelSchema.checkMetadata(meta, network, target != null);
        if (ModelFile.dtypeOf(meta) == DType.FLOAT32) {
            network = rounded(network);
        }
        Pipeline pipeline = pipeline(root, v, inputs);
        Object scaler = root.get("scaler");
        if (scaler == null) {
            noScalerMissing(v, meta);
            return new ModelFile(network, Scaler.none(inputs), target, meta, pipeline);
        }
        if (!(scaler instanceof Map<?, ?> s)) {
            throw new IllegalArgumentException("\"scaler\" is not an object");
        }
        return new ModelFile(network, ScalerJson.read((Map<String, Object>) s, inputs), target, meta, pipeline);
    }

    /** The file's version, 1 to {@link ModelFile#VERSION}: a number, not a string (a hand edit's usual slip). */
    private static int version(Object version) {
        if (version instanceof String v) {
            throw new IllegalArgumentException("\"version\" is the string \"" + v + "\"; it should be the number "
                    + (v.matches("[1-9][0-9]{0,8}") ? v : Integer.toString(ModelFile.VERSION)));
        }
        if (!(version instanceof Double v) || v != Math.rint(v) || v < 1 || v > ModelFile.VERSION) {
            Object shown = version instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) d.longValue() : version;
            throw new IllegalArgumentException("model file version " + shown + " is not supported; this jgrad reads versions 1 to "
                    + ModelFile.VERSION);
        }
        return v.intValue();
    }

    /** The layers, each checked against the width of the one before; at least one. */
    @SuppressWarnings("unchecked")
    private static Network network(Map<?, ?> root, int inputs) {
        List<Network.Dense> layers = new ArrayList<>();
        int width = inputs;
        List<?> saved = list(root.get("layers"), "layers");
        for (int l = 0; l < saved.size(); l++) {
            if (!(saved.get(l) instanceof Map<?, ?> layer)) {
                throw new IllegalArgumentException("layer " + (l + 1) + " is not an object");
            }
            layers.add(layer((Map<String, Object>) layer, l + 1, width));
            width = layers.get(l).outputs();
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("the model has no layers");
        }
        return new Network(inputs, layers);
    }

    /** The "preprocessing" section (version 4), or null for a model that reads its columns as numbers. */
    @SuppressWarnings("unchecked")
    private static Pipeline pipeline(Map<?, ?> root, int version, int inputs) {
        if (!root.containsKey("preprocessing")) {
            return null;
        }
        if (version < 4) {
            throw new IllegalArgumentException("\"preprocessing\" needs version 4, the file says " + version);
        }
        if (!(root.get("preprocessing") instanceof Map<?, ?> p)) {
            throw new IllegalArgumentException("\"preprocessing\" is not an object");
        }
        return PipelineJson.read((Map<String, Object>) p, inputs);
    }

    /**
     * A file without {@code "scaler"} whose version or metadata says its inputs were scaled: reading
     * it would feed the network unscaled inputs, a wrong answer without a word.
     */
    private static void noScalerMissing(int version, Map<String, Object> meta) {
        Object scale = meta.get("scale");   // what jgrad train records: standard, minmax or none
        if (scale instanceof String name && !name.equals(Scaling.NONE.id())
                && java.util.Arrays.stream(Scaling.values()).anyMatch(k -> k.id().equals(name))) {
            throw new IllegalArgumentException("the metadata says \"scale\": \"" + name + "\", but the file has no \"scaler\" to scale inputs with; it is damaged or was edited");
        }
        if (version == 2) {
            throw new IllegalArgumentException("version 2 is a model with scaled inputs, but the file has no \"scaler\"");
        }
    }

    /** A regression model's target scaler (from version 3, with "task": "regression"), or null for a classifier. */
    @SuppressWarnings("unchecked")
    private static Scaler target(Map<?, ?> root, int version, Network network) {
        Object task = root.get("task");
        Task t = task == null ? Task.CLASSIFICATION : Task.CHOICES.parse(String.valueOf(task));
        if (t == Task.CLASSIFICATION) {
            if (root.containsKey("target")) {
                throw new IllegalArgumentException("a classifier has no \"target\" scaler; is \"task\": \"regression\" missing?");
            }
            return null;
        }
        if (version < 3) {
            throw new IllegalArgumentException("\"task\": \"regression\" needs version 3, the file says " + version);
        }
        if (!(root.get("target") instanceof Map<?, ?> target)) {
            throw new IllegalArgumentException("a regression model needs its \"target\" scaler (an object)");
        }
        if (network.outputs() != 1) {
            throw new IllegalArgumentException("a regression model has 1 output, this one " + network.outputs());
        }
        return ScalerJson.read((Map<String, Object>) target, 1, "target");
    }

    private static Network.Dense layer(Map<String, Object> saved, int index, int inputs) {
        String where = "layer " + index;
        ModelSchema.exactly(saved, ModelSchema.LAYER, ModelSchema.LAYER, where);
        Activation activation = Activation.CHOICES.parse(String.valueOf(saved.get("activation")));
        List<?> weights = list(saved.get("weights"), where + " weights");
        List<?> biases = list(saved.get("biases"), where + " biases");
        if (weights.size() != biases.size() || weights.isEmpty()) {
            throw new IllegalArgumentException(where + " has " + weights.size() + " weight rows and " + biases.size() + " biases");
        }
        // Rows are made as they are read, each checked against the weights present: "inputs": 10⁹
        // is a shape error, never a 10⁹-column allocation.
        double[][] w = new double[weights.size()][];
        double[] b = new double[weights.size()];
        for (int n = 0; n < weights.size(); n++) {
            List<?> row = list(weights.get(n), where + " weights");
            if (row.size() != inputs) {
                throw new IllegalArgumentException(where + ", neuron " + (n + 1) + " has " + row.size() + " weights, expected " + inputs);
            }
            w[n] = new double[inputs];
            for (int i = 0; i < inputs; i++) {
                w[n][i] = row instanceof NumberList numbers ? numbers.number(i) : number(row.get(i), where + " weights");
            }
            b[n] = number(biases.get(n), where + " biases");
        }
        return new Network.Dense(w, b, activation);
    }

    /** The network with every weight rounded to float32: what a float32 model holds, the same floats it saved. */
    private static Network rounded(Network network) {
        List<Network.Dense> layers = new ArrayList<>();
        for (Network.Dense d : network.layers()) {
            double[][] w = new double[d.outputs()][];
            double[] b = new double[d.outputs()];
            for (int o = 0; o < w.length; o++) {
                w[o] = new double[d.weights()[o].length];
                for (int i = 0; i < w[o].length; i++) {
                    w[o][i] = (float) d.weights()[o][i];
                }
                b[o] = (float) d.biases()[o];
            }
            layers.add(new Network.Dense(w, b, d.activation()));
        }
        return new Network(network.inputs(), layers);
    }

    static List<?> list(Object o, String what) {
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException("\"" + what + "\" is missing or not a list");
        }
        return l;
    }

    static double number(Object o, String what) {
        if (!(o instanceof Double d)) {
            throw new IllegalArgumentException(what + " holds " + ModelSchema.shown(o) + ", not a number");
        }
        return d;
    }

    private static int count(Object o, String what) {
        if (!(o instanceof Double d) || d < 1 || d != Math.rint(d)) {
            throw new IllegalArgumentException("\"" + what + "\" is " + ModelSchema.shown(o) + ", not a positive whole number");
        }
        return d.intValue();
    }
}
