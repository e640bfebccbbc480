package dev.jgrad.tensor;

/**
 * A matrix-product kernel: rows {@code [from, to)} of C (m × n, row-major, overwritten) become
 * op(A) · op(B), where op(A) is m × k and op(B) is k × n. With {@code ta} A is stored k × m and read
 * transposed; with {@code tb} B is stored n × k. Backward passes need both, and reading a transpose
 * in place costs nothing while materialising it costs a copy.
 *
 * <p>Every JVM kernel computes C[i][j] as {@code FmaGemm} does: from +0, one {@code Math.fma} per p
 * in ascending order. Same operations, same order, same bits, whatever the blocking, vector width or
 * rows handed to a thread; tests compare kernels with exact equality.
 */
interface Gemm {
    void multiply(boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b, double[] c, int from, int to);
}
