package dev.jgrad.tensor;

/**
 * A dense layer's act(x·W + b) as one operation: the bias and the activation are applied to each
 * block of the product's rows as soon as it is computed, while it is in cache, instead of by two
 * more passes over the whole output; backward takes the activation's derivative and the bias's
 * column sums in one pass over the gradient. The same bits as the composite
 * {@code x.matmul(w).add(b)} followed by the activation, in both dtypes, on every kernel and thread
 * count: each entry goes through the same operations in the same order.
 *
 * <pre>{@code
 * Tensor h = Affine.RELU.apply(x, weight, bias);   // relu(x·W + b), one node
 * }</pre>
 */
public enum Affine {
    /** x·W + b. */
    IDENTITY,
    /** max(0, x·W + b), as {@link Tensor#relu()}. */
    RELU,
    /** tanh(x·W + b), as {@link Tensor#tanh()}. */
    TANH;

    /**
     * act(x·W + b) for x of shape m × k, W of k × n and b of n (or 1 × n), as one node in the graph.
     * Operands of other shapes, or of mixed dtypes, take the composite, which broadcasts and unifies
     * them as {@link Tensor#add} and {@link Tensor#matmul} do.
     *
     * @param x the inputs, one row per point
     * @param weight the weights, k × n
     * @param bias the biases, one per column of the product
     * @return the m × n outputs, in the graph
     */
    public Tensor apply(Tensor x, Tensor weight, Tensor bias) {
        int[] xs = x.shape, ws = weight.shape, bs = bias.shape;
        boolean fits = xs.length == 2 && ws.length == 2 && xs[1] == ws[0] && bias.size() == ws[1]
                && (bs.length == 1 || bs.length == 2 && bs[0] == 1);
        if (!fits || x.dtype() != weight.dtype() || bias.dtype() != weight.dtype()) {
            Tensor z = x.matmul(weight).add(bias);
            return this == RELU ? z.relu() : this == TANH ? z.tanh() : z;
        }
        return Tensor.apply(new Node(this), new int[] {xs[0], ws[1]}, x, weight, bias);
    }

    /**
     * The operation: inputs x, W, b; out = act(x·W + b). Backward: dz = act'(z)·g (relu's from its
     * output, whose sign is its input's; tanh's as 1 − out²), dx = dz·Wᵀ, dW = xᵀ·dz, db = Σ over rows
     * of dz, in row order from 0, as the composite's expand sums it. In float32 the product and the
     * bias add are in float32, tanh in double rounded once, dz rounded to float32 for the products
     * and summed for the bias in double: the composite's operations, one by one.
     */
    static final class Node extends Function implements Kernels.RowPass {
        final Affine act;
        /** The product being finished, in its dtype: set during forward only. */
        private double[] c;
        private float[] cf;
        /** float32's output, which backward reads; float64's is {@link #out}. */
        private float[] outFloats;

        Node(Affine act) {
            this.act = act;
        }

        String name() {
            return act == IDENTITY ? "affine" : act == RELU ? "affine+relu" : "affine+tanh";
        }

        double[] forward() {
            c = Arena.doubles(in[0].shape[0] * shape[1]);
            Kernels.matmul(in[0].shape[0], shape[1], in[0].shape[1], data(0), data(1), c, this);
            double[] o = c;
            c = null;
            return o;
        }

        @Override
        float[] forwardFloats() {
            cf = Arena.floats(in[0].shape[0] * shape[1]);
            Kernels.matmul(in[0].shape[0], shape[1], in[0].shape[1], in[0].floats, in[1].floats, cf, this);
            outFloats = cf;
            cf = null;
            return outFloats;
        }

        /** Bias and activation on rows [from, to) of the product, in place, while they are in cache ({@link Passes}). */
        @Override
        public void rows(int from, int to) {
            int n = shape[1];
            Passes p = Loops.passes(c == null);
            if (c != null) {
                switch (act) {
                    case RELU -> p.biasRelu(c, data(2), from, to, n);
                    case TANH -> p.biasTanh(c, data(2), from, to, n);
                    case IDENTITY -> addBias(c, data(2), from, to, n);
                }
                return;
            }
            switch (act) {
                case RELU -> p.biasRelu(cf, in[2].floats, from, to, n);
                case TANH -> p.biasTanh(cf, in[2].floats, from, to, n);
                case IDENTITY -> addBias(cf, in[2].floats, from, to, n);
            }
        }

        private static void addBias(double[] c, double[] b, int from, int to, int n) {
            for (int row = from * n; row < to * n; row += n) {
                for (int j = 0; j < n; j++) {
                    c[row + j] += b[j];
                }
            }
        }

        private static void addBias(float[] c, float[] b, int from, int to, int n) {
            for (int row = from * n; row < to * n; row += n) {
                for (int j = 0; j < n; j++) {
                    c[row + j] += b[j];
                }
            }
        }

        double[][] backward(double[] g) {
            int m = in[0].shape[0], k = in[0].shape[1], n = shape[1];
            double[] db = needs(2) ? Arena.zeroed(n) : null;
            if (outFloats != null) {
                float[] dz = Arena.floats(m * n);
                slopes(g, n, null, dz, db);
                floatGrads = new float[][] {
                    needs(0) ? Kernels.matmul(false, true, m, k, n, dz, in[1].floats) : null,
                    needs(1) ? Kernels.matmul(true, false, k, n, m, in[0].floats, dz) : null, null};
                return new double[][] {null, null, db};
            }
            double[] dz = act == IDENTITY ? g : Arena.doubles(m * n);
            slopes(g, n, dz, null, db);
            return new double[][] {
                needs(0) ? Kernels.matmul(false, true, m, k, n, dz, data(1), into(0)) : null,
                needs(1) ? Kernels.matmul(true, false, k, n, m, data(0), dz, into(1)) : null, db};
        }

        /**
         * dz = act'·g into {@code dz} (float64) or rounded into {@code dzf} (float32), and its column sums into db (unless
         * null), by the {@link Passes} for relu and tanh; the identity's dz is g (rounded, in float32).
         */
        private void slopes(double[] g, int n, double[] dz, float[] dzf, double[] db) {
            double[] sums = db != null ? db : Arena.zeroed(n);
            Passes p = Loops.passes(dzf != null);
            if (act == RELU) {
                if (dzf != null) {
                    p.reluSlopes(outFloats, g, dzf, sums, n);
                } else {
                    p.reluSlopes(out, g, dz, sums, n);
                }
            } else if (act == TANH) {
                if (dzf != null) {
                    p.tanhSlopes(outFloats, g, dzf, sums, n);
                } else {
                    p.tanhSlopes(out, g, dz, sums, n);
                }
            } else {
                for (int i = 0; dzf != null && i < g.length; i++) {
                    dzf[i] = (float) g[i];
                }
                PlainPasses.sumColumns(g, n, sums);
            }
        }

        /** The same rule as tensor operations, for {@link Gradients} (differentiable again). */
        Tensor[] chain(Tensor output, Tensor g) {
            Tensor x = in[0], w = in[1], b = in[2];
            Tensor dz = act == RELU ? g.mul(Gradients.mask(output.shape, output.data(), null))
                    : act == TANH ? output.mul(output).neg().add(1).mul(g) : g;
            return new Tensor[] {x.requiresGrad ? dz.matmul(w.transpose()) : null,
                w.requiresGrad ? x.transpose().matmul(dz) : null, b.requiresGrad ? dz.sum(0, false).reshape(b.shape) : null};
        }
    }
}
