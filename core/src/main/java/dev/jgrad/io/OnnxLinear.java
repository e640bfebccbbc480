package dev.jgrad.io;

import dev.jgrad.io.OnnxFile.Node;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Network;
import java.util.Arrays;

/**
 * A linear layer's weights and biases from the nodes that compute it: a Gemm (as jgrad writes it,
 * and PyTorch's {@code Linear} on a matrix, with transB), or a MatMul by a constant then an Add of
 * one (PyTorch's {@code Linear} elsewhere). Returned as {@code {w₀, …, w_out−1, biases}}, one row of
 * weights per neuron, as {@link Network.Dense} keeps them.
 */
final class OnnxLinear {
    private OnnxLinear() {
    }

    /** Y = alpha · A · B(ᵀ) + beta · C, with A the chain. */
    static double[][] gemm(OnnxWalk walk, Node n) {
        if (OnnxWalk.attribute(n, "transA", 0) != 0) {
            throw OnnxWalk.refuse(n, "it transposes its input (transA)");
        }
        boolean transB = OnnxWalk.attribute(n, "transB", 0) == 1;
        double[][] wb = weights(walk, n, transB);
        int outputs = wb.length - 1;
        double alpha = factor(n, "alpha"), beta = factor(n, "beta");
        for (int o = 0; o < outputs; o++) {
            for (int i = 0; i < wb[o].length; i++) {
                wb[o][i] *= alpha;
            }
        }
        if (n.inputs().size() > 2 && !n.inputs().get(2).isEmpty()) {
            if (!walk.isConstant(n.inputs().get(2))) {
                throw OnnxWalk.refuse(n, "its C input '" + n.inputs().get(2) + "' is computed, not a constant bias");
            }
            wb[outputs] = biases(n, walk.constant(n, 2), outputs);
            for (int o = 0; o < outputs; o++) {
                wb[outputs][o] *= beta;
            }
        }
        walk.h = OnnxWalk.out(n);
        return wb;
    }

    /** A MatMul by a constant [in, out], and the Add of a constant [out] when one follows. */
    static double[][] matMul(OnnxWalk walk) {
        Node m = walk.take("MatMul", walk.h, null);
        double[][] wb = weights(walk, m, false);
        walk.h = OnnxWalk.out(m);
        Node add = walk.peek();
        if (add != null && add.op().equals("Add") && add.inputs().size() == 2 && add.inputs().contains(walk.h)) {
            int k = add.inputs().indexOf(walk.h) == 0 ? 1 : 0;
            if (walk.isConstant(add.inputs().get(k))) {
                walk.take("Add");
                wb[wb.length - 1] = biases(add, walk.constant(add, k), wb.length - 1);
                walk.h = OnnxWalk.out(add);
            }
        }
        return wb;
    }

    /** The layer, checked by {@link Network.Dense}; a weight that is not finite is refused here. */
    static Network.Dense dense(double[][] wb, Activation activation) {
        return new Network.Dense(Arrays.copyOf(wb, wb.length - 1), wb[wb.length - 1], activation);
    }

    /** B as rows of neurons: [out, in] when transposed, else [in, out]; zero biases until some are read. */
    private static double[][] weights(OnnxWalk walk, Node n, boolean transposed) {
        long[] dims = walk.dims(n, 1);
        double[] v = walk.constant(n, 1);
        if (dims.length != 2 || dims[0] == 0 || dims[1] == 0) {
            throw OnnxWalk.refuse(n, "its weights have shape " + Arrays.toString(dims) + ", not a matrix");
        }
        int outputs = (int) (transposed ? dims[0] : dims[1]), inputs = (int) (transposed ? dims[1] : dims[0]);
        double[][] wb = new double[outputs + 1][];
        for (int o = 0; o < outputs; o++) {
            wb[o] = new double[inputs];
            for (int i = 0; i < inputs; i++) {
                wb[o][i] = finite(n, transposed ? v[o * inputs + i] : v[i * outputs + o]);
            }
        }
        wb[outputs] = new double[outputs];
        return wb;
    }

    /** A bias of [out] or [1, out], or one number for all. */
    private static double[] biases(Node n, double[] b, int outputs) {
        if (b.length != outputs && b.length != 1) {
            throw OnnxWalk.refuse(n, "it adds " + b.length + " biases to " + outputs + " neurons");
        }
        double[] out = new double[outputs];
        for (int o = 0; o < outputs; o++) {
            out[o] = finite(n, b[b.length == 1 ? 0 : o]);
        }
        return out;
    }

    private static double factor(Node n, String name) {
        OnnxFile.Attribute a = n.attributes().get(name);
        return a == null ? 1 : a.f();
    }

    private static double finite(Node n, double v) {
        if (!Double.isFinite(v)) {
            throw OnnxWalk.refuse(n, "one of its weights is " + v);
        }
        return v;
    }
}
