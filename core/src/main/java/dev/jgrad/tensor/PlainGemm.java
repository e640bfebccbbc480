package dev.jgrad.tensor;

import java.util.Arrays;

/**
 * Plain loops, the oracle every faster kernel is tested against, and the kernel for small products
 * where packing would cost more than it saves. Loop orders keep the innermost loop contiguous, so
 * the JIT can vectorise it.
 */
final class PlainGemm implements Gemm {
    @Override
    public void multiply(boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b, double[] c,
            int from, int to) {
        Arrays.fill(c, from * n, to * n, 0);
        if (tb) {
            for (int i = from; i < to; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s += (ta ? a[p * m + i] : a[i * k + p]) * b[j * k + p];
                    }
                    c[i * n + j] = s;
                }
            }
            return;
        }
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
    }
}
