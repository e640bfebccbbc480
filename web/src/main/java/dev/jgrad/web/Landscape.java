package dev.jgrad.web;

import dev.jgrad.engine.NoGrad;
import dev.jgrad.loss.Loss;
import dev.jgrad.loss.PointLoss;
import dev.jgrad.loss.Penalty;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Engine;
import dev.jgrad.nn.Network;

/**
 * The training loss as a function of two of a network's parameters, every other one held where it is: a
 * slice of the loss surface, for the landscape panel's heat map and for "be the optimizer" (the loss at a
 * dragged point). A cell is the training loss the page reports ({@code Learner.evaluate}) at those weights, bit
 * for bit (LandscapeTest): each layer sums its inputs in order as every kernel does, the activations are the
 * training engine's own ({@link Engine#TENSOR}'s are applied to a block of cells as one tensor operation), each
 * point's loss is {@link Loss#sample}'s arithmetic ({@link PointLoss}), summed in point order, divided by the
 * points, plus the weight penalty of the model's parameters in the model's order.
 *
 * <p>What does not move across the grid is computed once per point: the layers before the two parameters',
 * the other neurons of their layer, the sums of a moved neuron over the inputs before its first moved weight,
 * and, when both parameters sit in one layer, the next layer's sums over the neurons before the first moved
 * one. A cell then costs the moved neurons and the layers above them, in flat arrays reused block to block.
 * The network as flat arrays is {@link Layers}; a cell's loss from the outputs, {@link CellLoss}; the layers above
 * one moved neuron four cells at a time, {@link FourCells}.
 */
final class Landscape {
    /** The training points: features x, and each one's class (labels) or number (targets, null for classes). */
    record Points(double[][] x, int[] labels, double[] targets, Loss loss) {
    }

    /** About this many numbers per layer in a block of cells (256 kB): the block's layers stay in the cache. */
    private static final int BLOCK_NUMBERS = 1 << 15;

    private final Param pa;
    private final Param pb;
    private final double keepA;
    private final double keepB;
    /** The network's layers; the two parameters are set cell by cell. */
    private final Layers layers;
    private final double[][] w;
    private final double[][] b;
    private final int[] fanIn;
    private final int[] width;
    private final Activation[] act;
    private final int points;
    /** Each cell's loss from the outputs at the points. */
    private final CellLoss cellLoss;
    /** The layer of the first parameter; its neurons the parameters move, and each one's first moved input. */
    private final int first;
    private final int[] rows;
    private final int[] from;
    /** Per point: the inputs of layer first, its outputs as the weights are, each moved neuron's sum before from. */
    private final double[] in;
    private final double[] out;
    private final double[] partial;
    /** Per point, when both parameters sit in layer first: the next layer's sums over its inputs before skip. */
    private final int skip;
    private final double[] nextPartial;
    /**
     * Per point, when both parameters sit in layer first: each next-layer neuron's products of its weights with
     * layer first's cached outputs (points × neurons × inputs), so that a cell adds them instead of multiplying
     * again: a product rounds the same computed now or then. Null when the parameters are in two layers.
     */
    private final double[] products;
    /**
     * Whether a block goes from the moved neuron through the next layer straight into the one output
     * ({@link FourCells#through}): one neuron moved, the next layer the last hidden one, and its activation one the
     * engine gives for a single number.
     */
    private final boolean fused;
    /** The layers above one moved neuron four cells at a time, or null when two neurons move or they are the output. */
    private final FourCells four;
    /** Cells per block, and per layer from first on the block's activations; moved: the moved neurons' sums. */
    private final int block;
    private final double[][] acts;
    private final double[] moved;

    /**
     * The slice of {@code a} and {@code b} of {@code net}'s training loss on points x (labels their classes, or
     * targets their numbers for regression, else null), as {@code engine} computes it, plus {@code penalty} of
     * the parameters read in the order of {@code order} (the model's order; ignored for no penalty).
     */
    Landscape(Network net, Param a, Param b, Points data, Engine engine, Penalty penalty, double[] order, int[] where) {
        this.layers = new Layers(net, engine);
        int layers = this.layers.count();
        w = this.layers.w;
        this.b = this.layers.b;
        fanIn = this.layers.fanIn;
        width = this.layers.width;
        act = this.layers.act;
        pa = a;
        pb = b;
        first = Math.min(a.layer(), b.layer());
        keepA = this.layers.get(a);
        keepB = this.layers.get(b);
        points = data.x().length;
        cellLoss = new CellLoss(data, width[layers - 1], penalty, order, where);
        boolean sameLayer = a.layer() == b.layer();
        rows = movedRows(a, b);
        from = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            from[k] = Math.min(colIn(a, rows[k]), colIn(b, rows[k]));
        }
        skip = sameLayer && first + 1 < layers ? rows[0] : 0;
        in = new double[points * fanIn[first]];
        out = new double[points * width[first]];
        partial = new double[points * rows.length];
        nextPartial = first + 1 < layers ? new double[points * width[first + 1]] : null;
        products = sameLayer && first + 1 < layers ? new double[points * width[first + 1] * width[first]] : null;
        fused = products != null && rows.length == 1 && first + 2 == layers - 1 && width[layers - 1] == 1
                && (!this.layers.tensor || act[first + 1] == Activation.TANH || act[first + 1] == Activation.LINEAR);
        int widest = 1;
        for (int l = first; l < layers; l++) {
            widest = Math.max(widest, width[l]);
        }
        block = Math.max(1, BLOCK_NUMBERS / Math.max(1, points * widest));
        acts = new double[layers][];
        for (int l = first == layers - 1 ? first : first + 1; l < layers; l++) {
            acts[l] = new double[block * points * width[l]];
        }
        moved = new double[block * points * rows.length];
        four = products != null && rows.length == 1 ? new FourCells(this.layers, first, rows[0], points, products, nextPartial, moved, acts) : null;
        cache(data.x());
    }

    /** The neurons of the first parameter's layer that the two move, ascending: one, or two in one layer. */
    private static int[] movedRows(Param a, Param b) {
        if (a.layer() != b.layer()) {
            return new int[] {a.layer() < b.layer() ? a.row() : b.row()};
        }
        return a.row() == b.row() ? new int[] {a.row()} : new int[] {Math.min(a.row(), b.row()), Math.max(a.row(), b.row())};
    }

    /** The column of parameter p in neuron row of layer first, or past the bias when p is not there. */
    private int colIn(Param p, int row) {
        return p.layer() == first && p.row() == row ? p.col() : Integer.MAX_VALUE;
    }

    /** What does not move: the layers below first and layer first as they are, the sums over the fixed inputs. */
    private void cache(double[][] x) {
        double[] a = new double[points * (x.length == 0 ? 0 : x[0].length)];
        for (int p = 0; p < points; p++) {
            System.arraycopy(x[p], 0, a, p * x[p].length, x[p].length);
        }
        for (int l = 0; l < first; l++) {
            double[] next = new double[points * width[l]];
            layers.dense(l, a, next, points);
            a = next;
        }
        System.arraycopy(a, 0, in, 0, in.length);
        layers.dense(first, in, out, points);
        int f = fanIn[first];
        for (int p = 0; p < points; p++) {
            for (int k = 0; k < rows.length; k++) {
                partial[p * rows.length + k] = Sums.sum(w[first], rows[k] * f, in, p * f, 0, Math.min(from[k], f), 0);
            }
        }
        if (nextPartial != null) {
            int n = width[first + 1], m = width[first];
            for (int p = 0; p < points; p++) {
                for (int o = 0; o < n; o++) {
                    nextPartial[p * n + o] = Sums.sum(w[first + 1], o * m, out, p * m, 0, skip, 0);
                    for (int i = 0; products != null && i < m; i++) {
                        products[(p * n + o) * m + i] = w[first + 1][o * m + i] * out[p * m + i];
                    }
                }
            }
        }
    }

    /** Cells computed per {@link #losses} block: a caller splitting work across frames takes this many at a time. */
    int block() {
        return block;
    }

    /** The mean loss over the points with parameter a at {@code va} and b at {@code vb}, the others fixed. */
    double at(double va, double vb) {
        double[] result = new double[1];
        losses(new double[] {va}, new double[] {vb}, 0, 1, result, 0);
        return result[0];
    }

    /** The losses of cells {@code from … from + count − 1} (parameter a at va[k], b at vb[k]) into result from at. */
    void losses(double[] va, double[] vb, int start, int count, double[] result, int at) {
        try (NoGrad scope = NoGrad.enter()) {
            for (int done = 0; done < count; done += block) {
                int cells = Math.min(block, count - done);
                movedLayer(va, vb, start + done, cells);
                if (fused) {
                    four.through(cells);
                    layers.activate(act[w.length - 1], acts[w.length - 1]);
                } else {
                    for (int l = first + 1; l < w.length; l++) {
                        layer(l, va, vb, start + done, cells);
                    }
                }
                cellLoss.means(acts[w.length - 1], width[w.length - 1], va, vb, start + done, cells, result, at + done);
            }
        } finally {
            layers.set(pa, keepA);
            layers.set(pb, keepB);
        }
    }

    /**
     * Layer first for a block: each moved neuron summed from its first moved input, activated. Its other neurons
     * are the cached ones, read from there by the next layer (copied only when layer first is the output).
     */
    private void movedLayer(double[] va, double[] vb, int start, int cells) {
        int f = fanIn[first], r = rows.length;
        double[] wl = w[first];
        for (int c = 0; c < cells; c++) {
            layers.set(pa, va[start + c]);
            layers.set(pb, vb[start + c]);
            for (int k = 0; k < r; k++) {
                int row = rows[k] * f, lo = Math.min(from[k], f);
                double bias = b[first][rows[k]];
                for (int p = 0, at = c * points * r + k; p < points; p++, at += r) {
                    double s = Sums.read(partial, p * r + k);
                    for (int i = lo, xi = p * f; i < f; i++) {
                        s += Sums.read(wl, row + i) * Sums.read(in, xi + i);
                    }
                    Sums.put(moved, at, s + bias);
                }
            }
        }
        layers.activate(act[first], moved);
        if (first == w.length - 1) {
            int m = width[first];
            double[] a = acts[first];
            for (int cp = 0; cp < cells * points; cp++) {
                int p = cp % points;
                for (int o = 0; o < m; o++) {
                    a[cp * m + o] = out[p * m + o];
                }
                for (int k = 0; k < r; k++) {
                    a[cp * m + rows[k]] = moved[cp * r + k];
                }
            }
        }
    }

    /** Layer l (above first) for a block, from the block's activations of layer l − 1. */
    private void layer(int l, double[] va, double[] vb, int start, int cells) {
        int f = fanIn[l], n = width[l];
        double[] wl = w[l], bl = b[l], x = acts[l - 1], y = acts[l];
        if (l == first + 1 && four != null) {
            four.next(cells);
        } else {
            for (int c = 0; c < cells; c++) {
                layers.set(pa, va[start + c]);
                layers.set(pb, vb[start + c]);
                for (int p = 0; p < points; p++) {
                    int cp = c * points + p;
                    for (int o = 0; o < n; o++) {
                        y[cp * n + o] = (l == first + 1 ? nextSum(o, p, cp) : Sums.sum(wl, o * f, x, cp * f, 0, f, 0)) + bl[o];
                    }
                }
            }
        }
        layers.activate(act[l], y);
    }

    /**
     * Neuron o of layer first + 1 at point p of block cell-point cp, before its bias: the cached sum over the inputs
     * before skip, then in order the cached outputs of layer first and, at the moved neurons (rows ascending), theirs.
     */
    private double nextSum(int o, int p, int cp) {
        int m = width[first], r = rows.length, at = (p * width[first + 1] + o) * m;
        double[] wl = w[first + 1], x = products != null ? products : out;
        double s = nextPartial[p * width[first + 1] + o];
        int i = skip;
        for (int k = 0; k < r; k++) {
            s = products != null ? Sums.adds(x, at, i, rows[k], s) : Sums.sum(wl, o * m, x, p * m, i, rows[k], s);
            s += wl[o * m + rows[k]] * moved[cp * r + k];
            i = rows[k] + 1;
        }
        return products != null ? Sums.adds(x, at, i, m, s) : Sums.sum(wl, o * m, x, p * m, i, m, s);
    }
}
