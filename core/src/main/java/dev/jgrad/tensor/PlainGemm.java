package dev.jgrad.tensor;

import java.util.Arrays;

/**
 * Plain loops, multiplying then adding: the browser's kernel (TeaVM has no {@code Math.fma}) and the
 * JVM's until {@code JvmKernels.install()} registers their fused form, {@code FmaGemm}. Each entry of C
 * is accumulated over k in ascending order, as in every kernel. Also the kernel for small products
 * (a small net's layers) where packing would cost more than it saves. A transposed B is copied
 * upright first, so every product runs the same i-p-j nest whose innermost loop is contiguous and
 * the JIT vectorises; a single column (n = 1) is a dot product per row instead.
 */
final class PlainGemm implements Gemm {
    @Override
    public String toString() {
        return "plain loops";
    }

    @Override
    public void multiply(boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b, double[] c,
            int from, int to) {
        double[] upright = tb && n > 1 ? transpose(b, n, k) : null;
        if (upright != null) {
            b = upright;
        }
        if (n == 1 && !ta) {
            for (int i = from; i < to; i++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i * k + p] * b[p];
                }
                c[i] = s;
            }
            return;
        }
        if (n == 1) {
            // Aᵀ·b: rows of A scaled and added, contiguous, instead of one long chain of dependent adds.
            Arrays.fill(c, from, to, 0);
            for (int p = 0; p < k; p++) {
                double bp = b[p];
                int row = p * m;
                for (int i = from; i < to; i++) {
                    c[i] += a[row + i] * bp;
                }
            }
            return;
        }
        Arrays.fill(c, from * n, to * n, 0);
        for (int i = from; i < to; i++) {
            int row = i * n;
            for (int p = 0; p < k; p++) {
                double aip = ta ? a[p * m + i] : a[i * k + p];
                int brow = p * n;
                for (int j = 0; j < n; j++) {
                    c[row + j] += aip * b[brow + j];
                }
            }
        }
        Buffers.give(upright);
    }

    /** The r × c matrix x as c × r. */
    static double[] transpose(double[] x, int r, int c) {
        double[] t = Buffers.take(x.length);
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                t[j * r + i] = x[i * c + j];
            }
        }
        return t;
    }
}
