package dev.jgrad.io;

import dev.jgrad.base.Choices;
import dev.jgrad.base.Named;
import dev.jgrad.data.ColumnStep;
import dev.jgrad.data.Features;
import dev.jgrad.data.Pipeline;
import dev.jgrad.data.Scaler;
import dev.jgrad.data.Task;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model file as an ONNX model that runs the whole of {@code jgrad predict}'s pipeline: the
 * features of {@code --features}, the scaler, each layer (Gemm) and its activation, then for a
 * classifier {@code label} (int64, the class index) and {@code probabilities} (softmax, or the
 * sigmoid of one logit: both classes, as {@code predict --proba} prints them) or, for mse and hinge,
 * {@code scores}; for a regression model {@code value} in the target's units. The input is
 * {@code features}, [N, raw feature count]. Opset 13, written byte by byte (no protobuf library), so
 * the same model gives the same bytes.
 *
 * <pre>{@code
 * byte[] onnx = OnnxExport.export(ModelFile.load(Path.of("model.json")), OnnxExport.Dtype.FLOAT64, "1.0");
 * }</pre>
 */
public final class OnnxExport {
    /** The opset the graph is written for, and the IR version that goes with it. */
    static final int OPSET = 13, IR_VERSION = 7;
    /** The parts of a model file the graph computes; anything else in one is refused by name. */
    private static final Set<String> ROOT = Set.of("format", "version", "inputs", "task", "scaler", "target", "layers", "metadata",
            "preprocessing");
    private static final Set<String> HANDLED = Set.of("classes", "features", "loss", "labelColumn", "transform");

    /** The element type of the input, the weights and the outputs. */
    public enum Dtype implements Named {
        /** 64-bit doubles, as jgrad computes. */
        FLOAT64,
        /** 32-bit floats, for runtimes that want them. */
        FLOAT32;

        /** Every dtype by the name {@code jgrad export --dtype} takes. */
        public static final Choices<Dtype> CHOICES = Choices.of("dtype", List.of(values()));

        @Override
        public String description() {
            return this == FLOAT64 ? "double precision: what jgrad computes, to the last bits" : "single precision, as most runtimes prefer";
        }
    }

    private OnnxExport() {
    }

    /**
     * Writes {@code model} to {@code file} as ONNX, atomically.
     *
     * @param model the model
     * @param dtype the graph's element type
     * @param version the jgrad writing it
     * @param file where to write it
     * @throws IOException when it cannot be written; the message names the file
     */
    public static void write(ModelFile model, Dtype dtype, String version, Path file) throws IOException {
        byte[] bytes = export(model, dtype, version);
        AtomicFile.write(file, temporary -> Files.write(temporary, bytes));
    }

    /**
     * The ONNX bytes of {@code model}; {@code version} is the jgrad writing it. A model that holds
     * what the graph cannot compute yet is an {@link IllegalArgumentException} naming it.
     *
     * @param model the model
     * @param dtype the graph's element type
     * @param version the jgrad writing it
     * @return the bytes
     */
    public static byte[] export(ModelFile model, Dtype dtype, String version) {
        exportable(model);
        OnnxGraph g = new OnnxGraph(dtype == Dtype.FLOAT64 ? OnnxGraph.DOUBLE : OnnxGraph.FLOAT);
        String h = preprocess(g, "features", model.pipeline());
        h = OnnxLayers.features(g, h, model.transform());
        h = OnnxLayers.scale(g, h, model.scaler());
        for (int l = 0; l < model.network().layers().size(); l++) {
            h = OnnxLayers.dense(g, h, model.network().layers().get(l), l + 1);
        }
        List<Protobuf> outputs = model.task() == Task.REGRESSION ? List.of(regression(g, h, model.target()))
                : classification(g, h, model.loss(), model.network().outputs());
        int raw = rawInputs(model);
        Protobuf input = OnnxGraph.valueInfo("features", g.elem(), "N", raw);
        Protobuf graph = g.graph("jgrad", doc(model), List.of(input), outputs);
        return OnnxModel.wrap(graph, doc(model), version, model).toBytes();
    }

    /** The columns the input holds: the preprocessing's raw ones, the transform's 2, or the network's inputs. */
    private static int rawInputs(ModelFile model) {
        return model.pipeline() != null ? model.pipeline().columns().size()
                : model.transform() == null ? model.network().inputs() : 2;
    }

    /**
     * The preprocessing of numeric columns, as {@code predict} applies it: a missing cell (NaN) becomes
     * the column's fill ({@code Where(IsNaN(x), fills, x)}; a column without one keeps its NaN, which
     * predict refuses), and a flagged column is followed by its {@code missing(column)} 1/0 feature
     * (both halves concatenated, then gathered into the model's order).
     */
    private static String preprocess(OnnxGraph g, String x, Pipeline pipeline) {
        if (pipeline == null || pipeline.trivial()) {
            return x;
        }
        List<ColumnStep> steps = pipeline.steps();
        double[] fills = steps.stream().mapToDouble(ColumnStep::fill).toArray();
        String missing = g.op("IsNaN", List.of(x));
        String filled = g.op("Where", List.of(missing, g.constant("fills", fills, fills.length), x));
        if (steps.stream().noneMatch(ColumnStep::indicator)) {
            return filled;
        }
        String flags = g.op("Cast", List.of(missing), OnnxGraph.attribute("to", g.elem()));
        String both = g.op("Concat", List.of(filled, flags), OnnxGraph.attribute("axis", 1));
        List<Long> order = new ArrayList<>();
        for (int c = 0; c < steps.size(); c++) {
            order.add((long) c);
            if (steps.get(c).indicator()) {
                order.add((long) steps.size() + c);
            }
        }
        return g.op("Gather", List.of(both, g.int64s("feature_order", order.stream().mapToLong(Long::longValue).toArray())),
                OnnxGraph.attribute("axis", 1));
    }

    private static void exportable(ModelFile model) {
        if (model.pipeline() != null) {
            for (ColumnStep s : model.pipeline().steps()) {
                if (s.kind() != ColumnStep.Kind.NUMBER) {
                    throw new IllegalArgumentException("cannot export to ONNX yet: column '" + s.column() + "' of the model's "
                            + "\"preprocessing\" is " + s.kind().id() + " (numeric columns, filled and flagged, export)");
                }
            }
        }
        Map<?, ?> root = (Map<?, ?>) Json.parse(model.toJson());
        for (Object key : root.keySet()) {
            if (!ROOT.contains(key)) {
                throw new IllegalArgumentException("cannot export to ONNX yet: the model's \"" + key + "\"");
            }
        }
        for (String key : ModelSchema.READ) {
            if (!HANDLED.contains(key) && model.metadata().containsKey(key)) {
                throw new IllegalArgumentException("cannot export to ONNX yet: the model's metadata \"" + key + "\"");
            }
        }
    }

    /** {@code value} = output · scale + shift: the target's scaler undone. */
    private static Protobuf regression(OnnxGraph g, String z, Scaler target) {
        String v = z;
        if (!target.isIdentity()) {
            v = g.op("Mul", List.of(v, g.constant("target_scale", target.scale(), 1)));
            v = g.op("Add", List.of(v, g.constant("target_shift", target.shift(), 1)));
        }
        g.op("Identity", "value", List.of(v));
        return OnnxGraph.valueInfo("value", g.elem(), "N", 1);
    }

    /** {@code label} as {@link Loss#predict} decides, and the probabilities or scores predict --proba prints. */
    private static List<Protobuf> classification(OnnxGraph g, String z, Loss loss, int outputs) {
        List<Protobuf> out = new ArrayList<>();
        if (outputs == 1) {
            String margin = loss == Loss.MSE ? g.op("Sub", List.of(z, g.constant("half", new double[] {0.5}))) : z;
            String above = g.op("Greater", List.of(margin, g.constant("zero", new double[] {0})));
            String label = g.op("Cast", List.of(above), OnnxGraph.attribute("to", OnnxGraph.INT64));
            g.op("Reshape", "label", List.of(label, g.int64s("flat", -1)));
            z = margin;
        } else {
            g.op("ArgMax", "label", List.of(z), OnnxGraph.attribute("axis", 1), OnnxGraph.attribute("keepdims", 0));
        }
        out.add(OnnxGraph.valueInfo("label", OnnxGraph.INT64, "N"));
        if (loss == Loss.CROSS_ENTROPY) {
            g.op("Softmax", "probabilities", List.of(z), OnnxGraph.attribute("axis", -1));
        } else if (loss == Loss.BCE) {
            String negative = OnnxLayers.sigmoid(g, g.op("Neg", List.of(z)));
            g.op("Concat", "probabilities", List.of(negative, OnnxLayers.sigmoid(g, z)), OnnxGraph.attribute("axis", 1));
        } else {
            g.op("Identity", "scores", List.of(z));
            out.add(OnnxGraph.valueInfo("scores", g.elem(), "N", outputs));
            return out;
        }
        out.add(OnnxGraph.valueInfo("probabilities", g.elem(), "N", Math.max(2, outputs)));
        return out;
    }

    /** One paragraph on what the graph computes, for the model's and the graph's doc strings. */
    private static String doc(ModelFile model) {
        StringBuilder shape = new StringBuilder().append(model.network().inputs());
        for (Network.Dense l : model.network().layers()) {
            shape.append(" → ").append(l.outputs()).append(' ').append(l.activation().id());
        }
        Features f = model.transform();
        Pipeline pipeline = model.pipeline();
        String missing = pipeline == null || pipeline.trivial() ? "" : "columns " + pipeline.columns() + " filled where missing into "
                + pipeline.names() + ", ";
        return "A jgrad " + model.task().id() + " model: " + missing + "features " + (f == null ? "as they are" : f.toString())
                + ", scaling " + model.scaler().kind().id() + ", MLP " + shape + (model.task() == Task.REGRESSION ? ""
                : ", " + model.loss().id() + " loss over classes " + model.classes()) + ". Input: features [N, "
                + rawInputs(model) + "].";
    }
}
