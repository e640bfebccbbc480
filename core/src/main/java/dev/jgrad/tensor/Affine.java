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

        /** Bias and activation on rows [from, to) of the product, in place, while they are in cache. */
        @Override
        public void rows(int from, int to) {
            int n = shape[1];
            if (c == null && act == TANH) {
                tanhFloats(cf, in[2].floats, from * n, to * n, n);
                return;
            }
            for (int i = from; i < to; i++) {
                if (c != null) {
                    finish(c, data(2), i * n, n);
                } else {
                    finish(cf, in[2].floats, i * n, n);
                }
            }
        }

        private void finish(double[] c, double[] b, int row, int n) {
            if (act == RELU) {
                for (int j = 0; j < n; j++) {
                    c[row + j] = Math.max(c[row + j] + b[j], 0);
                }
            } else if (act == TANH) {
                for (int j = 0; j < n; j++) {
                    c[row + j] = Elementwise.tanh(c[row + j] + b[j]);
                }
            } else {
                for (int j = 0; j < n; j++) {
                    c[row + j] += b[j];
                }
            }
        }

        /** As the composite in float32: the sum in float, relu exact (tanh: {@link #tanhFloats}). */
        private void finish(float[] c, float[] b, int row, int n) {
            if (act == RELU) {
                for (int j = 0; j < n; j++) {
                    c[row + j] = Math.max(c[row + j] + b[j], 0f);
                }
            } else {
                for (int j = 0; j < n; j++) {
                    c[row + j] += b[j];
                }
            }
        }

        /**
         * c[from, to) = tanh(c + b), the sum in float, tanh in double rounded once, as the composite: in three plain
         * loops (widen, tanh, narrow) over a double copy, not one. A float↔double conversion inside tanh's loop
         * writes only part of its register, so each entry waited on the one before: tanh of a float32 layer cost
         * more than of a float64 one.
         */
        private static void tanhFloats(float[] c, float[] b, int from, int to, int n) {
            double[] t = Arena.doubles(to - from);
            for (int i = from, j = 0; i < to; i++, j = j + 1 == n ? 0 : j + 1) {
                t[i - from] = c[i] + b[j];
            }
            for (int i = 0; i < t.length; i++) {
                t[i] = Elementwise.tanh(t[i]);
            }
            for (int i = from; i < to; i++) {
                c[i] = (float) t[i - from];
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
         * dz = act'·g into {@code dz} (float64) or {@code dzf} (float32), and its column sums into db (unless null): one pass
         * over g in float64, two for relu, whose gate has no branch ({@link ReluGate}); {@link #slopesFloats} in float32.
         */
        private void slopes(double[] g, int n, double[] dz, float[] dzf, double[] db) {
            double[] sums = db != null ? db : Arena.zeroed(n);
            boolean tanh = act == TANH, relu = act == RELU;
            if (dzf != null) {
                slopesFloats(g, n, dzf, sums, tanh, relu);
                return;
            }
            double[] o = out;
            if (relu) {
                ReluGate.pass(o, g, dz);
                sumColumns(dz, n, sums);
                return;
            }
            for (int row = 0; row < g.length; row += n) {
                for (int j = 0, i = row; j < n; j++, i++) {
                    double v = tanh ? (1 - o[i] * o[i]) * g[i] : g[i];
                    dz[i] = v;
                    sums[j] += v;
                }
            }
        }

        /** sums[j] += v[i] over v's rows in order, as the composite's expand sums them. */
        private static void sumColumns(double[] v, int n, double[] sums) {
            for (int row = 0; row < v.length; row += n) {
                for (int j = 0, i = row; j < n; j++, i++) {
                    sums[j] += v[i];
                }
            }
        }

        /**
         * {@link #slopes} in float32, in three plain loops: dz in double, rounded into dzf, summed into the columns.
         * One loop doing all three converts a float to double and back per entry, and each conversion, writing only
         * part of its register, waits on the entry before: five times slower than float64's loop.
         */
        private void slopesFloats(double[] g, int n, float[] dzf, double[] sums, boolean tanh, boolean relu) {
            float[] o = outFloats;
            double[] v = Arena.doubles(g.length);
            if (relu) {
                ReluGate.pass(o, g, v);
            } else {
                for (int i = 0; i < g.length; i++) {
                    double x = o[i];
                    v[i] = tanh ? (1 - x * x) * g[i] : g[i];
                }
            }
            for (int i = 0; i < g.length; i++) {
                dzf[i] = (float) v[i];
            }
            sumColumns(v, n, sums);
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
