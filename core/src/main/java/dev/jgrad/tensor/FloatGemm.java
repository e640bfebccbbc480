package dev.jgrad.tensor;

/**
 * {@link Gemm} for float32 numbers: the same layouts, the same contract. Every JVM kernel computes
 * C[i][j] from +0 with one {@code Math.fma} in float per p ascending (the browser's multiplies, then
 * adds), so blocking, vector width and threads never change a bit.
 */
interface FloatGemm {
    void multiply(boolean ta, boolean tb, int m, int n, int k, float[] a, float[] b, float[] c, int from, int to);

    /** As {@link Gemm#rows}: B prepared once for every part of one product's rows. */
    default Gemm.Rows rows(boolean ta, boolean tb, int m, int n, int k, float[] a, float[] b, float[] c) {
        return (from, to) -> multiply(ta, tb, m, n, k, a, b, c, from, to);
    }

    /** As {@link Gemm#rowStep()}. */
    default int rowStep() {
        return 1;
    }
}
