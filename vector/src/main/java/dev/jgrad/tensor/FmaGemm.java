package dev.jgrad.tensor;

import java.util.Arrays;

/**
 * The JVM's plain loops: {@link PlainGemm}'s loop nest with every multiply-add fused by
 * {@link Math#fma}. This is the definition every JVM kernel reproduces bit for bit: C[i][j] starts at
 * +0 and takes {@code fma(op(A)[i][p], op(B)[p][j], C[i][j])} for p = 0, 1, … k − 1 in turn, so the
 * vector kernel, any blocking and any split of the rows across threads give the same numbers, and
 * the warm-up may switch kernels in the middle of a run without changing a result. It lives beside
 * the vector kernel because TeaVM has no {@code Math.fma}: the browser keeps {@link PlainGemm}.
 */
final class FmaGemm implements Gemm {
    @Override
    public void multiply(boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b, double[] c,
            int from, int to) {
        double[] upright = tb && n > 1 ? PlainGemm.transpose(b, n, k) : null;
        upright(ta, m, n, k, a, upright != null ? upright : b, c, from, to);
        Buffers.give(upright);
    }

    /** A transposed B set upright once, for every part of the rows. */
    @Override
    public Rows rows(boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b, double[] c) {
        double[] upright = tb && n > 1 ? PlainGemm.transpose(b, n, k) : null;
        double[] bu = upright != null ? upright : b;
        return new Rows() {
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
    private static void upright(boolean ta, int m, int n, int k, double[] a, double[] b, double[] c, int from, int to) {
        if (n == 1) {
            column(ta, m, k, a, b, c, from, to);
        } else {
            matrix(ta, m, n, k, a, b, c, from, to);
        }
    }

    /** op(A) · b for a single column b. */
    private static void column(boolean ta, int m, int k, double[] a, double[] b, double[] c, int from, int to) {
        if (!ta) {
            // four rows at a time: four independent chains of multiply-adds instead of one whose every step
            // waits for the last (W1's 200 × 9 · 9 × 1 product), each entry still summed over p in order
            int i = from;
            for (; i + 4 <= to; i += 4) {
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int r0 = i * k, r1 = r0 + k, r2 = r1 + k, r3 = r2 + k;
                for (int p = 0; p < k; p++) {
                    double bp = b[p];
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
                double s = 0;
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
            double b0 = b[p], b1 = b[p + 1], b2 = b[p + 2], b3 = b[p + 3];
            int r0 = p * m, r1 = r0 + m, r2 = r1 + m, r3 = r2 + m;
            for (int i = from; i < to; i++) {
                c[i] = Math.fma(a[r3 + i], b3, Math.fma(a[r2 + i], b2, Math.fma(a[r1 + i], b1, Math.fma(a[r0 + i], b0, c[i]))));
            }
        }
        for (; p < k; p++) {
            double bp = b[p];
            int row = p * m;
            for (int i = from; i < to; i++) {
                c[i] = Math.fma(a[row + i], bp, c[i]);
            }
        }
    }

    private static void matrix(boolean ta, int m, int n, int k, double[] a, double[] b, double[] c, int from, int to) {
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
                double a0 = at(ta, a, m, k, i, p), a1 = at(ta, a, m, k, i, p + 1);
                double a2 = at(ta, a, m, k, i, p + 2), a3 = at(ta, a, m, k, i, p + 3);
                int b0 = p * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
                for (int j = 0; j < n; j++) {
                    double s = Math.fma(a0, b[b0 + j], c[row + j]);
                    s = Math.fma(a1, b[b1 + j], s);
                    s = Math.fma(a2, b[b2 + j], s);
                    c[row + j] = Math.fma(a3, b[b3 + j], s);
                }
            }
            for (; p < k; p++) {
                double aip = at(ta, a, m, k, i, p);
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
    private static void fewSteps(boolean ta, int m, int n, int k, double[] a, double[] b, double[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            int row = i * n;
            double a0 = at(ta, a, m, k, i, 0);
            if (k == 1) {
                for (int j = 0; j < n; j++) {
                    c[row + j] = Math.fma(a0, b[j], 0.0);
                }
            } else if (k == 2) {
                double a1 = at(ta, a, m, k, i, 1);
                for (int j = 0; j < n; j++) {
                    c[row + j] = Math.fma(a1, b[n + j], Math.fma(a0, b[j], 0.0));
                }
            } else {
                double a1 = at(ta, a, m, k, i, 1), a2 = at(ta, a, m, k, i, 2);
                for (int j = 0; j < n; j++) {
                    c[row + j] = Math.fma(a2, b[2 * n + j], Math.fma(a1, b[n + j], Math.fma(a0, b[j], 0.0)));
                }
            }
        }
    }

    /** op(A)[i][p]. */
    private static double at(boolean ta, double[] a, int m, int k, int i, int p) {
        return ta ? a[p * m + i] : a[i * k + p];
    }

    @Override
    public String toString() {
        return "plain loops with fused multiply-adds";
    }
}
