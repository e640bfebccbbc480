package dev.jgrad.tensor;

/**
 * Relu's backward gate, {@code out[i] = x[i] > 0 ? g[i] : +0}, for the relu node and the fused
 * layer. Written as that test it is a branch on the sign of each activation, which a trained layer
 * gets wrong about half the time: 3–4 ns an entry, the most expensive pass of a 784-128-10 step
 * after the products and Adam. The JVM's form ({@link #bitwise}) masks g's bits with a mask made from
 * x's bits instead, a few integer operations and no branch: 4–5× faster on 128 × 128 entries, and the
 * same bits for every x and g (NaN, ±0 and ±∞ included). The browser keeps the test, since TeaVM's
 * longs are JavaScript BigInts: {@code JvmKernels.install()} switches to the mask, as it switches
 * the products to their fused loops.
 */
final class ReluGate {
    /** +∞'s bits: x > 0 exactly when x's bits, as a signed number, are in [1, INF] (a NaN's are above). */
    private static final long INF = 0x7ff0000000000000L;
    private static final int INF_FLOAT = 0x7f800000;
    private static volatile boolean bitwise;

    private ReluGate() {
    }

    /** Gates by masks from now on (the JVM's choice; both forms give the same bits). */
    static void useMasks() {
        bitwise = true;
    }

    /** out[i] = x[i] > 0 ? g[i] : +0 for i in [0, out.length). */
    static void pass(double[] x, double[] g, double[] out) {
        if (bitwise) {
            bitwise(x, g, out);
        } else {
            branching(x, g, out);
        }
    }

    /** {@link #pass(double[], double[], double[])} for float32 activations. */
    static void pass(float[] x, double[] g, double[] out) {
        if (bitwise) {
            bitwise(x, g, out);
        } else {
            branching(x, g, out);
        }
    }

    static void branching(double[] x, double[] g, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = x[i] > 0 ? g[i] : 0;
        }
    }

    static void branching(float[] x, double[] g, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = x[i] > 0 ? g[i] : 0;
        }
    }

    /**
     * With u = bits(x) − 1, x > 0 exactly when 0 ≤ u < INF; then {@code (u − INF) & ~u} is negative, and
     * shifted it is a mask of all ones (else of zeros), which keeps g's bits or makes them +0.
     */
    static void bitwise(double[] x, double[] g, double[] out) {
        for (int i = 0; i < out.length; i++) {
            long u = Double.doubleToRawLongBits(x[i]) - 1;
            out[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(g[i]) & (((u - INF) & ~u) >> 63));
        }
    }

    static void bitwise(float[] x, double[] g, double[] out) {
        for (int i = 0; i < out.length; i++) {
            int u = Float.floatToRawIntBits(x[i]) - 1;
            long keep = ((u - INF_FLOAT) & ~u) >> 31;
            out[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(g[i]) & keep);
        }
    }
}
