package dev.jgrad.tensor;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 register- and cache-blocked product on the Vector API (GotoBLAS's loop nest); its
 * oracle is {@link FmaFloatGemm}, and {@link VectorGemm} is this class in float64, line for line (a
 * change to one is made to the other; only the element type and the species differ).
 *
 * <p>How the product is blocked. op(B) is packed into panels NR = two vectors wide and KC = 512 steps
 * deep, zero-padded, NCP = 4 panels at a time (256 KB in either width with 512-bit vectors, which stays in L2
 * while every row of A passes over it); op(A) is packed into panels MR = 8 (or 6) rows tall, each step's MR
 * numbers side by side, a KC-deep slice of up to MB rows at a time, so the kernel reads both operands
 * contiguously and a slice of A packed once serves every block of B. The tiles go over MC = 96 rows
 * of the slice for each panel of B. Each tile reads its part of C from L3 or memory again every KC
 * block, which stalls its first steps (Java has no prefetch): 512 steps halve those stalls against 256,
 * though neither panel then stays in L1 (docs/performance.md: 2–8 % at 1024³–2048³ on Zen 5). The
 * kernel keeps an MR × NR tile of C in vector registers: per step of k one broadcast and two fused
 * multiply-adds per row. Where the registers are 512 bits wide (32 of
 * them) the tile has 8 rows, else 6 (AVX2's 16 registers hold 12 accumulators). An A stored m × k
 * is packed step by step from its eight rows; one stored k × m (Aᵀ·G in backward) is copied, its
 * eight numbers per step already side by side.
 * A C of two vectors or less goes to
 * {@link NarrowFloatGemm}, which packs no A. Whole tiles are read from and written to C in place; a
 * ragged edge goes through a small array. Blocking changes the order in which entries are visited,
 * never the order of one entry's operations ({@link FloatGemm}), so any tile, block or thread gives
 * the same bits. The packing buffers are kept per thread and reused across calls; a product split
 * across threads packs each block of B once, by whichever thread needs it first ({@link SharedBlocks}).
 */
final class VectorFloatGemm implements FloatGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** The tile's height for this machine's vectors: 8 rows with 512-bit registers, else 6. */
    static final int ROWS = S.vectorBitSize() >= 512 ? 8 : 6;
    private static final int NR = 2 * L;
    static final int KC = 512;
    /** Rows of A the tiles go over for each panel of B: a multiple of both tile heights. */
    private static final int MC = 96;
    /** Rows of A packed at most at a time (a multiple of MC); a taller product is cut into even slices. */
    private static final int MB = 16 * MC;
    /** Panels of B packed at a time: KC × NCP × NR numbers is 256 KB in either width (512-bit vectors). */
    private static final int NCP = 4;
    /**
     * An A stored k × m is read in place by products at most this many panels of B wide (W5's Xᵀ·G: 128
     * columns); a wider one reads each step's eight numbers, down A's column, once per panel, and packed
     * they are read in order (a 1024² float32 Aᵀ·B ran at two thirds of the speed in place).
     */
    private static final int IN_PLACE_PANELS = 8;
    /** Where the first KC block's accumulators start: +0, read with a row stride of 0. */
    private static final float[] ZERO = new float[NR];
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(
            () -> new float[][] {new float[0], new float[0], new float[8 * NR]});
    private static final FloatGemm NARROW = new NarrowFloatGemm();

    /** Rows of the register tile: 6 or 8 (both give the same bits; tests run both). */
    private final int mr;

    VectorFloatGemm() {
        this(ROWS);
    }

    VectorFloatGemm(int rows) {
        if (rows != 6 && rows != 8) {
            throw new IllegalArgumentException("a register tile of 6 or 8 rows, not " + rows);
        }
        this.mr = rows;
    }

    @Override
    public void multiply(boolean ta, boolean tb, int m, int n, int k, float[] a, float[] b, float[] c, int from, int to) {
        if (n <= NarrowFloatGemm.WIDTH) {
            NARROW.multiply(ta, tb, m, n, k, a, b, c, from, to);
            return;
        }
        float[][] scratch = SCRATCH.get();
        if (scratch[0].length < KC * NCP * NR) {
            scratch[0] = new float[KC * NCP * NR];
        }
        compute(mr, ta, m, n, k, a, scratch[0], c, from, to, tb, b, null);
    }

    /** B packed once by the caller's thread, for every part of the rows. */
    @Override
    public Gemm.Rows rows(boolean ta, boolean tb, int m, int n, int k, float[] a, float[] b, float[] c) {
        if (n <= NarrowFloatGemm.WIDTH) {
            return NARROW.rows(ta, tb, m, n, k, a, b, c);
        }
        float[] pb = Buffers.takeFloats(packedSize(n, k));
        SharedBlocks shared = new SharedBlocks((k + KC - 1) / KC * blocksWide(n));
        return new Gemm.Rows() {
            @Override
            public void compute(int from, int to) {
                VectorFloatGemm.compute(mr, ta, m, n, k, a, pb, c, from, to, tb, b, shared);
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

    /**
     * Rows [from, to) of C; C's old contents are never read. With {@code shared}, {@code pb} holds all of
     * op(B), each block (KC deep, NCP panels wide) packed by the first of the product's threads to need it;
     * else each block is packed into {@code pb} just before its use. All of a large B packed up
     * front went out to memory and came back (a 2048² float64 B: 32 MB written, then read); a block is used
     * while it is still in cache. The KC blocks go in ascending order for every entry, so each entry's chain
     * of fused multiply-adds over k is resumed where the block before left it.
     */
    private static void compute(int mr, boolean ta, int m, int n, int k, float[] a, float[] pb, float[] c, int from, int to,
            boolean tb, float[] b, SharedBlocks shared) {
        int panels = (n + NR - 1) / NR, slices = Math.max(1, (to - from + MB - 1) / MB);
        int height = ((to - from + slices - 1) / slices + MC - 1) / MC * MC;
        float[][] scratch = SCRATCH.get();
        if (scratch[1].length < (height + mr) * KC) {
            scratch[1] = new float[(height + mr) * KC];
        }
        float[] pa = scratch[1], tile = scratch[2];
        boolean byRows = !ta && mr == 8, inPlace = ta && mr == 8 && panels <= IN_PLACE_PANELS;
        for (int i0 = from; i0 < to; i0 += height) {
            int i1 = Math.min(to, i0 + height);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packA(mr, ta, inPlace, a, m, k, i0, i1 - i0, pc, kc, pa);
                for (int jc = 0; jc < panels; jc += NCP) {
                    int jend = Math.min(panels, jc + NCP), at = shared != null ? pc * panels * NR + jc * NR * kc : 0;
                    int blk = pc / KC * blocksWide(n) + jc / NCP;
                    if (shared == null || shared.claim(blk)) {
                        packB(tb, b, n, k, pc, kc, jc, jend, pb, at);
                        if (shared != null) {
                            shared.packed(blk);
                        }
                    } else {
                        shared.await(blk);
                    }
                    block(mr, pc == 0, byRows, inPlace ? a : null, pc * m, m, kc, i0, i1, jc, jend, n, pa, pb, at, c, tile);
                }
            }
        }
    }

    /**
     * Rows [i0, i1) and panels [jc, jend) of C: the slice of A packed in {@code pa} times B's panels from
     * {@code at}; where {@code a} is given (stored k × m, steps from {@code a[from]}), whole tiles read it in place.
     */
    private static void block(int mr, boolean first, boolean byRows, float[] a, int from, int m, int kc, int i0, int i1, int jc,
            int jend, int n, float[] pa, float[] pb, int at, float[] c, float[] tile) {
        for (int ic = i0; ic < i1; ic += MC) {
            int mc = Math.min(MC, i1 - ic);
            for (int jp = jc; jp < jend; jp++) {
                int cols = Math.min(NR, n - jp * NR);
                for (int ip = 0; ip * mr < mc; ip++) {
                    int rows = Math.min(mr, mc - ip * mr);
                    boolean here = a != null && rows == mr;
                    kernel(mr, first, byRows, here ? m : 0, kc, here ? a : pa, here ? from + ic + ip * mr : (ic - i0 + ip * mr) * KC,
                            pb, at + (jp - jc) * NR * kc, c, (ic + ip * mr) * n + jp * NR, n, rows, cols, tile);
                }
            }
        }
    }

    /** Numbers in k rows of B packed: every panel NR wide, zero-padded. */
    private static int packedSize(int n, int k) {
        return (n + NR - 1) / NR * NR * k;
    }

    @Override
    public String toString() {
        return "Vector API kernel (" + L + " float32 lanes, " + mr + "×" + NR + " register tile)";
    }

    /** Blocks of B (NCP panels each, the last maybe fewer) across its n columns. */
    private static int blocksWide(int n) {
        return ((n + NR - 1) / NR + NCP - 1) / NCP;
    }

    /** Steps [pc, pc + kc) of panels [j0, j1) of op(B), one panel after another from {@code at}. */
    private static void packB(boolean tb, float[] b, int n, int k, int pc, int kc, int j0, int j1, float[] pb, int at) {
        int whole = tb ? j0 : Math.max(j0, Math.min(j1, n / NR));
        for (int p = 0; p < kc; p++) {
            wholePanels(b, (pc + p) * n + j0 * NR, whole - j0, kc, pb, at + p * NR);
        }
        for (int jp = whole; jp < j1; jp++) {
            int base = at + (jp - j0) * NR * kc, col0 = jp * NR, cols = Math.min(NR, n - col0);
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

    /**
     * One row of B stored k × n, from {@code src}, into its place in each of {@code panels} consecutive
     * panels (kc deep, from {@code dst}): two vectors a panel. B's row is read in order and each panel's
     * step written whole; copying step by step with {@code System.arraycopy} cost a call per 2L numbers
     * (about a twelfth of a 512³ product).
     */
    private static void wholePanels(float[] b, int src, int panels, int kc, float[] pb, int dst) {
        for (int jp = 0; jp < panels; jp++, src += NR, dst += NR * kc) {
            FloatVector.fromArray(S, b, src).intoArray(pb, dst);
            FloatVector.fromArray(S, b, src + L).intoArray(pb, dst + L);
        }
    }

    /**
     * Rows [ic, ic + mc) of op(A), steps [pc, pc + kc), as panels mr tall, KC steps apart: from an A
     * stored k × m each step's mr numbers side by side (pa[panel][p][r]); from one stored m × k, with
     * eight-row panels, each row's kc steps side by side (pa[panel][r][p], eight array copies a panel,
     * where interleaving them step by step cost a fifth of W5's X·W), else interleaved. With
     * {@code raggedOnly}, only a last panel shorter than mr: eight-row tiles read an A stored k × m where it
     * lies, each step's eight numbers side by side (packing them, a copy of eight numbers a step down A's
     * column, was a sixth of W5's Xᵀ·G).
     */
    private static void packA(int mr, boolean ta, boolean raggedOnly, float[] a, int m, int k, int ic, int mc, int pc, int kc,
            float[] pa) {
        for (int ip = 0; ip * mr < mc; ip++) {
            int base = ip * mr * KC, row0 = ic + ip * mr, rows = Math.min(mr, mc - ip * mr);
            if (raggedOnly && rows == mr) {
                continue;
            } else if (ta) {
                for (int p = 0; p < kc; p++) {
                    int dst = base + p * mr;
                    System.arraycopy(a, (pc + p) * m + row0, pa, dst, rows);
                    Arrays.fill(pa, dst + rows, dst + mr, 0);
                }
            } else if (mr == 8) {
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(a, (row0 + r) * k + pc, pa, base + r * KC, kc);
                }
            } else {
                for (int r = 0; r < mr; r++) {
                    int src = (row0 + r) * k + pc;
                    for (int p = 0; p < kc; p++) {
                        pa[base + p * mr + r] = r < rows ? a[src + p] : 0;
                    }
                }
            }
        }
    }

    /**
     * C[ci.., rows × cols] = its value so far plus the packed A panel (row by row where {@code byRows},
     * see {@link #packA}; A itself, stored k × m, step p at {@code pa[ao + p·lda]}, where lda &gt; 0) times
     * the packed B panel. The
     * accumulators start from +0 in the first KC block (C is not cleared beforehand, a pass over
     * memory saved) and from C itself after it, so each entry takes its fused multiply-adds in one
     * chain over k, exactly as {@link FmaFloatGemm}'s, however many KC blocks k spans. A whole tile is
     * read from (or from {@link #ZERO}) and written to C in place; a ragged one goes through a small
     * array. The tile methods take where to read and write as (array, offset, row stride) rather than
     * branching: an array of vectors, or a branch that stores them two ways, makes C2 box every
     * accumulator and the kernel runs several times slower.
     */
    private static void kernel(int mr, boolean first, boolean byRows, int lda, int kc, float[] pa, int ao, float[] pb, int bo, float[] c,
            int ci, int n, int rows, int cols, float[] tile) {
        boolean whole = rows == mr && cols == NR;
        if (!whole && !first) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(c, ci + r * n, tile, r * NR, cols);
            }
        }
        float[] src = first ? ZERO : whole ? c : tile, dst = whole ? c : tile;
        int from = first ? 0 : whole ? ci : 0, stride = first ? 0 : whole ? n : NR;
        if (lda > 0) {
            FloatTiles.steps8(kc, pa, ao, lda, pb, bo, src, from, stride, dst, whole ? ci : 0, whole ? n : NR);
        } else if (byRows) {
            FloatTiles.rows8(kc, pa, ao, pb, bo, src, from, stride, dst, whole ? ci : 0, whole ? n : NR);
        } else if (mr == 8) {
            FloatTiles.tile8(kc, pa, ao, pb, bo, src, from, stride, dst, whole ? ci : 0, whole ? n : NR);
        } else {
            FloatTiles.tile6(kc, pa, ao, pb, bo, src, from, stride, dst, whole ? ci : 0, whole ? n : NR);
        }
        if (!whole) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(tile, r * NR, c, ci + r * n, cols);
            }
        }
    }
}
