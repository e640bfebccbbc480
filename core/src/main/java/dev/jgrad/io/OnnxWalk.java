package dev.jgrad.io;

import dev.jgrad.data.Features;
import dev.jgrad.data.Features.Feature;
import dev.jgrad.io.OnnxFile.Node;
import dev.jgrad.io.OnnxFile.Tensor;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Network;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cursor over a graph's nodes (in the order ONNX requires: each after its inputs) that takes them
 * as an MLP's pipeline, stage by stage: jgrad's feature functions, a scaler (Sub then Div by
 * constants), the layers (Gemm, or MatMul then Add, each with its activation). {@link #h} is the
 * tensor the chain has reached; every node taken must read it. A node that fits no stage is left for
 * {@link OnnxHead}, which refuses what it does not know by {@link #refuse}.
 */
final class OnnxWalk {
    private final List<Node> nodes;
    private final Map<String, Tensor> constants;
    private int at;
    /** The tensor the chain has reached. */
    String h;

    OnnxWalk(OnnxFile.Graph graph, String input) {
        this.nodes = graph.nodes();
        this.constants = new HashMap<>(graph.initializers());
        this.h = input;
    }

    /** The next node (a Constant node becomes a constant on the way), or null at the end. */
    Node peek() {
        while (at < nodes.size() && nodes.get(at).op().equals("Constant")) {
            Node c = nodes.get(at++);
            OnnxFile.Attribute value = c.attributes().get("value");
            if (value == null || value.t() == null || c.outputs().size() != 1) {
                throw refuse(c, "jgrad reads a Constant's 'value' tensor only");
            }
            constants.put(c.outputs().get(0), value.t());
        }
        Node n = at < nodes.size() ? nodes.get(at) : null;
        if (n != null && !n.domain().isEmpty() && !n.domain().equals("ai.onnx")) {
            throw refuse(n, "its domain '" + n.domain() + "' is not ONNX's own");
        }
        return n;
    }

    boolean at(String op) {
        Node n = peek();
        return n != null && n.op().equals(op);
    }

    /** The next node, which must be {@code op} reading {@code inputs} (null for a constant there). */
    Node take(String op, String... inputs) {
        Node n = peek();
        if (n == null || !n.op().equals(op)) {
            throw n == null ? new IllegalArgumentException("the graph ends where jgrad expects a " + op + " node") : refuse(n);
        }
        if (n.outputs().size() != 1 || n.inputs().size() < inputs.length) {
            throw refuse(n, "it has " + n.inputs().size() + " inputs and " + n.outputs().size() + " outputs");
        }
        for (int k = 0; k < inputs.length; k++) {
            String in = n.inputs().get(k);
            if (inputs[k] == null ? !constants.containsKey(in) : !inputs[k].equals(in)) {
                throw refuse(n, "it reads '" + in + "' where jgrad expects " + (inputs[k] == null ? "a constant" : "'" + inputs[k] + "'"));
            }
        }
        at++;
        return n;
    }

    static String out(Node n) {
        return n.outputs().get(0);
    }

    /** Input {@code k} of {@code n}, or "" when it has fewer. */
    static String input(Node n, int k) {
        return k < n.inputs().size() ? n.inputs().get(k) : "";
    }

    /** Whether {@code n} reads the chain's tensor first. */
    boolean reads(Node n) {
        return input(n, 0).equals(h);
    }

    /** The one number of the constant {@code n} reads as its input {@code k}. */
    double scalar(Node n, int k) {
        double[] v = constant(n, k);
        if (v.length != 1) {
            throw refuse(n, "its constant '" + input(n, k) + "' holds " + v.length + " numbers where jgrad expects one");
        }
        return v[0];
    }

    boolean isConstant(String name) {
        return constants.containsKey(name);
    }

    /** The numbers of the constant {@code n} reads as its input {@code k}. */
    double[] constant(Node n, int k) {
        Tensor t = constants.get(n.inputs().get(k));
        if (t.type() != OnnxFile.FLOAT && t.type() != OnnxFile.DOUBLE && t.type() != OnnxFile.INT64) {
            throw refuse(n, "its constant '" + t.name() + "' is of ONNX type " + t.type() + ", not float32, float64 or int64");
        }
        return t.values();
    }

    long[] dims(Node n, int k) {
        return constants.get(n.inputs().get(k)).dims();
    }

    /** Passes over nodes that change nothing of a [N, k] matrix: Identity, and Flatten at axis 1. */
    void skipNoOps() {
        while ((at("Identity") || at("Flatten") && attribute(peek(), "axis", 1) == 1) && reads(peek())) {
            h = out(take(peek().op(), h));
        }
    }

    static long attribute(Node n, String name, long absent) {
        OnnxFile.Attribute a = n.attributes().get(name);
        return a == null ? absent : a.i();
    }

    /** jgrad's feature functions (Gather of x1 and x2, Mul, Sin, Concat) as the exporter writes them; null when none. */
    Features features() {
        if (!at("Gather")) {
            return null;
        }
        Map<String, Feature> symbols = new LinkedHashMap<>();
        while (at("Gather")) {
            Node g = take("Gather", h, null);
            double[] index = constant(g, 1);
            if (attribute(g, "axis", 0) != 1 || index.length != 1 || index[0] != 0 && index[0] != 1) {
                throw refuse(g, "jgrad gathers column 0 or 1 of its input only");
            }
            symbols.put(out(g), index[0] == 0 ? Feature.X1 : Feature.X2);
        }
        while ((at("Mul") || at("Sin")) && symbols.keySet().containsAll(peek().inputs())) {
            Node f = take(peek().op());
            symbols.put(out(f), feature(f, symbols));
        }
        List<Feature> chosen = new ArrayList<>();
        if (at("Concat") && symbols.keySet().containsAll(peek().inputs())) {
            Node c = take("Concat");
            c.inputs().forEach(in -> chosen.add(symbols.get(in)));
            h = out(c);
        } else {
            h = peek() == null ? h : input(peek(), 0);
            if (!symbols.containsKey(h)) {
                throw refuse(peek() == null ? nodes.get(at - 1) : peek(), "jgrad's features end in a Concat of x1, x2 and their functions");
            }
            chosen.add(symbols.get(h));
        }
        return new Features(chosen);
    }

    private Feature feature(Node f, Map<String, Feature> symbols) {
        List<Feature> in = f.inputs().stream().map(symbols::get).toList();
        String name = f.op().equals("Sin") ? in.size() == 1 ? "SIN" + in.get(0).name() : "" : in.size() != 2 ? "" : in.get(0) == in.get(1)
                ? in.get(0).name() + "SQ" : in.get(0) == Feature.X1 && in.get(1) == Feature.X2 ? "X1X2" : "";
        for (Feature feature : Feature.values()) {
            if (feature.name().equals(name)) {
                return feature;
            }
        }
        throw refuse(f, "it computes a function of x1 and x2 that jgrad's --features lacks");
    }

    /** A Sub then a Div by constants: (x − shift) / scale; null when the chain has none. */
    double[][] scaler() {
        if (!at("Sub") || !reads(peek()) || !isConstant(input(peek(), 1))) {
            return null;
        }
        Node sub = take("Sub", h, null);
        Node div = take("Div", out(sub), null);
        h = out(div);
        return new double[][] {constant(sub, 1), constant(div, 1)};
    }

    /** The layers from here on: each Gemm or MatMul (+ Add) on the chain, and the activation after it. */
    List<Network.Dense> layers(OnnxHead head) {
        List<Network.Dense> layers = new ArrayList<>();
        skipNoOps();
        while ((at("Gemm") || at("MatMul")) && reads(peek())) {
            double[][] wb = at("Gemm") ? OnnxLinear.gemm(this, take("Gemm", h, null)) : OnnxLinear.matMul(this);
            skipNoOps();
            Activation a = head.isOutputFunction(peek()) ? Activation.LINEAR : activation();
            layers.add(OnnxLinear.dense(wb, a));
            skipNoOps();
        }
        return layers;
    }

    /** The activation node on the chain, or jgrad's eight-node sigmoid; linear when there is none. */
    Activation activation() {
        Activation a = at("Relu") ? Activation.RELU : at("Tanh") ? Activation.TANH : at("Sigmoid") ? Activation.SIGMOID : null;
        if (a != null && reads(peek())) {
            h = out(take(peek().op(), h));
            return a;
        }
        if (at("Abs") && reads(peek())) {
            h = sigmoid(h);
            return Activation.SIGMOID;
        }
        return Activation.LINEAR;
    }

    /** jgrad's sigmoid of x ({@link OnnxLayers#sigmoid}): e = exp(−|x|), Where(x ≥ 0, 1/(1 + e), e/(1 + e)). */
    String sigmoid(String x) {
        Node abs = take("Abs", x);
        Node neg = take("Neg", out(abs));
        Node exp = take("Exp", out(neg));
        Node add = take("Add", null, out(exp));
        Node positive = take("Div", input(add, 0), out(add));
        Node negative = take("Div", out(exp), out(add));
        Node nonNegative = take("GreaterOrEqual", x, null);
        if (scalar(add, 0) != 1 || scalar(nonNegative, 1) != 0) {
            throw refuse(add, "it is not the 1 + e of jgrad's sigmoid");
        }
        return out(take("Where", out(nonNegative), out(positive), out(negative)));
    }

    /** The one line that refuses a node jgrad has no place for. */
    IllegalArgumentException refuse(Node n) {
        if (n.op().equals("Add") && n.inputs().stream().noneMatch(this::isConstant)) {
            return refuse(n, "it adds two computed tensors (a residual connection), which an MLP does not have");
        }
        return refuse(n, "jgrad imports MLPs: Gemm (or MatMul + Add) layers with Relu, Tanh or Sigmoid after them,"
                + " and Softmax or Sigmoid at the end");
    }

    static IllegalArgumentException refuse(Node n, String why) {
        return new IllegalArgumentException("cannot import node " + n.label() + ": " + why);
    }
}
