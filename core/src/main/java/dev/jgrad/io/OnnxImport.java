package dev.jgrad.io;

import dev.jgrad.data.Features;
import dev.jgrad.data.Scaler;
import dev.jgrad.data.Scaling;
import dev.jgrad.data.Task;
import dev.jgrad.io.OnnxFile.Value;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An ONNX MLP as a model file: one that PyTorch's {@code torch.onnx.export} writes for an
 * {@code nn.Sequential} of {@code Linear}, {@code ReLU}, {@code Tanh} and {@code Sigmoid} (Gemm, or
 * MatMul + Add; Flatten and Identity pass through; a final Softmax or Sigmoid makes a classifier), or
 * one that {@link OnnxExport} wrote, whose feature functions, scaler, output functions and training
 * settings come back as they were (so export → import → export gives the same bytes). Anything
 * else (a convolution, a residual Add, an op jgrad lacks) is refused with one line naming the node
 * and its op. The file's bytes are read with bounds ({@link ProtobufReader}, {@link OnnxFile}).
 *
 * <pre>{@code
 * OnnxImport.read(Path.of("mlp.onnx"), null).save(Path.of("model.json"));
 * }</pre>
 */
public final class OnnxImport {
    /** Far above any MLP jgrad would import (2²⁴ float64 weights are 128 MiB), far below a heap's worth. */
    public static final long MAX_BYTES = 1L << 28;

    private OnnxImport() {
    }

    /**
     * The model in {@code file}, read as {@link #read(byte[], Task)} reads bytes.
     *
     * @param file an ONNX file of at most {@link #MAX_BYTES}
     * @param task classification or regression, or null to take it from the graph
     * @return the model, as a model file holds it
     * @throws IOException of one line, starting with the file's name, when it is unreadable or refused
     */
    public static ModelFile read(Path file, Task task) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": a directory, not an ONNX file");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + ": " + Files.size(file) + " bytes, more than the " + MAX_BYTES + " an MLP jgrad imports takes");
        }
        try {
            return read(Files.readAllBytes(file), task);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The model in {@code bytes}, a classifier or a regression model as {@code task} says (null: as
     * the graph says: Softmax or Sigmoid at the end, or more than one output, make a classifier).
     *
     * @param bytes an ONNX ModelProto
     * @param task classification or regression, or null to take it from the graph
     * @return the model, as a model file holds it
     * @throws IllegalArgumentException of one line naming the node and its op, or the damage, when refused
     */
    public static ModelFile read(byte[] bytes, Task task) {
        try {
            return model(OnnxFile.parse(bytes), task);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(printable(e.getMessage()), e);
        }
    }

    /** A message on one line whatever names the file holds: control characters as '?', at most 400 characters. */
    private static String printable(String message) {
        String line = message.codePoints().map(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }

    private static ModelFile model(OnnxFile.Model onnx, Task task) {
        Set<String> outputs = onnx.graph().outputs().stream().map(Value::name).collect(Collectors.toSet());
        OnnxHead head = new OnnxHead(task, outputs);
        Value input = input(onnx.graph());
        OnnxWalk walk = new OnnxWalk(onnx.graph(), input.name());
        Features features = walk.features();
        double[][] shiftScale = walk.scaler();
        List<Network.Dense> layers = new ArrayList<>(walk.layers(head));
        if (layers.isEmpty()) {
            throw walk.peek() == null ? new IllegalArgumentException("the graph has no Gemm or MatMul layer") : walk.refuse(walk.peek());
        }
        OnnxHead.Reading r = head.read(walk, layers.get(layers.size() - 1).outputs());
        rows(input);
        if (r.sigmoid()) {
            Network.Dense last = layers.remove(layers.size() - 1);
            layers.add(new Network.Dense(last.weights(), last.biases(), Activation.SIGMOID));
        }
        Network network = new Network(layers.get(0).inputs(), layers);
        Map<String, Object> metadata = metadata(onnx, features, r, network.outputs());
        Scaler scaler = scaler(metadata, shiftScale, network.inputs());
        Scaler target = r.task() == Task.CLASSIFICATION ? null : r.target() == null ? Scaler.none(1)
                : new Scaler(Scaling.STANDARD, new double[] {r.target()[0]}, new double[] {r.target()[1]}, List.of());
        return new ModelFile(network, scaler, target, metadata);
    }

    /** The graph's one input that is not an initializer (older exporters list the weights as inputs too). */
    private static Value input(OnnxFile.Graph g) {
        List<Value> inputs = g.inputs().stream().filter(v -> !g.initializers().containsKey(v.name())).toList();
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("the graph has " + inputs.size() + " inputs " + OnnxHead.names(inputs)
                    + "; jgrad imports MLPs of one input matrix");
        }
        return inputs.get(0);
    }

    /** Checked once the nodes are known, so that a convolution's [N, C, L] input is refused by its Conv node. */
    private static void rows(Value in) {
        if (in.type() != 0 && in.type() != OnnxFile.FLOAT && in.type() != OnnxFile.DOUBLE || in.dims().length > 2) {
            throw new IllegalArgumentException("the graph's input '" + in.name() + "' is of ONNX type " + in.type() + " with "
                    + in.dims().length + " dimensions; jgrad imports MLPs of float32 or float64 rows, [N, features]");
        }
    }

    /**
     * The training settings jgrad's exporter kept in "settings" (none from elsewhere, but where the
     * model came from), with the features, loss and transform the graph computes.
     */
    private static Map<String, Object> metadata(OnnxFile.Model onnx, Features features, OnnxHead.Reading r, int outputs) {
        Map<String, Object> m = new LinkedHashMap<>();
        String settings = onnx.metadata().get("settings");
        if (onnx.producer().equals("jgrad") && settings != null && Json.parse(settings) instanceof Map<?, ?> saved) {
            saved.forEach((k, v) -> m.put(String.valueOf(k), v));
        } else {
            m.put("importedFrom", (onnx.producer() + " " + onnx.producerVersion()).strip() + " (ONNX)");
        }
        if (features == null) {
            m.remove("transform");
        } else if (!features.ids().equals(m.get("transform"))) {
            m.put("transform", features.ids());
        }
        if (r.task() == Task.CLASSIFICATION) {
            Loss saved = m.get("loss") == null ? null : Loss.CHOICES.parse(String.valueOf(m.get("loss")));
            Loss loss = r.loss() != null ? r.loss() : saved != null ? saved : Loss.MSE;
            Loss fallback = outputs == 1 ? Loss.BCE : Loss.CROSS_ENTROPY;
            if (loss != saved && !(saved == null && loss == fallback)) {
                m.put("loss", loss.id());
            }
        }
        return m;
    }

    /** The scaler of the Sub and Div, of the kind the settings name (standard when they name none). */
    private static Scaler scaler(Map<String, Object> metadata, double[][] shiftScale, int inputs) {
        Scaling kind = shiftScale == null ? Scaling.NONE : Scaling.STANDARD;
        if (metadata.get("scale") instanceof String id && Scaling.CHOICES.ids().contains(id)) {
            kind = Scaling.CHOICES.parse(id);
        }
        if (shiftScale == null) {
            Scaler none = Scaler.none(inputs);
            return new Scaler(kind, none.shift(), none.scale(), List.of());
        }
        return new Scaler(kind, shiftScale[0], shiftScale[1], List.of());
    }
}
