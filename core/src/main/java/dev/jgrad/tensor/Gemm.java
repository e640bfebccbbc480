package dev.jgrad.tensor;

/**
 * A matrix-product kernel: rows {@code [from, to)} of C (m × n, row-major, overwritten) become
 * op(A) · op(B), where op(A) is m × k and op(B) is k × n. With {@code ta} A is stored k × m and read
 * transposed; with {@code tb} B is stored n × k. Backward passes need both, and reading a transpose
 * in place costs nothing while materialising it costs a copy.
 */
interface Gemm {
    void multiply(boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b, double[] c, int from, int to);
}
