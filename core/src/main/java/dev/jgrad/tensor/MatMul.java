package dev.jgrad.tensor;

/** out = a @ b for a m × k and b k × n;  da = g @ bᵀ, db = aᵀ @ g (transposes read in place). */
final class MatMul extends Function {
    String name() { return "matmul"; }

    double[] forward() {
        int[] a = in[0].shape, b = in[1].shape;
        return Kernels.matmul(false, false, a[0], b[1], a[1], data(0), data(1));
    }

    double[][] backward(double[] g) {
        int m = in[0].shape[0], k = in[0].shape[1], n = in[1].shape[1];
        return new double[][] {
            needs(0) ? Kernels.matmul(false, true, m, k, n, g, data(1)) : null,
            needs(1) ? Kernels.matmul(true, false, k, n, m, data(0), g) : null};
    }
}
