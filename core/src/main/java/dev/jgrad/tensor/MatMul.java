package dev.jgrad.tensor;

/**
 * out = a @ b for a m × k and b k × n;  da = g @ bᵀ, db = aᵀ @ g (transposes read in place). In
 * float32 throughout: the gradient is rounded to float32 for the products, whose float32 results
 * Backward widens as it adds them ({@link Function#floatGrads}).
 */
final class MatMul extends Function {
    String name() { return "matmul"; }

    double[] forward() {
        int[] a = in[0].shape, b = in[1].shape;
        return Kernels.matmul(false, false, a[0], b[1], a[1], data(0), data(1));
    }

    @Override
    float[] forwardFloats() {
        int[] a = in[0].shape, b = in[1].shape;
        return Kernels.matmul(false, false, a[0], b[1], a[1], in[0].floats, in[1].floats);
    }

    double[][] backward(double[] g) {
        int m = in[0].shape[0], k = in[0].shape[1], n = in[1].shape[1];
        if (in[0].floats != null) {
            return backwardFloats(g, m, k, n);
        }
        return new double[][] {
            needs(0) ? Kernels.matmul(false, true, m, k, n, g, data(1), into(0)) : null,
            needs(1) ? Kernels.matmul(true, false, k, n, m, data(0), g, into(1)) : null};
    }

    private double[][] backwardFloats(double[] g, int m, int k, int n) {
        float[] gf = Arena.narrow(g);
        floatGrads = new float[][] {needs(0) ? Kernels.matmul(false, true, m, k, n, gf, in[1].floats) : null,
            needs(1) ? Kernels.matmul(true, false, k, n, m, in[0].floats, gf) : null};
        return new double[][] {null, null};
    }
}
