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
 * vector registers and streams both panels with one broadcast and two fused multiply-adds per row
 * and step. The tile's height follows the vector width: 8 rows where the registers are 512 bits
 * wide (AVX-512 has 32 of them), 6 where they are 256 (AVX2's 16 would spill 16 accumulators);
 * docs/performance.md has the figures. Packing reads either operand transposed at no extra cost.
 * Blocking changes the order in which entries are visited, never the order of one entry's
 * operations ({@link Gemm}). The packing buffers are kept per thread and reused across calls; a
 * product split across threads packs B once, for all of them.
 */
final class VectorGemm implements Gemm {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** The tile's height for this machine's vectors: 8 rows with 512-bit registers, else 6. */
    static final int ROWS = S.vectorBitSize() >= 512 ? 8 : 6;
    private static final int NR = 2 * L;
    private static final int KC = 256;
    /** Rows of A packed at a time: a multiple of both tile heights. */
    private static final int MC = 96;
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(
            () -> new double[][] {new double[0], new double[MC * KC], new double[8 * NR]});

    /** Rows of the register tile: 6 or 8 (both give the same bits; tests run both). */
    private final int mr;

    VectorGemm() {
        this(ROWS);
    }

    VectorGemm(int rows) {
        if (rows != 6 && rows != 8) {
            throw new IllegalArgumentException("a register tile of 6 or 8 rows, not " + rows);
        }
        this.mr = rows;
    }

    @Override
    public void multiply(boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b, double[] c,
            int from, int to) {
        double[][] scratch = SCRATCH.get();
        if (scratch[0].length < packedSize(n, k)) {
            scratch[0] = new double[packedSize(n, k)];
        }
        packB(tb, b, n, k, scratch[0]);
        compute(mr, ta, m, n, k, a, scratch[0], c, from, to);
    }

    /** B packed once by the caller's thread, for every part of the rows. */
    @Override
    public Rows rows(boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b, double[] c) {
        double[] pb = Buffers.take(packedSize(n, k));
        packB(tb, b, n, k, pb);
        return new Rows() {
            @Override
            public void compute(int from, int to) {
                VectorGemm.compute(mr, ta, m, n, k, a, pb, c, from, to);
            }

            @Override
            public void close() {
                Buffers.give(pb);
            }
        };
    }

    @Override
    public int rowStep() {
        return mr;
    }

    /** Rows [from, to) of C from B packed by {@link #packB}; C's old contents are never read. */
    private static void compute(int mr, boolean ta, int m, int n, int k, double[] a, double[] pb, double[] c, int from, int to) {
        int panels = (n + NR - 1) / NR;
        double[][] scratch = SCRATCH.get();
        double[] pa = scratch[1], tile = scratch[2];
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc), block = pc * panels * NR;
            for (int ic = from; ic < to; ic += MC) {
                int mc = Math.min(MC, to - ic);
                packA(mr, ta, a, m, k, ic, mc, pc, kc, pa);
                for (int jp = 0; jp < panels; jp++) {
                    int cols = Math.min(NR, n - jp * NR);
                    for (int ip = 0; ip * mr < mc; ip++) {
                        int rows = Math.min(mr, mc - ip * mr);
                        kernel(mr, pc == 0, kc, pa, ip * mr * kc, pb, block + jp * NR * kc, c, (ic + ip * mr) * n + jp * NR,
                                n, rows, cols, tile);
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
        return "Vector API kernel (" + L + " float64 lanes, " + mr + "×" + NR + " register tile)";
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

    private static void packA(int mr, boolean ta, double[] a, int m, int k, int ic, int mc, int pc, int kc, double[] pa) {
        for (int ip = 0; ip * mr < mc; ip++) {
            int base = ip * mr * kc, row0 = ic + ip * mr, rows = Math.min(mr, mc - ip * mr);
            if (ta) {
                // A stored k × m: the panel's mr numbers for step p lie side by side in row pc + p
                for (int p = 0; p < kc; p++) {
                    int dst = base + p * mr;
                    System.arraycopy(a, (pc + p) * m + row0, pa, dst, rows);
                    Arrays.fill(pa, dst + rows, dst + mr, 0);
                }
                continue;
            }
            for (int r = 0; r < mr; r++) {
                if (r >= rows) {
                    for (int p = 0; p < kc; p++) {
                        pa[base + p * mr + r] = 0;
                    }
                } else {
                    int src = (row0 + r) * k + pc;
                    for (int p = 0; p < kc; p++) {
                        pa[base + p * mr + r] = a[src + p];
                    }
                }
            }
        }
    }

    /**
     * C[ci.., rows × cols] = its value so far plus the packed A panel times the packed B panel. The
     * accumulators start from +0 in the first KC block (C is not cleared beforehand, a pass over
     * memory saved) and from C itself after it, so each entry takes its fused multiply-adds in one
     * chain over k, exactly as {@link FmaGemm}'s, however many KC blocks k spans. The tile goes
     * through a small array rather than straight to and from C: an array of vectors, or a branch
     * that stores them two ways, makes C2 box every accumulator and the kernel runs several times slower.
     */
    private static void kernel(int mr, boolean first, int kc, double[] pa, int ao, double[] pb, int bo, double[] c, int ci,
            int n, int rows, int cols, double[] tile) {
        if (first) {
            Arrays.fill(tile, 0);
        } else {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(c, ci + r * n, tile, r * NR, cols);
            }
        }
        if (mr == 8) {
            tile8(kc, pa, ao, pb, bo, tile);
        } else {
            tile6(kc, pa, ao, pb, bo, tile);
        }
        for (int r = 0; r < rows; r++) {
            System.arraycopy(tile, r * NR, c, ci + r * n, cols);
        }
    }

    /** The 6-row tile: 12 accumulators, two B vectors and a broadcast fit AVX2's 16 registers. */
    private static void tile6(int kc, double[] pa, int ao, double[] pb, int bo, double[] tile) {
        DoubleVector c00 = DoubleVector.fromArray(S, tile, 0 * NR), c01 = DoubleVector.fromArray(S, tile, 0 * NR + L);
        DoubleVector c10 = DoubleVector.fromArray(S, tile, 1 * NR), c11 = DoubleVector.fromArray(S, tile, 1 * NR + L);
        DoubleVector c20 = DoubleVector.fromArray(S, tile, 2 * NR), c21 = DoubleVector.fromArray(S, tile, 2 * NR + L);
        DoubleVector c30 = DoubleVector.fromArray(S, tile, 3 * NR), c31 = DoubleVector.fromArray(S, tile, 3 * NR + L);
        DoubleVector c40 = DoubleVector.fromArray(S, tile, 4 * NR), c41 = DoubleVector.fromArray(S, tile, 4 * NR + L);
        DoubleVector c50 = DoubleVector.fromArray(S, tile, 5 * NR), c51 = DoubleVector.fromArray(S, tile, 5 * NR + L);
        for (int p = 0; p < kc; p++, ao += 6, bo += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, pb, bo), b1 = DoubleVector.fromArray(S, pb, bo + L);
            DoubleVector x0 = DoubleVector.broadcast(S, pa[ao + 0]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            DoubleVector x1 = DoubleVector.broadcast(S, pa[ao + 1]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            DoubleVector x2 = DoubleVector.broadcast(S, pa[ao + 2]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            DoubleVector x3 = DoubleVector.broadcast(S, pa[ao + 3]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            DoubleVector x4 = DoubleVector.broadcast(S, pa[ao + 4]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            DoubleVector x5 = DoubleVector.broadcast(S, pa[ao + 5]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
        }
        c00.intoArray(tile, 0 * NR);
        c01.intoArray(tile, 0 * NR + L);
        c10.intoArray(tile, 1 * NR);
        c11.intoArray(tile, 1 * NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
    }

    /** The 8-row tile: 16 accumulators, two B vectors and a broadcast in registers (AVX-512 has 32). */
    private static void tile8(int kc, double[] pa, int ao, double[] pb, int bo, double[] tile) {
        DoubleVector c00 = DoubleVector.fromArray(S, tile, 0 * NR), c01 = DoubleVector.fromArray(S, tile, 0 * NR + L);
        DoubleVector c10 = DoubleVector.fromArray(S, tile, 1 * NR), c11 = DoubleVector.fromArray(S, tile, 1 * NR + L);
        DoubleVector c20 = DoubleVector.fromArray(S, tile, 2 * NR), c21 = DoubleVector.fromArray(S, tile, 2 * NR + L);
        DoubleVector c30 = DoubleVector.fromArray(S, tile, 3 * NR), c31 = DoubleVector.fromArray(S, tile, 3 * NR + L);
        DoubleVector c40 = DoubleVector.fromArray(S, tile, 4 * NR), c41 = DoubleVector.fromArray(S, tile, 4 * NR + L);
        DoubleVector c50 = DoubleVector.fromArray(S, tile, 5 * NR), c51 = DoubleVector.fromArray(S, tile, 5 * NR + L);
        DoubleVector c60 = DoubleVector.fromArray(S, tile, 6 * NR), c61 = DoubleVector.fromArray(S, tile, 6 * NR + L);
        DoubleVector c70 = DoubleVector.fromArray(S, tile, 7 * NR), c71 = DoubleVector.fromArray(S, tile, 7 * NR + L);
        for (int p = 0; p < kc; p++, ao += 8, bo += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, pb, bo), b1 = DoubleVector.fromArray(S, pb, bo + L);
            DoubleVector x0 = DoubleVector.broadcast(S, pa[ao + 0]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            DoubleVector x1 = DoubleVector.broadcast(S, pa[ao + 1]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            DoubleVector x2 = DoubleVector.broadcast(S, pa[ao + 2]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            DoubleVector x3 = DoubleVector.broadcast(S, pa[ao + 3]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            DoubleVector x4 = DoubleVector.broadcast(S, pa[ao + 4]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            DoubleVector x5 = DoubleVector.broadcast(S, pa[ao + 5]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
            DoubleVector x6 = DoubleVector.broadcast(S, pa[ao + 6]);
            c60 = x6.fma(b0, c60);
            c61 = x6.fma(b1, c61);
            DoubleVector x7 = DoubleVector.broadcast(S, pa[ao + 7]);
            c70 = x7.fma(b0, c70);
            c71 = x7.fma(b1, c71);
        }
        c00.intoArray(tile, 0 * NR);
        c01.intoArray(tile, 0 * NR + L);
        c10.intoArray(tile, 1 * NR);
        c11.intoArray(tile, 1 * NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        c60.intoArray(tile, 6 * NR);
        c61.intoArray(tile, 6 * NR + L);
        c70.intoArray(tile, 7 * NR);
        c71.intoArray(tile, 7 * NR + L);
    }

    /**
     * This kernel in float32: the same loop nest, packing and register tiles, twice the numbers
     * per vector (16 lanes on AVX-512), each entry's fused multiply-adds in float, in one chain over k
     * ascending as {@link FmaFloatGemm}'s. {@link PlainFloatGemm} is its oracle.
     */
    static final class Floats implements FloatGemm {
        private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
        private static final int L = S.length();
        /** The tile's height for this machine's vectors: 8 rows with 512-bit registers, else 6. */
        static final int ROWS = S.vectorBitSize() >= 512 ? 8 : 6;
        private static final int NR = 2 * L;
        private static final int KC = 256;
        /** Rows of A packed at a time: a multiple of both tile heights. */
        private static final int MC = 96;
        private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(
                () -> new float[][] {new float[0], new float[MC * KC], new float[8 * NR]});

        /** Rows of the register tile: 6 or 8 (both give the same bits; tests run both). */
        private final int mr;

        Floats() {
            this(ROWS);
        }

        Floats(int rows) {
            if (rows != 6 && rows != 8) {
                throw new IllegalArgumentException("a register tile of 6 or 8 rows, not " + rows);
            }
            this.mr = rows;
        }

        @Override
        public void multiply(boolean ta, boolean tb, int m, int n, int k, float[] a, float[] b, float[] c,
                int from, int to) {
            float[][] scratch = SCRATCH.get();
            if (scratch[0].length < packedSize(n, k)) {
                scratch[0] = new float[packedSize(n, k)];
            }
            packB(tb, b, n, k, scratch[0]);
            compute(mr, ta, m, n, k, a, scratch[0], c, from, to);
        }

        /** B packed once by the caller's thread, for every part of the rows. */
        @Override
        public Gemm.Rows rows(boolean ta, boolean tb, int m, int n, int k, float[] a, float[] b, float[] c) {
            float[] pb = Buffers.takeFloats(packedSize(n, k));
            packB(tb, b, n, k, pb);
            return new Gemm.Rows() {
                @Override
                public void compute(int from, int to) {
                    Floats.compute(mr, ta, m, n, k, a, pb, c, from, to);
                }

                @Override
                public void close() {
                    Buffers.give(pb);
                }
            };
        }

        @Override
        public int rowStep() {
            return mr;
        }

        /** Rows [from, to) of C from B packed by {@link #packB}; C's old contents are never read. */
        private static void compute(int mr, boolean ta, int m, int n, int k, float[] a, float[] pb, float[] c, int from, int to) {
            int panels = (n + NR - 1) / NR;
            float[][] scratch = SCRATCH.get();
            float[] pa = scratch[1], tile = scratch[2];
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc), block = pc * panels * NR;
                for (int ic = from; ic < to; ic += MC) {
                    int mc = Math.min(MC, to - ic);
                    packA(mr, ta, a, m, k, ic, mc, pc, kc, pa);
                    for (int jp = 0; jp < panels; jp++) {
                        int cols = Math.min(NR, n - jp * NR);
                        for (int ip = 0; ip * mr < mc; ip++) {
                            int rows = Math.min(mr, mc - ip * mr);
                            kernel(mr, pc == 0, kc, pa, ip * mr * kc, pb, block + jp * NR * kc, c, (ic + ip * mr) * n + jp * NR,
                                    n, rows, cols, tile);
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
            return "Vector API kernel (" + L + " float32 lanes, " + mr + "×" + NR + " register tile)";
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

        private static void packA(int mr, boolean ta, float[] a, int m, int k, int ic, int mc, int pc, int kc, float[] pa) {
            for (int ip = 0; ip * mr < mc; ip++) {
                int base = ip * mr * kc, row0 = ic + ip * mr, rows = Math.min(mr, mc - ip * mr);
                if (ta) {
                    // A stored k × m: the panel's mr numbers for step p lie side by side in row pc + p
                    for (int p = 0; p < kc; p++) {
                        int dst = base + p * mr;
                        System.arraycopy(a, (pc + p) * m + row0, pa, dst, rows);
                        Arrays.fill(pa, dst + rows, dst + mr, 0);
                    }
                    continue;
                }
                for (int r = 0; r < mr; r++) {
                    if (r >= rows) {
                        for (int p = 0; p < kc; p++) {
                            pa[base + p * mr + r] = 0;
                        }
                    } else {
                        int src = (row0 + r) * k + pc;
                        for (int p = 0; p < kc; p++) {
                            pa[base + p * mr + r] = a[src + p];
                        }
                    }
                }
            }
        }

        /**
         * C[ci.., rows × cols] = its value so far plus the packed A panel times the packed B panel. The
         * accumulators start from +0 in the first KC block (C is not cleared beforehand, a pass over
         * memory saved) and from C itself after it, so each entry takes its fused multiply-adds in one
         * chain over k, exactly as {@link FmaFloatGemm}'s, however many KC blocks k spans. The tile goes
         * through a small array rather than straight to and from C: an array of vectors, or a branch
         * that stores them two ways, makes C2 box every accumulator and the kernel runs several times slower.
         */
        private static void kernel(int mr, boolean first, int kc, float[] pa, int ao, float[] pb, int bo, float[] c, int ci,
                int n, int rows, int cols, float[] tile) {
            if (first) {
                Arrays.fill(tile, 0);
            } else {
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(c, ci + r * n, tile, r * NR, cols);
                }
            }
            if (mr == 8) {
                tile8(kc, pa, ao, pb, bo, tile);
            } else {
                tile6(kc, pa, ao, pb, bo, tile);
            }
            for (int r = 0; r < rows; r++) {
                System.arraycopy(tile, r * NR, c, ci + r * n, cols);
            }
        }

        /** The 6-row tile: 12 accumulators, two B vectors and a broadcast fit AVX2's 16 registers. */
        private static void tile6(int kc, float[] pa, int ao, float[] pb, int bo, float[] tile) {
            FloatVector c00 = FloatVector.fromArray(S, tile, 0 * NR), c01 = FloatVector.fromArray(S, tile, 0 * NR + L);
            FloatVector c10 = FloatVector.fromArray(S, tile, 1 * NR), c11 = FloatVector.fromArray(S, tile, 1 * NR + L);
            FloatVector c20 = FloatVector.fromArray(S, tile, 2 * NR), c21 = FloatVector.fromArray(S, tile, 2 * NR + L);
            FloatVector c30 = FloatVector.fromArray(S, tile, 3 * NR), c31 = FloatVector.fromArray(S, tile, 3 * NR + L);
            FloatVector c40 = FloatVector.fromArray(S, tile, 4 * NR), c41 = FloatVector.fromArray(S, tile, 4 * NR + L);
            FloatVector c50 = FloatVector.fromArray(S, tile, 5 * NR), c51 = FloatVector.fromArray(S, tile, 5 * NR + L);
            for (int p = 0; p < kc; p++, ao += 6, bo += NR) {
                FloatVector b0 = FloatVector.fromArray(S, pb, bo), b1 = FloatVector.fromArray(S, pb, bo + L);
                FloatVector x0 = FloatVector.broadcast(S, pa[ao + 0]);
                c00 = x0.fma(b0, c00);
                c01 = x0.fma(b1, c01);
                FloatVector x1 = FloatVector.broadcast(S, pa[ao + 1]);
                c10 = x1.fma(b0, c10);
                c11 = x1.fma(b1, c11);
                FloatVector x2 = FloatVector.broadcast(S, pa[ao + 2]);
                c20 = x2.fma(b0, c20);
                c21 = x2.fma(b1, c21);
                FloatVector x3 = FloatVector.broadcast(S, pa[ao + 3]);
                c30 = x3.fma(b0, c30);
                c31 = x3.fma(b1, c31);
                FloatVector x4 = FloatVector.broadcast(S, pa[ao + 4]);
                c40 = x4.fma(b0, c40);
                c41 = x4.fma(b1, c41);
                FloatVector x5 = FloatVector.broadcast(S, pa[ao + 5]);
                c50 = x5.fma(b0, c50);
                c51 = x5.fma(b1, c51);
            }
            c00.intoArray(tile, 0 * NR);
            c01.intoArray(tile, 0 * NR + L);
            c10.intoArray(tile, 1 * NR);
            c11.intoArray(tile, 1 * NR + L);
            c20.intoArray(tile, 2 * NR);
            c21.intoArray(tile, 2 * NR + L);
            c30.intoArray(tile, 3 * NR);
            c31.intoArray(tile, 3 * NR + L);
            c40.intoArray(tile, 4 * NR);
            c41.intoArray(tile, 4 * NR + L);
            c50.intoArray(tile, 5 * NR);
            c51.intoArray(tile, 5 * NR + L);
        }

        /** The 8-row tile: 16 accumulators, two B vectors and a broadcast in registers (AVX-512 has 32). */
        private static void tile8(int kc, float[] pa, int ao, float[] pb, int bo, float[] tile) {
            FloatVector c00 = FloatVector.fromArray(S, tile, 0 * NR), c01 = FloatVector.fromArray(S, tile, 0 * NR + L);
            FloatVector c10 = FloatVector.fromArray(S, tile, 1 * NR), c11 = FloatVector.fromArray(S, tile, 1 * NR + L);
            FloatVector c20 = FloatVector.fromArray(S, tile, 2 * NR), c21 = FloatVector.fromArray(S, tile, 2 * NR + L);
            FloatVector c30 = FloatVector.fromArray(S, tile, 3 * NR), c31 = FloatVector.fromArray(S, tile, 3 * NR + L);
            FloatVector c40 = FloatVector.fromArray(S, tile, 4 * NR), c41 = FloatVector.fromArray(S, tile, 4 * NR + L);
            FloatVector c50 = FloatVector.fromArray(S, tile, 5 * NR), c51 = FloatVector.fromArray(S, tile, 5 * NR + L);
            FloatVector c60 = FloatVector.fromArray(S, tile, 6 * NR), c61 = FloatVector.fromArray(S, tile, 6 * NR + L);
            FloatVector c70 = FloatVector.fromArray(S, tile, 7 * NR), c71 = FloatVector.fromArray(S, tile, 7 * NR + L);
            for (int p = 0; p < kc; p++, ao += 8, bo += NR) {
                FloatVector b0 = FloatVector.fromArray(S, pb, bo), b1 = FloatVector.fromArray(S, pb, bo + L);
                FloatVector x0 = FloatVector.broadcast(S, pa[ao + 0]);
                c00 = x0.fma(b0, c00);
                c01 = x0.fma(b1, c01);
                FloatVector x1 = FloatVector.broadcast(S, pa[ao + 1]);
                c10 = x1.fma(b0, c10);
                c11 = x1.fma(b1, c11);
                FloatVector x2 = FloatVector.broadcast(S, pa[ao + 2]);
                c20 = x2.fma(b0, c20);
                c21 = x2.fma(b1, c21);
                FloatVector x3 = FloatVector.broadcast(S, pa[ao + 3]);
                c30 = x3.fma(b0, c30);
                c31 = x3.fma(b1, c31);
                FloatVector x4 = FloatVector.broadcast(S, pa[ao + 4]);
                c40 = x4.fma(b0, c40);
                c41 = x4.fma(b1, c41);
                FloatVector x5 = FloatVector.broadcast(S, pa[ao + 5]);
                c50 = x5.fma(b0, c50);
                c51 = x5.fma(b1, c51);
                FloatVector x6 = FloatVector.broadcast(S, pa[ao + 6]);
                c60 = x6.fma(b0, c60);
                c61 = x6.fma(b1, c61);
                FloatVector x7 = FloatVector.broadcast(S, pa[ao + 7]);
                c70 = x7.fma(b0, c70);
                c71 = x7.fma(b1, c71);
            }
            c00.intoArray(tile, 0 * NR);
            c01.intoArray(tile, 0 * NR + L);
            c10.intoArray(tile, 1 * NR);
            c11.intoArray(tile, 1 * NR + L);
            c20.intoArray(tile, 2 * NR);
            c21.intoArray(tile, 2 * NR + L);
            c30.intoArray(tile, 3 * NR);
            c31.intoArray(tile, 3 * NR + L);
            c40.intoArray(tile, 4 * NR);
            c41.intoArray(tile, 4 * NR + L);
            c50.intoArray(tile, 5 * NR);
            c51.intoArray(tile, 5 * NR + L);
            c60.intoArray(tile, 6 * NR);
            c61.intoArray(tile, 6 * NR + L);
            c70.intoArray(tile, 7 * NR);
            c71.intoArray(tile, 7 * NR + L);
        }
    }
}
