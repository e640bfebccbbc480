package dev.jgrad.io;

import dev.jgrad.data.Features;
import dev.jgrad.data.Scaler;
import dev.jgrad.nn.Network;
import java.util.ArrayList;
import java.util.List;

/** The steps of predict's pipeline as ONNX nodes, each computing what its jgrad counterpart does. */
final class OnnxLayers {
    private OnnxLayers() {
    }

    /** The chosen functions of the two raw columns ({@link Features.Feature#of}), side by side; none: the input. */
    static String features(OnnxGraph g, String x, Features f) {
        if (f == null) {
            return x;
        }
        String x1 = g.op("Gather", List.of(x, g.int64s("column_1", 0)), OnnxGraph.attribute("axis", 1));
        String x2 = g.op("Gather", List.of(x, g.int64s("column_2", 1)), OnnxGraph.attribute("axis", 1));
        List<String> columns = new ArrayList<>();
        for (Features.Feature feature : f.chosen()) {
            columns.add(switch (feature) {
                case X1 -> x1;
                case X2 -> x2;
                case X1SQ -> g.op("Mul", List.of(x1, x1));
                case X2SQ -> g.op("Mul", List.of(x2, x2));
                case X1X2 -> g.op("Mul", List.of(x1, x2));
                case SINX1 -> g.op("Sin", List.of(x1));
                case SINX2 -> g.op("Sin", List.of(x2));
            });
        }
        return columns.size() == 1 ? columns.get(0) : g.op("Concat", columns, OnnxGraph.attribute("axis", 1));
    }

    /** (x − shift) / scale, as {@link Scaler#apply(double[])}; nothing for a scaler that changes nothing. */
    static String scale(OnnxGraph g, String x, Scaler s) {
        if (s.isIdentity()) {
            return x;
        }
        String shifted = g.op("Sub", List.of(x, g.constant("scaler_shift", s.shift(), s.features())));
        return g.op("Div", List.of(shifted, g.constant("scaler_scale", s.scale(), s.features())));
    }

    /** x·Wᵀ + b (a Gemm on the weights as jgrad stores them, one row per neuron), then the activation. */
    static String dense(OnnxGraph g, String x, Network.Dense layer, int index) {
        double[] w = new double[layer.outputs() * layer.inputs()];
        for (int o = 0; o < layer.outputs(); o++) {
            System.arraycopy(layer.weights()[o], 0, w, o * layer.inputs(), layer.inputs());
        }
        String weights = g.constant("layer" + index + "_weights", w, layer.outputs(), layer.inputs());
        String biases = g.constant("layer" + index + "_biases", layer.biases(), layer.outputs());
        String z = g.op("Gemm", List.of(x, weights, biases), OnnxGraph.attribute("transB", 1));
        return switch (layer.activation()) {
            case TANH -> g.op("Tanh", List.of(z));
            case RELU -> g.op("Relu", List.of(z));
            case SIGMOID -> sigmoid(g, z);
            case LINEAR -> z;
        };
    }

    /**
     * The sigmoid as jgrad computes it, with e = exp(−|x|): 1/(1 + e) for x ≥ 0, e/(1 + e) below, so
     * that a very negative x gives its tiny probability rather than 0.
     */
    static String sigmoid(OnnxGraph g, String x) {
        String e = g.op("Exp", List.of(g.op("Neg", List.of(g.op("Abs", List.of(x))))));
        String one = g.constant("one_" + x, new double[] {1});
        String denominator = g.op("Add", List.of(one, e));
        String positive = g.op("Div", List.of(one, denominator));
        String negative = g.op("Div", List.of(e, denominator));
        String nonNegative = g.op("GreaterOrEqual", List.of(x, g.constant("zero_" + x, new double[] {0})));
        return g.op("Where", List.of(nonNegative, positive, negative));
    }
}
