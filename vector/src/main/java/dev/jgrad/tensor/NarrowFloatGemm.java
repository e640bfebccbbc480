package dev.jgrad.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 product for a C at most two vectors wide (n ≤ 32 on AVX-512, n ≤ 16 on AVX2: a classifier's
 * last layer, 784-128-10's 10 columns in one vector, and its backward product Aᵀ·G). The blocked kernel would pack all
 * of A for a few columns; here B is copied into one zero-padded vector per step of k (two where C is
 * wider than one), A is read where it lies, and eight rows of C stay in registers, one vector each (or
 * two: sixteen accumulators, which AVX-512's 32 registers hold). Each entry still takes one fused
 * multiply-add per p ascending from +0 ({@link FloatGemm}), so the bits are the blocked kernel's.
 * {@link NarrowGemm} is this class in float64, line for line.
 */
final class NarrowFloatGemm implements FloatGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** The widest C this kernel takes: two vectors. */
    static final int WIDTH = 2 * L;
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(
            () -> new float[][] {new float[0], new float[8 * WIDTH]});

    @Override
    public void multiply(boolean ta, boolean tb, int m, int n, int k, float[] a, float[] b, float[] c, int from, int to) {
        fits(n);
        float[][] scratch = SCRATCH.get();
        if (scratch[0].length < k * WIDTH) {
            scratch[0] = new float[k * WIDTH];
        }
        padB(tb, b, n, k, stride(n), scratch[0]);
        compute(ta, m, n, k, a, scratch[0], c, from, to);
    }

    /** B padded once by the caller's thread, for every part of the rows. */
    @Override
    public Gemm.Rows rows(boolean ta, boolean tb, int m, int n, int k, float[] a, float[] b, float[] c) {
        fits(n);
        float[] pb = Buffers.takeFloats(k * stride(n));
        padB(tb, b, n, k, stride(n), pb);
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
            throw new IllegalArgumentException("a product " + n + " columns wide, wider than two vectors (" + WIDTH + ")");
        }
    }

    /** Numbers per step of padded B, and per row of the tile: one vector, or two where C is wider. */
    private static int stride(int n) {
        return n <= L ? L : WIDTH;
    }

    @Override
    public int rowStep() {
        return 8;
    }

    /** op(B), k × n, as k rows of w numbers each (one or two vectors), zeros beyond column n. */
    private static void padB(boolean tb, float[] b, int n, int k, int w, float[] pb) {
        java.util.Arrays.fill(pb, 0, k * w, 0);
        for (int p = 0; p < k; p++) {
            if (tb) {
                for (int j = 0; j < n; j++) {
                    pb[p * w + j] = b[j * k + p];
                }
            } else {
                System.arraycopy(b, p * n, pb, p * w, n);
            }
        }
    }

    /** Rows [from, to): eight at a time in registers, the last few one by one. */
    private static void compute(boolean ta, int m, int n, int k, float[] a, float[] pb, float[] c, int from, int to) {
        float[] tile = SCRATCH.get()[1];
        int w = stride(n), i = from;
        for (; i + 8 <= to; i += 8) {
            if (w == L && ta) {
                steps(k, a, i, m, pb, tile);
            } else if (w == L) {
                rows(k, a, i * k, k, pb, tile);
            } else if (ta) {
                steps2(k, a, i, m, pb, tile);
            } else {
                rows2(k, a, i * k, k, pb, tile);
            }
            for (int r = 0; r < 8; r++) {
                System.arraycopy(tile, r * w, c, (i + r) * n, n);
            }
        }
        for (; i < to; i++) {
            row(ta, m, k, a, i, pb, w, tile);
            System.arraycopy(tile, 0, c, i * n, n);
        }
    }

    /** One row of C, i, into the tile's first w numbers. */
    private static void row(boolean ta, int m, int k, float[] a, int i, float[] pb, int w, float[] tile) {
        FloatVector s = FloatVector.zero(S), t = s;
        for (int p = 0; p < k; p++) {
            s = FloatVector.broadcast(S, ta ? a[p * m + i] : a[i * k + p]).fma(FloatVector.fromArray(S, pb, p * w), s);
        }
        if (w > L) {
            for (int p = 0; p < k; p++) {
                t = FloatVector.broadcast(S, ta ? a[p * m + i] : a[i * k + p]).fma(FloatVector.fromArray(S, pb, p * w + L), t);
            }
        }
        s.intoArray(tile, 0);
        t.intoArray(tile, L);
    }

    /** Eight rows of A stored m × k from offset {@code ao}, {@code lda} apart: each row's steps side by side. */
    private static void rows(int k, float[] a, int ao, int lda, float[] pb, float[] tile) {
        int a0 = ao, a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda, a4 = a3 + lda, a5 = a4 + lda, a6 = a5 + lda, a7 = a6 + lda;
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        for (int p = 0; p < k; p++) {
            FloatVector b = FloatVector.fromArray(S, pb, p * L);
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
        c1.intoArray(tile, L);
        c2.intoArray(tile, 2 * L);
        c3.intoArray(tile, 3 * L);
        c4.intoArray(tile, 4 * L);
        c5.intoArray(tile, 5 * L);
        c6.intoArray(tile, 6 * L);
        c7.intoArray(tile, 7 * L);
    }

    /** Eight rows from column i of A stored k × m: each step's eight numbers side by side, m apart. */
    private static void steps(int k, float[] a, int i, int m, float[] pb, float[] tile) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        for (int p = 0, q = i; p < k; p++, q += m) {
            FloatVector b = FloatVector.fromArray(S, pb, p * L);
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
        c1.intoArray(tile, L);
        c2.intoArray(tile, 2 * L);
        c3.intoArray(tile, 3 * L);
        c4.intoArray(tile, 4 * L);
        c5.intoArray(tile, 5 * L);
        c6.intoArray(tile, 6 * L);
        c7.intoArray(tile, 7 * L);
    }

    /** {@link #rows} for a C two vectors wide: sixteen accumulators. */
    private static void rows2(int k, float[] a, int ao, int lda, float[] pb, float[] tile) {
        int a0 = ao, a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda, a4 = a3 + lda, a5 = a4 + lda, a6 = a5 + lda, a7 = a6 + lda;
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        FloatVector c40 = c00, c41 = c00, c50 = c00, c51 = c00, c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        for (int p = 0; p < k; p++) {
            FloatVector b0 = FloatVector.fromArray(S, pb, p * WIDTH), b1 = FloatVector.fromArray(S, pb, p * WIDTH + L);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + p]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + p]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + p]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + p]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            FloatVector x4 = FloatVector.broadcast(S, a[a4 + p]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            FloatVector x5 = FloatVector.broadcast(S, a[a5 + p]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
            FloatVector x6 = FloatVector.broadcast(S, a[a6 + p]);
            c60 = x6.fma(b0, c60);
            c61 = x6.fma(b1, c61);
            FloatVector x7 = FloatVector.broadcast(S, a[a7 + p]);
            c70 = x7.fma(b0, c70);
            c71 = x7.fma(b1, c71);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, 0 + L);
        c10.intoArray(tile, WIDTH);
        c11.intoArray(tile, WIDTH + L);
        c20.intoArray(tile, 2 * WIDTH);
        c21.intoArray(tile, 2 * WIDTH + L);
        c30.intoArray(tile, 3 * WIDTH);
        c31.intoArray(tile, 3 * WIDTH + L);
        c40.intoArray(tile, 4 * WIDTH);
        c41.intoArray(tile, 4 * WIDTH + L);
        c50.intoArray(tile, 5 * WIDTH);
        c51.intoArray(tile, 5 * WIDTH + L);
        c60.intoArray(tile, 6 * WIDTH);
        c61.intoArray(tile, 6 * WIDTH + L);
        c70.intoArray(tile, 7 * WIDTH);
        c71.intoArray(tile, 7 * WIDTH + L);
    }

    /** {@link #steps} for a C two vectors wide: sixteen accumulators. */
    private static void steps2(int k, float[] a, int i, int m, float[] pb, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        FloatVector c40 = c00, c41 = c00, c50 = c00, c51 = c00, c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        for (int p = 0, q = i; p < k; p++, q += m) {
            FloatVector b0 = FloatVector.fromArray(S, pb, p * WIDTH), b1 = FloatVector.fromArray(S, pb, p * WIDTH + L);
            FloatVector x0 = FloatVector.broadcast(S, a[q]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[q + 1]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(S, a[q + 2]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            FloatVector x3 = FloatVector.broadcast(S, a[q + 3]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            FloatVector x4 = FloatVector.broadcast(S, a[q + 4]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            FloatVector x5 = FloatVector.broadcast(S, a[q + 5]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
            FloatVector x6 = FloatVector.broadcast(S, a[q + 6]);
            c60 = x6.fma(b0, c60);
            c61 = x6.fma(b1, c61);
            FloatVector x7 = FloatVector.broadcast(S, a[q + 7]);
            c70 = x7.fma(b0, c70);
            c71 = x7.fma(b1, c71);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, 0 + L);
        c10.intoArray(tile, WIDTH);
        c11.intoArray(tile, WIDTH + L);
        c20.intoArray(tile, 2 * WIDTH);
        c21.intoArray(tile, 2 * WIDTH + L);
        c30.intoArray(tile, 3 * WIDTH);
        c31.intoArray(tile, 3 * WIDTH + L);
        c40.intoArray(tile, 4 * WIDTH);
        c41.intoArray(tile, 4 * WIDTH + L);
        c50.intoArray(tile, 5 * WIDTH);
        c51.intoArray(tile, 5 * WIDTH + L);
        c60.intoArray(tile, 6 * WIDTH);
        c61.intoArray(tile, 6 * WIDTH + L);
        c70.intoArray(tile, 7 * WIDTH);
        c71.intoArray(tile, 7 * WIDTH + L);
    }

    @Override
    public String toString() {
        return "Vector API kernel for narrow products (" + L + " float32 lanes, 8 rows of one or two vectors)";
    }
}
