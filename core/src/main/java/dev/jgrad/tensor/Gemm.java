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

    /**
     * One product whose rows several threads compute in parts: what the kernel does to B (packing,
     * setting it upright) is done here once, not once per part. The default prepares nothing.
     */
    default Rows rows(boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b, double[] c) {
        return (from, to) -> multiply(ta, tb, m, n, k, a, b, c, from, to);
    }

    /** Row blocks of this many rows (or the last rows) run fastest: the height of the kernel's register tile. */
    default int rowStep() {
        return 1;
    }

    /** Rows of one product's C, computed on any thread, any part once; then {@link #close()}. */
    interface Rows {
        void compute(int from, int to);

        /** Hands back what {@link #rows} prepared, once every part is done. */
        default void close() {
        }
    }
}
