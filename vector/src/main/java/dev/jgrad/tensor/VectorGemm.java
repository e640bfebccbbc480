package dev.jgrad.tensor;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A register- and cache-blocked matrix product on the Vector API (GotoBLAS's loop nest). Compiled
 * separately with the incubator module and registered by {@link JvmKernels} only when the JVM has
 * it, so the rest of jgrad never depends on it; {@link PlainGemm} is its oracle.
 *
 * <p>A block of op(B), KC deep, is packed into panels NR wide and a block of op(A) into panels MR
 * tall (zero-padded, so the inner kernel never branches); the kernel keeps an MR × NR tile of C in
 * 12 vector registers and streams both panels with one broadcast and two fused multiply-adds per
 * row and step. Packing reads either operand transposed at no extra cost. Blocking changes the
 * order in which entries are visited, never the order of one entry's operations ({@link Gemm}). The packing buffers are
 * kept per thread and reused across calls; a product split across threads packs B once, for all of them.
 */
final class VectorGemm implements Gemm {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int MR = 6;
    private static final int NR = 2 * L;
    private static final int KC = 256;
    private static final int MC = 16 * MR;
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(
            () -> new double[][] {new double[0], new double[MC * KC], new double[MR * NR]});

    @Override
    public void multiply(boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b, double[] c,
            int from, int to) {
        double[][] scratch = SCRATCH.get();
        if (scratch[0].length < packedSize(n, k)) {
            scratch[0] = new double[packedSize(n, k)];
        }
        packB(tb, b, n, k, scratch[0]);
        compute(ta, m, n, k, a, scratch[0], c, from, to);
    }

    /** B packed once by the caller's thread, for every part of the rows. */
    @Override
    public Rows rows(boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b, double[] c) {
        double[] pb = Buffers.take(packedSize(n, k));
        packB(tb, b, n, k, pb);
        return new Rows() {
            @Override
            public void compute(int from, int to) {
                VectorGemm.compute(ta, m, n, k, a, pb, c, from, to);
            }

            @Override
            public void close() {
                Buffers.give(pb);
            }
        };
    }

    @Override
    public int rowStep() {
        return MR;
    }

    /** Rows [from, to) of C from B packed by {@link #packB}. */
    private static void compute(boolean ta, int m, int n, int k, double[] a, double[] pb, double[] c, int from, int to) {
        Arrays.fill(c, from * n, to * n, 0);
        int panels = (n + NR - 1) / NR;
        double[][] scratch = SCRATCH.get();
        double[] pa = scratch[1], tile = scratch[2];
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc), block = pc * panels * NR;
            for (int ic = from; ic < to; ic += MC) {
                int mc = Math.min(MC, to - ic);
                packA(ta, a, m, k, ic, mc, pc, kc, pa);
                for (int jp = 0; jp < panels; jp++) {
                    int cols = Math.min(NR, n - jp * NR);
                    for (int ip = 0; ip * MR < mc; ip++) {
                        int rows = Math.min(MR, mc - ip * MR);
                        kernel(kc, pa, ip * MR * kc, pb, block + jp * NR * kc, c, (ic + ip * MR) * n + jp * NR, n,
                                rows, cols, tile);
                    }
                }
            }
        }
    }

    /** Numbers in B packed: every panel NR wide, zero-padded, over all of k. */
    private static int packedSize(int n, int k) {
        return (n + NR - 1) / NR * NR * k;
    }

    /** The float32 kernel of the same design. */
    static FloatGemm floats() {
        return new Floats();
    }

    @Override
    public String toString() {
        return "Vector API kernel (" + L + " float64 lanes, " + MR + "×" + NR + " register tile)";
    }

    /** Every KC block of op(B), one after another, each as panels NR wide and kc deep. */
    private static void packB(boolean tb, double[] b, int n, int k, double[] pb) {
        int panels = (n + NR - 1) / NR;
        for (int pc = 0; pc < k; pc += KC) {
            packB(tb, b, n, k, pc, Math.min(KC, k - pc), pb, pc * panels * NR);
        }
    }

    private static void packB(boolean tb, double[] b, int n, int k, int pc, int kc, double[] pb, int at) {
        int panels = (n + NR - 1) / NR;
        for (int jp = 0; jp < panels; jp++) {
            int base = at + jp * NR * kc, col0 = jp * NR, cols = Math.min(NR, n - col0);
            if (cols < NR) {
                Arrays.fill(pb, base, base + NR * kc, 0);
            }
            if (!tb) {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, (pc + p) * n + col0, pb, base + p * NR, cols);
                }
            } else {
                for (int j = 0; j < cols; j++) {
                    int src = (col0 + j) * k + pc;
                    for (int p = 0; p < kc; p++) {
                        pb[base + p * NR + j] = b[src + p];
                    }
                }
            }
        }
    }

    private static void packA(boolean ta, double[] a, int m, int k, int ic, int mc, int pc, int kc, double[] pa) {
        for (int ip = 0; ip * MR < mc; ip++) {
            int base = ip * MR * kc, row0 = ic + ip * MR, rows = Math.min(MR, mc - ip * MR);
            if (ta) {
                // A stored k × m: the panel's MR numbers for step p lie side by side in row pc + p
                for (int p = 0; p < kc; p++) {
                    int dst = base + p * MR;
                    System.arraycopy(a, (pc + p) * m + row0, pa, dst, rows);
                    Arrays.fill(pa, dst + rows, dst + MR, 0);
                }
                continue;
            }
            for (int r = 0; r < MR; r++) {
                if (r >= rows) {
                    for (int p = 0; p < kc; p++) {
                        pa[base + p * MR + r] = 0;
                    }
                } else {
                    int src = (row0 + r) * k + pc;
                    for (int p = 0; p < kc; p++) {
                        pa[base + p * MR + r] = a[src + p];
                    }
                }
            }
        }
    }

    /**
     * C[ci.., rows × cols] += the packed A panel times the packed B panel. The accumulators start
     * from C itself, not from zero, so each entry takes its fused multiply-adds in one chain over k,
     * exactly as {@link FmaGemm}'s, however many KC blocks k spans.
     */
    private static void kernel(int kc, double[] pa, int ao, double[] pb, int bo, double[] c, int ci, int n,
            int rows, int cols, double[] tile) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(c, ci + r * n, tile, r * NR, cols);
        }
        DoubleVector c00 = DoubleVector.fromArray(S, tile, 0), c01 = DoubleVector.fromArray(S, tile, L);
        DoubleVector c10 = DoubleVector.fromArray(S, tile, NR), c11 = DoubleVector.fromArray(S, tile, NR + L);
        DoubleVector c20 = DoubleVector.fromArray(S, tile, 2 * NR), c21 = DoubleVector.fromArray(S, tile, 2 * NR + L);
        DoubleVector c30 = DoubleVector.fromArray(S, tile, 3 * NR), c31 = DoubleVector.fromArray(S, tile, 3 * NR + L);
        DoubleVector c40 = DoubleVector.fromArray(S, tile, 4 * NR), c41 = DoubleVector.fromArray(S, tile, 4 * NR + L);
        DoubleVector c50 = DoubleVector.fromArray(S, tile, 5 * NR), c51 = DoubleVector.fromArray(S, tile, 5 * NR + L);
        for (int p = 0; p < kc; p++, ao += MR, bo += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, pb, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, pb, bo + L);
            DoubleVector x = DoubleVector.broadcast(S, pa[ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, pa[ao + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, pa[ao + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, pa[ao + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(S, pa[ao + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(S, pa[ao + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        // Through a small tile rather than straight to and from C: an array of vectors, or a branch that
        // stores them two ways, makes C2 box every accumulator and the kernel runs several times slower.
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        for (int r = 0; r < rows; r++) {
            int at = ci + r * n;
            for (int j = 0; j < cols; j++) {
                c[at + j] = tile[r * NR + j];
            }
        }
    }

    /**
     * This kernel in float32: the same loop nest, packing and 6-row register tile, two vectors of
     * 16 lanes wide on AVX-512 (twice the numbers per instruction), each entry's fused multiply-adds in
     * one chain over k ascending as {@link FmaFloatGemm}'s.
     */
    static final class Floats implements FloatGemm {
        private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
        private static final int L = S.length();
        private static final int MR = 6;
        private static final int NR = 2 * L;
        private static final int KC = 256;
        private static final int MC = 16 * MR;
        private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(
                () -> new float[][] {new float[0], new float[MC * KC], new float[MR * NR]});

        @Override
        public void multiply(boolean ta, boolean tb, int m, int n, int k, float[] a, float[] b, float[] c,
                int from, int to) {
            float[][] scratch = SCRATCH.get();
            if (scratch[0].length < packedSize(n, k)) {
                scratch[0] = new float[packedSize(n, k)];
            }
            packB(tb, b, n, k, scratch[0]);
            compute(ta, m, n, k, a, scratch[0], c, from, to);
        }

        /** B packed once by the caller's thread, for every part of the rows. */
        @Override
        public Gemm.Rows rows(boolean ta, boolean tb, int m, int n, int k, float[] a, float[] b, float[] c) {
            float[] pb = Buffers.takeFloats(packedSize(n, k));
            packB(tb, b, n, k, pb);
            return new Gemm.Rows() {
                @Override
                public void compute(int from, int to) {
                    Floats.compute(ta, m, n, k, a, pb, c, from, to);
                }

                @Override
                public void close() {
                    Buffers.give(pb);
                }
            };
        }

        @Override
        public int rowStep() {
            return MR;
        }

        /** Rows [from, to) of C from B packed by {@link #packB}. */
        private static void compute(boolean ta, int m, int n, int k, float[] a, float[] pb, float[] c, int from, int to) {
            Arrays.fill(c, from * n, to * n, 0);
            int panels = (n + NR - 1) / NR;
            float[][] scratch = SCRATCH.get();
            float[] pa = scratch[1], tile = scratch[2];
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc), block = pc * panels * NR;
                for (int ic = from; ic < to; ic += MC) {
                    int mc = Math.min(MC, to - ic);
                    packA(ta, a, m, k, ic, mc, pc, kc, pa);
                    for (int jp = 0; jp < panels; jp++) {
                        int cols = Math.min(NR, n - jp * NR);
                        for (int ip = 0; ip * MR < mc; ip++) {
                            int rows = Math.min(MR, mc - ip * MR);
                            kernel(kc, pa, ip * MR * kc, pb, block + jp * NR * kc, c, (ic + ip * MR) * n + jp * NR, n,
                                    rows, cols, tile);
                        }
                    }
                }
            }
        }

        /** Numbers in B packed: every panel NR wide, zero-padded, over all of k. */
        private static int packedSize(int n, int k) {
            return (n + NR - 1) / NR * NR * k;
        }

        @Override
        public String toString() {
            return "Vector API kernel (" + L + " float32 lanes, " + MR + "×" + NR + " register tile)";
        }

        /** Every KC block of op(B), one after another, each as panels NR wide and kc deep. */
        private static void packB(boolean tb, float[] b, int n, int k, float[] pb) {
            int panels = (n + NR - 1) / NR;
            for (int pc = 0; pc < k; pc += KC) {
                packB(tb, b, n, k, pc, Math.min(KC, k - pc), pb, pc * panels * NR);
            }
        }

        private static void packB(boolean tb, float[] b, int n, int k, int pc, int kc, float[] pb, int at) {
            int panels = (n + NR - 1) / NR;
            for (int jp = 0; jp < panels; jp++) {
                int base = at + jp * NR * kc, col0 = jp * NR, cols = Math.min(NR, n - col0);
                if (cols < NR) {
                    Arrays.fill(pb, base, base + NR * kc, 0);
                }
                if (!tb) {
                    for (int p = 0; p < kc; p++) {
                        System.arraycopy(b, (pc + p) * n + col0, pb, base + p * NR, cols);
                    }
                } else {
                    for (int j = 0; j < cols; j++) {
                        int src = (col0 + j) * k + pc;
                        for (int p = 0; p < kc; p++) {
                            pb[base + p * NR + j] = b[src + p];
                        }
                    }
                }
            }
        }

        private static void packA(boolean ta, float[] a, int m, int k, int ic, int mc, int pc, int kc, float[] pa) {
            for (int ip = 0; ip * MR < mc; ip++) {
                int base = ip * MR * kc, row0 = ic + ip * MR, rows = Math.min(MR, mc - ip * MR);
                if (ta) {
                    // A stored k × m: the panel's MR numbers for step p lie side by side in row pc + p
                    for (int p = 0; p < kc; p++) {
                        int dst = base + p * MR;
                        System.arraycopy(a, (pc + p) * m + row0, pa, dst, rows);
                        Arrays.fill(pa, dst + rows, dst + MR, 0);
                    }
                    continue;
                }
                for (int r = 0; r < MR; r++) {
                    if (r >= rows) {
                        for (int p = 0; p < kc; p++) {
                            pa[base + p * MR + r] = 0;
                        }
                    } else {
                        int src = (row0 + r) * k + pc;
                        for (int p = 0; p < kc; p++) {
                            pa[base + p * MR + r] = a[src + p];
                        }
                    }
                }
            }
        }

        /**
         * C[ci.., rows × cols] += the packed A panel times the packed B panel. The accumulators start
         * from C itself, not from zero, so each entry takes its fused multiply-adds in one chain over k,
         * exactly as {@link FmaGemm}'s, however many KC blocks k spans.
         */
        private static void kernel(int kc, float[] pa, int ao, float[] pb, int bo, float[] c, int ci, int n,
                int rows, int cols, float[] tile) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(c, ci + r * n, tile, r * NR, cols);
            }
            FloatVector c00 = FloatVector.fromArray(S, tile, 0), c01 = FloatVector.fromArray(S, tile, L);
            FloatVector c10 = FloatVector.fromArray(S, tile, NR), c11 = FloatVector.fromArray(S, tile, NR + L);
            FloatVector c20 = FloatVector.fromArray(S, tile, 2 * NR), c21 = FloatVector.fromArray(S, tile, 2 * NR + L);
            FloatVector c30 = FloatVector.fromArray(S, tile, 3 * NR), c31 = FloatVector.fromArray(S, tile, 3 * NR + L);
            FloatVector c40 = FloatVector.fromArray(S, tile, 4 * NR), c41 = FloatVector.fromArray(S, tile, 4 * NR + L);
            FloatVector c50 = FloatVector.fromArray(S, tile, 5 * NR), c51 = FloatVector.fromArray(S, tile, 5 * NR + L);
            for (int p = 0; p < kc; p++, ao += MR, bo += NR) {
                FloatVector b0 = FloatVector.fromArray(S, pb, bo);
                FloatVector b1 = FloatVector.fromArray(S, pb, bo + L);
                FloatVector x = FloatVector.broadcast(S, pa[ao]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                x = FloatVector.broadcast(S, pa[ao + 1]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                x = FloatVector.broadcast(S, pa[ao + 2]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                x = FloatVector.broadcast(S, pa[ao + 3]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
                x = FloatVector.broadcast(S, pa[ao + 4]);
                c40 = x.fma(b0, c40);
                c41 = x.fma(b1, c41);
                x = FloatVector.broadcast(S, pa[ao + 5]);
                c50 = x.fma(b0, c50);
                c51 = x.fma(b1, c51);
            }
            // Through a small tile rather than straight to and from C: an array of vectors, or a branch that
            // stores them two ways, makes C2 box every accumulator and the kernel runs several times slower.
            c00.intoArray(tile, 0);
            c01.intoArray(tile, L);
            c10.intoArray(tile, NR);
            c11.intoArray(tile, NR + L);
            c20.intoArray(tile, 2 * NR);
            c21.intoArray(tile, 2 * NR + L);
            c30.intoArray(tile, 3 * NR);
            c31.intoArray(tile, 3 * NR + L);
            c40.intoArray(tile, 4 * NR);
            c41.intoArray(tile, 4 * NR + L);
            c50.intoArray(tile, 5 * NR);
            c51.intoArray(tile, 5 * NR + L);
            for (int r = 0; r < rows; r++) {
                int at = ci + r * n;
                for (int j = 0; j < cols; j++) {
                    c[at + j] = tile[r * NR + j];
                }
            }
        }

    }
}
