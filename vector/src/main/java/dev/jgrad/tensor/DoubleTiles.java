package dev.jgrad.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorGemm}'s register tiles: MR rows × two vectors of C in registers over kc steps of
 * k, from packed panels of A (MR numbers a step) and B (two vectors a step). The tile is read from
 * {@code src} (row r at {@code so + r·ss}; a stride of 0 reads one row of zeros for every row) and
 * written to {@code dst} (row r at {@code d + r·ds}): C itself for a whole tile, a small array for a
 * ragged one. Each accumulator takes its fused multiply-adds over p in ascending order.
 * {@code FloatTiles} is this class in float32.
 */
final class DoubleTiles {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int NR = 2 * L;
    private static final int KC = VectorGemm.KC;

    private DoubleTiles() {
    }

    /** The 6-row tile: 12 accumulators, two B vectors and a broadcast fit AVX2's 16 registers. */
    static void tile6(int kc, double[] pa, int ao, double[] pb, int bo, double[] src, int so, int ss, double[] dst, int d, int ds) {
        DoubleVector c00 = DoubleVector.fromArray(S, src, so), c01 = DoubleVector.fromArray(S, src, so + L);
        DoubleVector c10 = DoubleVector.fromArray(S, src, so + ss), c11 = DoubleVector.fromArray(S, src, so + ss + L);
        DoubleVector c20 = DoubleVector.fromArray(S, src, so + 2 * ss), c21 = DoubleVector.fromArray(S, src, so + 2 * ss + L);
        DoubleVector c30 = DoubleVector.fromArray(S, src, so + 3 * ss), c31 = DoubleVector.fromArray(S, src, so + 3 * ss + L);
        DoubleVector c40 = DoubleVector.fromArray(S, src, so + 4 * ss), c41 = DoubleVector.fromArray(S, src, so + 4 * ss + L);
        DoubleVector c50 = DoubleVector.fromArray(S, src, so + 5 * ss), c51 = DoubleVector.fromArray(S, src, so + 5 * ss + L);
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
        c00.intoArray(dst, d);
        c01.intoArray(dst, d + L);
        c10.intoArray(dst, d + ds);
        c11.intoArray(dst, d + ds + L);
        c20.intoArray(dst, d + 2 * ds);
        c21.intoArray(dst, d + 2 * ds + L);
        c30.intoArray(dst, d + 3 * ds);
        c31.intoArray(dst, d + 3 * ds + L);
        c40.intoArray(dst, d + 4 * ds);
        c41.intoArray(dst, d + 4 * ds + L);
        c50.intoArray(dst, d + 5 * ds);
        c51.intoArray(dst, d + 5 * ds + L);
    }

    /** The 8-row tile: 16 accumulators, two B vectors and a broadcast in registers (AVX-512 has 32). */
    static void tile8(int kc, double[] pa, int ao, double[] pb, int bo, double[] src, int so, int ss, double[] dst, int d, int ds) {
        DoubleVector c00 = DoubleVector.fromArray(S, src, so), c01 = DoubleVector.fromArray(S, src, so + L);
        DoubleVector c10 = DoubleVector.fromArray(S, src, so + ss), c11 = DoubleVector.fromArray(S, src, so + ss + L);
        DoubleVector c20 = DoubleVector.fromArray(S, src, so + 2 * ss), c21 = DoubleVector.fromArray(S, src, so + 2 * ss + L);
        DoubleVector c30 = DoubleVector.fromArray(S, src, so + 3 * ss), c31 = DoubleVector.fromArray(S, src, so + 3 * ss + L);
        DoubleVector c40 = DoubleVector.fromArray(S, src, so + 4 * ss), c41 = DoubleVector.fromArray(S, src, so + 4 * ss + L);
        DoubleVector c50 = DoubleVector.fromArray(S, src, so + 5 * ss), c51 = DoubleVector.fromArray(S, src, so + 5 * ss + L);
        DoubleVector c60 = DoubleVector.fromArray(S, src, so + 6 * ss), c61 = DoubleVector.fromArray(S, src, so + 6 * ss + L);
        DoubleVector c70 = DoubleVector.fromArray(S, src, so + 7 * ss), c71 = DoubleVector.fromArray(S, src, so + 7 * ss + L);
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
        c00.intoArray(dst, d);
        c01.intoArray(dst, d + L);
        c10.intoArray(dst, d + ds);
        c11.intoArray(dst, d + ds + L);
        c20.intoArray(dst, d + 2 * ds);
        c21.intoArray(dst, d + 2 * ds + L);
        c30.intoArray(dst, d + 3 * ds);
        c31.intoArray(dst, d + 3 * ds + L);
        c40.intoArray(dst, d + 4 * ds);
        c41.intoArray(dst, d + 4 * ds + L);
        c50.intoArray(dst, d + 5 * ds);
        c51.intoArray(dst, d + 5 * ds + L);
        c60.intoArray(dst, d + 6 * ds);
        c61.intoArray(dst, d + 6 * ds + L);
        c70.intoArray(dst, d + 7 * ds);
        c71.intoArray(dst, d + 7 * ds + L);
    }

    /**
     * {@link #tile8} from A packed row by row: row r of the panel, step p, at {@code pa[ao + r·KC + p]}.
     * With KC a constant every row's address is one index plus a fixed displacement, and the index
     * the loop's own (its bounds checks leave the loop).
     */
    static void rows8(int kc, double[] pa, int ao, double[] pb, int bo, double[] src, int so, int ss, double[] dst, int d, int ds) {
        DoubleVector c00 = DoubleVector.fromArray(S, src, so), c01 = DoubleVector.fromArray(S, src, so + L);
        DoubleVector c10 = DoubleVector.fromArray(S, src, so + ss), c11 = DoubleVector.fromArray(S, src, so + ss + L);
        DoubleVector c20 = DoubleVector.fromArray(S, src, so + 2 * ss), c21 = DoubleVector.fromArray(S, src, so + 2 * ss + L);
        DoubleVector c30 = DoubleVector.fromArray(S, src, so + 3 * ss), c31 = DoubleVector.fromArray(S, src, so + 3 * ss + L);
        DoubleVector c40 = DoubleVector.fromArray(S, src, so + 4 * ss), c41 = DoubleVector.fromArray(S, src, so + 4 * ss + L);
        DoubleVector c50 = DoubleVector.fromArray(S, src, so + 5 * ss), c51 = DoubleVector.fromArray(S, src, so + 5 * ss + L);
        DoubleVector c60 = DoubleVector.fromArray(S, src, so + 6 * ss), c61 = DoubleVector.fromArray(S, src, so + 6 * ss + L);
        DoubleVector c70 = DoubleVector.fromArray(S, src, so + 7 * ss), c71 = DoubleVector.fromArray(S, src, so + 7 * ss + L);
        for (int p = 0; p < kc; p++, bo += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, pb, bo), b1 = DoubleVector.fromArray(S, pb, bo + L);
            DoubleVector x0 = DoubleVector.broadcast(S, pa[ao + p]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            DoubleVector x1 = DoubleVector.broadcast(S, pa[ao + 1 * KC + p]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            DoubleVector x2 = DoubleVector.broadcast(S, pa[ao + 2 * KC + p]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            DoubleVector x3 = DoubleVector.broadcast(S, pa[ao + 3 * KC + p]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            DoubleVector x4 = DoubleVector.broadcast(S, pa[ao + 4 * KC + p]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            DoubleVector x5 = DoubleVector.broadcast(S, pa[ao + 5 * KC + p]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
            DoubleVector x6 = DoubleVector.broadcast(S, pa[ao + 6 * KC + p]);
            c60 = x6.fma(b0, c60);
            c61 = x6.fma(b1, c61);
            DoubleVector x7 = DoubleVector.broadcast(S, pa[ao + 7 * KC + p]);
            c70 = x7.fma(b0, c70);
            c71 = x7.fma(b1, c71);
        }
        c00.intoArray(dst, d);
        c01.intoArray(dst, d + L);
        c10.intoArray(dst, d + ds);
        c11.intoArray(dst, d + ds + L);
        c20.intoArray(dst, d + 2 * ds);
        c21.intoArray(dst, d + 2 * ds + L);
        c30.intoArray(dst, d + 3 * ds);
        c31.intoArray(dst, d + 3 * ds + L);
        c40.intoArray(dst, d + 4 * ds);
        c41.intoArray(dst, d + 4 * ds + L);
        c50.intoArray(dst, d + 5 * ds);
        c51.intoArray(dst, d + 5 * ds + L);
        c60.intoArray(dst, d + 6 * ds);
        c61.intoArray(dst, d + 6 * ds + L);
        c70.intoArray(dst, d + 7 * ds);
        c71.intoArray(dst, d + 7 * ds + L);
    }

    /**
     * {@link #tile8} from an A stored k × m, read where it lies: step p's eight numbers side by side
     * at {@code a[ao + p·lda]} (the eight reads share one bounds check a step).
     */
    static void steps8(int kc, double[] a, int ao, int lda, double[] pb, int bo, double[] src, int so, int ss, double[] dst, int d, int ds) {
        DoubleVector c00 = DoubleVector.fromArray(S, src, so), c01 = DoubleVector.fromArray(S, src, so + L);
        DoubleVector c10 = DoubleVector.fromArray(S, src, so + ss), c11 = DoubleVector.fromArray(S, src, so + ss + L);
        DoubleVector c20 = DoubleVector.fromArray(S, src, so + 2 * ss), c21 = DoubleVector.fromArray(S, src, so + 2 * ss + L);
        DoubleVector c30 = DoubleVector.fromArray(S, src, so + 3 * ss), c31 = DoubleVector.fromArray(S, src, so + 3 * ss + L);
        DoubleVector c40 = DoubleVector.fromArray(S, src, so + 4 * ss), c41 = DoubleVector.fromArray(S, src, so + 4 * ss + L);
        DoubleVector c50 = DoubleVector.fromArray(S, src, so + 5 * ss), c51 = DoubleVector.fromArray(S, src, so + 5 * ss + L);
        DoubleVector c60 = DoubleVector.fromArray(S, src, so + 6 * ss), c61 = DoubleVector.fromArray(S, src, so + 6 * ss + L);
        DoubleVector c70 = DoubleVector.fromArray(S, src, so + 7 * ss), c71 = DoubleVector.fromArray(S, src, so + 7 * ss + L);
        for (int p = 0; p < kc; p++, ao += lda, bo += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, pb, bo), b1 = DoubleVector.fromArray(S, pb, bo + L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[ao + 0]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            DoubleVector x1 = DoubleVector.broadcast(S, a[ao + 1]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            DoubleVector x2 = DoubleVector.broadcast(S, a[ao + 2]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            DoubleVector x3 = DoubleVector.broadcast(S, a[ao + 3]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            DoubleVector x4 = DoubleVector.broadcast(S, a[ao + 4]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            DoubleVector x5 = DoubleVector.broadcast(S, a[ao + 5]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
            DoubleVector x6 = DoubleVector.broadcast(S, a[ao + 6]);
            c60 = x6.fma(b0, c60);
            c61 = x6.fma(b1, c61);
            DoubleVector x7 = DoubleVector.broadcast(S, a[ao + 7]);
            c70 = x7.fma(b0, c70);
            c71 = x7.fma(b1, c71);
        }
        c00.intoArray(dst, d);
        c01.intoArray(dst, d + L);
        c10.intoArray(dst, d + ds);
        c11.intoArray(dst, d + ds + L);
        c20.intoArray(dst, d + 2 * ds);
        c21.intoArray(dst, d + 2 * ds + L);
        c30.intoArray(dst, d + 3 * ds);
        c31.intoArray(dst, d + 3 * ds + L);
        c40.intoArray(dst, d + 4 * ds);
        c41.intoArray(dst, d + 4 * ds + L);
        c50.intoArray(dst, d + 5 * ds);
        c51.intoArray(dst, d + 5 * ds + L);
        c60.intoArray(dst, d + 6 * ds);
        c61.intoArray(dst, d + 6 * ds + L);
        c70.intoArray(dst, d + 7 * ds);
        c71.intoArray(dst, d + 7 * ds + L);
    }
}
