package dev.jgrad.tensor;

import java.util.Arrays;

/**
 * {@link FmaGemm} in float32: C[i][j] from +0, one {@code Math.fma} in float per p ascending, the
 * definition the float32 vector kernel reproduces bit for bit.
 */
final class FmaFloatGemm implements FloatGemm {
    @Override
    public void multiply(boolean ta, boolean tb, int m, int n, int k, float[] a, float[] b, float[] c,
            int from, int to) {
        float[] upright = tb && n > 1 ? PlainFloatGemm.transpose(b, n, k) : null;
        upright(ta, m, n, k, a, upright != null ? upright : b, c, from, to);
        Buffers.give(upright);
    }

    /** A transposed B set upright once, for every part of the rows. */
    @Override
    public Gemm.Rows rows(boolean ta, boolean tb, int m, int n, int k, float[] a, float[] b, float[] c) {
        float[] upright = tb && n > 1 ? PlainFloatGemm.transpose(b, n, k) : null;
        float[] bu = upright != null ? upright : b;
        return new Gemm.Rows() {
            @Override
            public void compute(int from, int to) {
                upright(ta, m, n, k, a, bu, c, from, to);
            }

            @Override
            public void close() {
                Buffers.give(upright);
            }
        };
    }

    /** Rows [from, to) of op(A) · B for B stored k × n (or, with n = 1, a column either way). */
    private static void upright(boolean ta, int m, int n, int k, float[] a, float[] b, float[] c, int from, int to) {
        if (n == 1) {
            column(ta, m, k, a, b, c, from, to);
        } else {
            matrix(ta, m, n, k, a, b, c, from, to);
        }
    }

    /** op(A) · b for a single column b. */
    private static void column(boolean ta, int m, int k, float[] a, float[] b, float[] c, int from, int to) {
        if (!ta) {
            // four rows at a time: four independent chains of multiply-adds instead of one whose every step
            // waits for the last (W1's 200 × 9 · 9 × 1 product), each entry still summed over p in order
            int i = from;
            for (; i + 4 <= to; i += 4) {
                float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int r0 = i * k, r1 = r0 + k, r2 = r1 + k, r3 = r2 + k;
                for (int p = 0; p < k; p++) {
                    float bp = b[p];
                    s0 = Math.fma(a[r0 + p], bp, s0);
                    s1 = Math.fma(a[r1 + p], bp, s1);
                    s2 = Math.fma(a[r2 + p], bp, s2);
                    s3 = Math.fma(a[r3 + p], bp, s3);
                }
                c[i] = s0;
                c[i + 1] = s1;
                c[i + 2] = s2;
                c[i + 3] = s3;
            }
            for (; i < to; i++) {
                float s = 0;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[i * k + p], b[p], s);
                }
                c[i] = s;
            }
            return;
        }
        // Aᵀ·b: rows of A scaled and added, contiguous, instead of one long chain of dependent adds; four rows
        // of A a pass over c, each entry still taking them in order (a quarter of c's loads and stores)
        Arrays.fill(c, from, to, 0);
        int p = 0;
        for (; p + 4 <= k; p += 4) {
            float b0 = b[p], b1 = b[p + 1], b2 = b[p + 2], b3 = b[p + 3];
            int r0 = p * m, r1 = r0 + m, r2 = r1 + m, r3 = r2 + m;
            for (int i = from; i < to; i++) {
                c[i] = Math.fma(a[r3 + i], b3, Math.fma(a[r2 + i], b2, Math.fma(a[r1 + i], b1, Math.fma(a[r0 + i], b0, c[i]))));
            }
        }
        for (; p < k; p++) {
            float bp = b[p];
            int row = p * m;
            for (int i = from; i < to; i++) {
                c[i] = Math.fma(a[row + i], bp, c[i]);
            }
        }
    }

    private static void matrix(boolean ta, int m, int n, int k, float[] a, float[] b, float[] c, int from, int to) {
        if (k > 0 && k < 4) {
            fewSteps(ta, m, n, k, a, b, c, from, to);
            return;
        }
        Arrays.fill(c, from * n, to * n, 0);
        for (int i = from; i < to; i++) {
            int row = i * n, p = 0;
            // four steps of k per pass over the row, still in ascending order for each entry: a
            // quarter of the loads and stores of C, which bound the one-step loop
            for (; p + 4 <= k; p += 4) {
                float a0 = at(ta, a, m, k, i, p), a1 = at(ta, a, m, k, i, p + 1);
                float a2 = at(ta, a, m, k, i, p + 2), a3 = at(ta, a, m, k, i, p + 3);
                int b0 = p * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
                for (int j = 0; j < n; j++) {
                    float s = Math.fma(a0, b[b0 + j], c[row + j]);
                    s = Math.fma(a1, b[b1 + j], s);
                    s = Math.fma(a2, b[b2 + j], s);
                    c[row + j] = Math.fma(a3, b[b3 + j], s);
                }
            }
            for (; p < k; p++) {
                float aip = at(ta, a, m, k, i, p);
                int brow = p * n;
                for (int j = 0; j < n; j++) {
                    c[row + j] = Math.fma(aip, b[brow + j], c[row + j]);
                }
            }
        }
    }

    /**
     * k of 1 to 3 (a layer of two inputs, the gradient through a one-unit layer): each entry's multiply-adds in a
     * register from +0, as {@link #matrix} adds them, and C written once. The loop above reads and writes each row of C
     * k times, after clearing it, over rows of a few numbers each: a fifth of W1's step.
     */
    private static void fewSteps(boolean ta, int m, int n, int k, float[] a, float[] b, float[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            int row = i * n;
            float a0 = at(ta, a, m, k, i, 0);
            if (k == 1) {
                for (int j = 0; j < n; j++) {
                    c[row + j] = Math.fma(a0, b[j], 0f);
                }
            } else if (k == 2) {
                float a1 = at(ta, a, m, k, i, 1);
                for (int j = 0; j < n; j++) {
                    c[row + j] = Math.fma(a1, b[n + j], Math.fma(a0, b[j], 0f));
                }
            } else {
                float a1 = at(ta, a, m, k, i, 1), a2 = at(ta, a, m, k, i, 2);
                for (int j = 0; j < n; j++) {
                    c[row + j] = Math.fma(a2, b[2 * n + j], Math.fma(a1, b[n + j], Math.fma(a0, b[j], 0f)));
                }
            }
        }
    }

    /** op(A)[i][p]. */
    private static float at(boolean ta, float[] a, int m, int k, int i, int p) {
        return ta ? a[p * m + i] : a[i * k + p];
    }

    @Override
    public String toString() {
        return "plain loops with fused multiply-adds (float32)";
    }
}
