package dev.jgrad.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 product for a C at most one vector wide (n ≤ 16 on AVX-512, n ≤ 8 on AVX2: a classifier's
 * last layer, 784-128-10's 10 columns, and its backward product Aᵀ·G). The blocked kernel would pad B to two
 * vectors and pack all of A for a few columns; here B is copied into one zero-padded vector per step
 * of k, A is read where it lies, and eight rows of C stay in registers, one vector each. Each entry
 * still takes one fused multiply-add per p ascending from +0 ({@link FloatGemm}), so the bits are
 * the blocked kernel's. {@link NarrowGemm} is this class in float64, line for line.
 */
final class NarrowFloatGemm implements FloatGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** The widest C this kernel takes: one vector. */
    static final int WIDTH = S.length();
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(
            () -> new float[][] {new float[0], new float[8 * WIDTH]});

    @Override
    public void multiply(boolean ta, boolean tb, int m, int n, int k, float[] a, float[] b, float[] c, int from, int to) {
        fits(n);
        float[][] scratch = SCRATCH.get();
        if (scratch[0].length < k * WIDTH) {
            scratch[0] = new float[k * WIDTH];
        }
        padB(tb, b, n, k, scratch[0]);
        compute(ta, m, n, k, a, scratch[0], c, from, to);
    }

    /** B padded once by the caller's thread, for every part of the rows. */
    @Override
    public Gemm.Rows rows(boolean ta, boolean tb, int m, int n, int k, float[] a, float[] b, float[] c) {
        fits(n);
        float[] pb = Buffers.takeFloats(k * WIDTH);
        padB(tb, b, n, k, pb);
        return new Gemm.Rows() {
            @Override
            public void compute(int from, int to) {
                NarrowFloatGemm.compute(ta, m, n, k, a, pb, c, from, to);
            }

            @Override
            public void close() {
                Buffers.give(pb);
            }
        };
    }

    private static void fits(int n) {
        if (n > WIDTH) {
            throw new IllegalArgumentException("a product " + n + " columns wide, wider than one vector of " + WIDTH);
        }
    }

    @Override
    public int rowStep() {
        return 8;
    }

    /** op(B), k × n, as k rows of one vector each, zeros beyond column n. */
    private static void padB(boolean tb, float[] b, int n, int k, float[] pb) {
        java.util.Arrays.fill(pb, 0, k * WIDTH, 0);
        for (int p = 0; p < k; p++) {
            if (tb) {
                for (int j = 0; j < n; j++) {
                    pb[p * WIDTH + j] = b[j * k + p];
                }
            } else {
                System.arraycopy(b, p * n, pb, p * WIDTH, n);
            }
        }
    }

    /** Rows [from, to): eight at a time in registers, the last few one by one. */
    private static void compute(boolean ta, int m, int n, int k, float[] a, float[] pb, float[] c, int from, int to) {
        float[] tile = SCRATCH.get()[1];
        int i = from;
        for (; i + 8 <= to; i += 8) {
            if (ta) {
                steps(k, a, i, m, pb, tile);
            } else {
                rows(k, a, i * k, k, pb, tile);
            }
            for (int r = 0; r < 8; r++) {
                System.arraycopy(tile, r * WIDTH, c, (i + r) * n, n);
            }
        }
        for (; i < to; i++) {
            FloatVector s = FloatVector.zero(S);
            for (int p = 0; p < k; p++) {
                s = FloatVector.broadcast(S, ta ? a[p * m + i] : a[i * k + p]).fma(FloatVector.fromArray(S, pb, p * WIDTH), s);
            }
            s.intoArray(tile, 0);
            System.arraycopy(tile, 0, c, i * n, n);
        }
    }

    /** Eight rows of A stored m × k from offset {@code ao}, {@code lda} apart: each row's steps side by side. */
    private static void rows(int k, float[] a, int ao, int lda, float[] pb, float[] tile) {
        int a0 = ao, a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda, a4 = a3 + lda, a5 = a4 + lda, a6 = a5 + lda, a7 = a6 + lda;
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        for (int p = 0; p < k; p++) {
            FloatVector b = FloatVector.fromArray(S, pb, p * WIDTH);
            c0 = FloatVector.broadcast(S, a[a0 + p]).fma(b, c0);
            c1 = FloatVector.broadcast(S, a[a1 + p]).fma(b, c1);
            c2 = FloatVector.broadcast(S, a[a2 + p]).fma(b, c2);
            c3 = FloatVector.broadcast(S, a[a3 + p]).fma(b, c3);
            c4 = FloatVector.broadcast(S, a[a4 + p]).fma(b, c4);
            c5 = FloatVector.broadcast(S, a[a5 + p]).fma(b, c5);
            c6 = FloatVector.broadcast(S, a[a6 + p]).fma(b, c6);
            c7 = FloatVector.broadcast(S, a[a7 + p]).fma(b, c7);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, WIDTH);
        c2.intoArray(tile, 2 * WIDTH);
        c3.intoArray(tile, 3 * WIDTH);
        c4.intoArray(tile, 4 * WIDTH);
        c5.intoArray(tile, 5 * WIDTH);
        c6.intoArray(tile, 6 * WIDTH);
        c7.intoArray(tile, 7 * WIDTH);
    }

    /** Eight rows from column i of A stored k × m: each step's eight numbers side by side, m apart. */
    private static void steps(int k, float[] a, int i, int m, float[] pb, float[] tile) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        for (int p = 0, q = i; p < k; p++, q += m) {
            FloatVector b = FloatVector.fromArray(S, pb, p * WIDTH);
            c0 = FloatVector.broadcast(S, a[q]).fma(b, c0);
            c1 = FloatVector.broadcast(S, a[q + 1]).fma(b, c1);
            c2 = FloatVector.broadcast(S, a[q + 2]).fma(b, c2);
            c3 = FloatVector.broadcast(S, a[q + 3]).fma(b, c3);
            c4 = FloatVector.broadcast(S, a[q + 4]).fma(b, c4);
            c5 = FloatVector.broadcast(S, a[q + 5]).fma(b, c5);
            c6 = FloatVector.broadcast(S, a[q + 6]).fma(b, c6);
            c7 = FloatVector.broadcast(S, a[q + 7]).fma(b, c7);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, WIDTH);
        c2.intoArray(tile, 2 * WIDTH);
        c3.intoArray(tile, 3 * WIDTH);
        c4.intoArray(tile, 4 * WIDTH);
        c5.intoArray(tile, 5 * WIDTH);
        c6.intoArray(tile, 6 * WIDTH);
        c7.intoArray(tile, 7 * WIDTH);
    }

    @Override
    public String toString() {
        return "Vector API kernel for narrow products (" + WIDTH + " float32 lanes, 8 rows)";
    }
}
