package dev.jgrad.tensor;

import java.util.Arrays;

/**
 * {@link PlainGemm} in float32: multiply, then add, each rounded to float, over k ascending. The
 * browser's float32 kernel and the JVM's until {@code JvmKernels.install()} registers the fused form.
 */
final class PlainFloatGemm implements FloatGemm {
    @Override
    public String toString() {
        return "plain loops (float32)";
    }

    @Override
    public void multiply(boolean ta, boolean tb, int m, int n, int k, float[] a, float[] b, float[] c,
            int from, int to) {
        float[] upright = tb && n > 1 ? transpose(b, n, k) : null;
        if (upright != null) {
            b = upright;
        }
        if (n == 1 && !ta) {
            for (int i = from; i < to; i++) {
                float s = 0;
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
                float bp = b[p];
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
                float aip = ta ? a[p * m + i] : a[i * k + p];
                int brow = p * n;
                for (int j = 0; j < n; j++) {
                    c[row + j] += aip * b[brow + j];
                }
            }
        }
        Buffers.give(upright);
    }

    /** The r × c matrix x as c × r. */
    static float[] transpose(float[] x, int r, int c) {
        float[] t = Buffers.takeFloats(x.length);
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                t[j * r + i] = x[i * c + j];
            }
        }
        return t;
    }
}
