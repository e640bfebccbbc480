package dev.jgrad.web;

import dev.jgrad.engine.NoGrad;
import dev.jgrad.loss.Loss;
import dev.jgrad.loss.PointLoss;
import dev.jgrad.loss.Penalty;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Engine;
import dev.jgrad.nn.Network;
import dev.jgrad.tensor.Tensor;

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
 */
final class Landscape {
    /**
     * A parameter of the network: layer from 0, the neuron ({@code row}) and its input ({@code col}; the
     * number of inputs for the bias). Its id in the page is {@code layer-row-col}.
     */
    record Param(int layer, int row, int col) {
        String id() {
            return layer + "-" + row + "-" + col;
        }

        /** "w1 of neuron 2, hidden layer 1", "b of the output". */
        String name(Network net) {
            Network.Dense d = net.layers().get(layer);
            String what = col == d.inputs() ? "b" : "w" + (col + 1);
            String where = layer == net.layers().size() - 1 ? "the output" + (d.outputs() > 1 ? " " + (row + 1) : "")
                    : "neuron " + (row + 1) + ", hidden layer " + (layer + 1);
            return what + " of " + where;
        }

        double read(Network net) {
            Network.Dense d = net.layers().get(layer);
            return col == d.inputs() ? d.biases()[row] : d.weights()[row][col];
        }

        /** The parameter with this id in {@code net}, or an error naming what is wrong. */
        static Param parse(String id, Network net) {
            String[] parts = (id == null ? "" : id).split("-");
            if (parts.length != 3) {
                throw new IllegalArgumentException("a parameter is layer-neuron-input, got '" + id + "'");
            }
            int[] v = new int[3];
            for (int k = 0; k < 3; k++) {
                try {
                    v[k] = Integer.parseInt(parts[k]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("a parameter is layer-neuron-input, got '" + id + "'");
                }
            }
            if (v[0] < 0 || v[0] >= net.layers().size() || v[1] < 0 || v[1] >= net.layers().get(v[0]).outputs()
                    || v[2] < 0 || v[2] > net.layers().get(v[0]).inputs()) {
                throw new IllegalArgumentException("the network has no parameter " + id);
            }
            return new Param(v[0], v[1], v[2]);
        }
    }

    /** The training points: features x, and each one's class (labels) or number (targets, null for classes). */
    record Points(double[][] x, int[] labels, double[] targets, Loss loss) {
    }

    /** About this many numbers per layer in a block of cells (256 kB): the block's layers stay in the cache. */
    private static final int BLOCK_NUMBERS = 1 << 15;

    private final Param pa;
    private final Param pb;
    private final double keepA;
    private final double keepB;
    /** Per layer: the weights, outputs × inputs row by row, and the biases; the two parameters are set cell by cell. */
    private final double[][] w;
    private final double[][] b;
    private final int[] fanIn;
    private final int[] width;
    private final Activation[] act;
    private final boolean tensor;
    private final int points;
    private final int[] labels;
    /**
     * Each point's squared error is measured against this number, or null: the regression targets, or under MSE with one
     * output the classes as numbers ({@link PointLoss#of}'s MSE is {@link PointLoss#squared} against the class), so that
     * a cell's mean reads two arrays and calls nothing it cannot inline.
     */
    private final double[] squaredTo;
    private final Loss loss;
    private final Penalty penalty;
    /** The parameters in the model's order for the penalty, and where the two sit in it (null without a penalty). */
    private final double[] flat;
    private final int flatA;
    private final int flatB;
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
     * ({@link #throughFour}): one neuron moved, the next layer the last hidden one, and its activation one the
     * engine gives for a single number.
     */
    private final boolean fused;
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
        int layers = net.layers().size();
        pa = a;
        pb = b;
        first = Math.min(a.layer(), b.layer());
        w = new double[layers][];
        this.b = new double[layers][];
        fanIn = new int[layers];
        width = new int[layers];
        act = new Activation[layers];
        for (int l = 0; l < layers; l++) {
            Network.Dense d = net.layers().get(l);
            fanIn[l] = d.inputs();
            width[l] = d.outputs();
            w[l] = new double[width[l] * fanIn[l]];
            for (int o = 0; o < width[l]; o++) {
                System.arraycopy(d.weights()[o], 0, w[l], o * fanIn[l], fanIn[l]);
            }
            this.b[l] = d.biases().clone();
            act[l] = d.activation();
        }
        keepA = get(a);
        keepB = get(b);
        tensor = engine == Engine.TENSOR;
        points = data.x().length;
        labels = data.labels();
        loss = data.loss();
        squaredTo = data.targets() != null ? data.targets()
                : loss == Loss.MSE && net.layers().get(layers - 1).outputs() == 1 ? classes(labels) : null;
        this.penalty = penalty;
        boolean none = penalty.l1() == 0 && penalty.l2() == 0;
        flat = none ? null : order.clone();
        flatA = none ? -1 : where[0];
        flatB = none ? -1 : where[1];
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
                && (!tensor || act[first + 1] == Activation.TANH || act[first + 1] == Activation.LINEAR);
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
        cache(data.x());
    }

    private static double[] classes(int[] labels) {
        double[] y = new double[labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels[i];
        }
        return y;
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
            dense(l, a, next);
            a = next;
        }
        System.arraycopy(a, 0, in, 0, in.length);
        dense(first, in, out);
        int f = fanIn[first];
        for (int p = 0; p < points; p++) {
            for (int k = 0; k < rows.length; k++) {
                partial[p * rows.length + k] = sum(w[first], rows[k] * f, in, p * f, 0, Math.min(from[k], f), 0);
            }
        }
        if (nextPartial != null) {
            int n = width[first + 1], m = width[first];
            for (int p = 0; p < points; p++) {
                for (int o = 0; o < n; o++) {
                    nextPartial[p * n + o] = sum(w[first + 1], o * m, out, p * m, 0, skip, 0);
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
                    for (int c = 0; c < cells; c += 4) {
                        throughFour(c, Math.min(c + 1, cells - 1), Math.min(c + 2, cells - 1), Math.min(c + 3, cells - 1));
                    }
                    activate(act[w.length - 1], acts[w.length - 1]);
                } else {
                    for (int l = first + 1; l < w.length; l++) {
                        layer(l, va, vb, start + done, cells);
                    }
                }
                mean(va, vb, start + done, cells, result, at + done);
            }
        } finally {
            set(pa, keepA);
            set(pb, keepB);
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
            set(pa, va[start + c]);
            set(pb, vb[start + c]);
            for (int k = 0; k < r; k++) {
                int row = rows[k] * f, lo = Math.min(from[k], f);
                double bias = b[first][rows[k]];
                for (int p = 0, at = c * points * r + k; p < points; p++, at += r) {
                    double s = read(partial, p * r + k);
                    for (int i = lo, xi = p * f; i < f; i++) {
                        s += read(wl, row + i) * read(in, xi + i);
                    }
                    put(moved, at, s + bias);
                }
            }
        }
        activate(act[first], moved);
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
        if (l == first + 1 && products != null && rows.length == 1) {
            for (int c = 0; c < cells; c += 4) {
                nextFour(c, Math.min(c + 1, cells - 1), Math.min(c + 2, cells - 1), Math.min(c + 3, cells - 1));
            }
        } else {
            for (int c = 0; c < cells; c++) {
                set(pa, va[start + c]);
                set(pb, vb[start + c]);
                for (int p = 0; p < points; p++) {
                    int cp = c * points + p;
                    for (int o = 0; o < n; o++) {
                        y[cp * n + o] = (l == first + 1 ? nextSum(o, p, cp) : sum(wl, o * f, x, cp * f, 0, f, 0)) + bl[o];
                    }
                }
            }
        }
        activate(act[l], y);
    }

    /**
     * {@link #nextSum} plus the bias for four cells at once (one moved neuron, both parameters in layer first, so the
     * next layer's weights are fixed): each cached product is read once and added to the four sums in turn, which
     * are four separate sums in the one order. A block's last cells may come twice; they write the same numbers.
     */
    private void nextFour(int c0, int c1, int c2, int c3) {
        int m = width[first], n = width[first + 1], r = rows[0];
        double[] wl = w[first + 1], bl = b[first + 1], y = acts[first + 1], t = products;
        for (int p = 0; p < points; p++) {
            double h0 = moved[c0 * points + p], h1 = moved[c1 * points + p], h2 = moved[c2 * points + p], h3 = moved[c3 * points + p];
            for (int o = 0; o < n; o++) {
                double start = nextPartial[p * n + o], wr = wl[o * m + r];
                double s0 = start + wr * h0, s1 = start + wr * h1, s2 = start + wr * h2, s3 = start + wr * h3;
                for (int i = (p * n + o) * m + r + 1, end = (p * n + o + 1) * m; i < end; i++) {
                    double ti = t[i];
                    s0 += ti;
                    s1 += ti;
                    s2 += ti;
                    s3 += ti;
                }
                double bias = bl[o];
                y[(c0 * points + p) * n + o] = s0 + bias;
                y[(c1 * points + p) * n + o] = s1 + bias;
                y[(c2 * points + p) * n + o] = s2 + bias;
                y[(c3 * points + p) * n + o] = s3 + bias;
            }
        }
    }

    /**
     * {@link #nextFour} carried on into the output for four cells: each next-layer neuron's sum, activated here (the
     * engine's function of one number), is added at once to the output neuron's sum, in the neurons' order as the
     * output's sum adds them; the output's sum plus its bias goes to the block for the output's activation.
     */
    private void throughFour(int c0, int c1, int c2, int c3) {
        int m = width[first], n = width[first + 1], r = rows[0], last = w.length - 1;
        double[] wl = w[first + 1], bl = b[first + 1], t = products, wo = w[last], y = acts[last], h = moved, start = nextPartial;
        Activation f = act[first + 1];
        double bout = b[last][0];
        for (int p = 0; p < points; p++) {
            double h0 = read(h, c0 * points + p), h1 = read(h, c1 * points + p), h2 = read(h, c2 * points + p), h3 = read(h, c3 * points + p);
            double z0 = 0, z1 = 0, z2 = 0, z3 = 0;
            for (int o = 0; o < n; o++) {
                double s = read(start, p * n + o), wr = read(wl, o * m + r);
                double s0 = s + wr * h0, s1 = s + wr * h1, s2 = s + wr * h2, s3 = s + wr * h3;
                for (int i = (p * n + o) * m + r + 1, end = (p * n + o + 1) * m; i < end; i++) {
                    double ti = read(t, i);
                    s0 += ti;
                    s1 += ti;
                    s2 += ti;
                    s3 += ti;
                }
                double bias = read(bl, o), wout = read(wo, o);
                z0 += wout * one(f, s0 + bias);
                z1 += wout * one(f, s1 + bias);
                z2 += wout * one(f, s2 + bias);
                z3 += wout * one(f, s3 + bias);
            }
            put(y, c0 * points + p, z0 + bout);
            put(y, c1 * points + p, z1 + bout);
            put(y, c2 * points + p, z2 + bout);
            put(y, c3 * points + p, z3 + bout);
        }
    }

    /** The training engine's activation of one number (for the tensor engine, only those it gives one at a time). */
    private double one(Activation f, double x) {
        if (!tensor) {
            return f.apply(x);
        }
        return f == Activation.TANH ? Tensor.tanhOf(x) : x;
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
            s = products != null ? adds(x, at, i, rows[k], s) : sum(wl, o * m, x, p * m, i, rows[k], s);
            s += wl[o * m + rows[k]] * moved[cp * r + k];
            i = rows[k] + 1;
        }
        return products != null ? adds(x, at, i, m, s) : sum(wl, o * m, x, p * m, i, m, s);
    }

    /**
     * s + t[at + lo] + … + t[at + hi − 1], in order. The hot loops are small methods of their own: TeaVM's checked
     * array reads are calls, which V8 inlines only within a budget per function that a large loop body exhausts.
     */
    private static double adds(double[] t, int at, int lo, int hi, double s) {
        for (int i = at + lo; i < at + hi; i++) {
            s += t[i];
        }
        return s;
    }

    /** Each cell's mean loss over the points, in point order, plus the penalty: as the learner measures it. */
    private void mean(double[] va, double[] vb, int start, int cells, double[] result, int at) {
        int k = width[w.length - 1];
        double[] o = acts[w.length - 1];
        for (int c = 0; c < cells; c++) {
            double sum = 0;
            for (int p = 0; p < points; p++) {
                int i = (c * points + p) * k;
                sum += squaredTo != null ? PointLoss.squared(read(o, i), read(squaredTo, p)) : PointLoss.of(loss, o, i, k, labels[p]);
            }
            result[at + c] = points == 0 ? Double.NaN : sum / points + penalty(va[start + c], vb[start + c]);
        }
    }

    private double penalty(double va, double vb) {
        if (flat == null) {
            return 0;
        }
        flat[flatA] = va;
        flat[flatB] = vb;
        return penalty.of(flat);
    }

    /** The training engine's activation over a block, in place: the tensor engine's as one tensor operation. */
    private void activate(Activation f, double[] v) {
        if (f == Activation.LINEAR) {
            return;
        }
        if (tensor && f != Activation.TANH) {
            Tensor t = f.apply(Tensor.wrap(v, v.length));
            t.copyData(v, 0);
            return;
        }
        // the tensor engine's tanh is its function of one number on each: no tensor and no garbage a block
        for (int i = 0; i < v.length; i++) {
            v[i] = one(f, v[i]);
        }
    }

    /** s + Σ wᵢxᵢ over i in [lo, hi), in order: every kernel's order, so a sum split at lo is the same bits. */
    private static double sum(double[] wl, int row, double[] x, int xi, int lo, int hi, double s) {
        for (int i = lo; i < hi; i++) {
            s += wl[row + i] * x[xi + i];
        }
        return s;
    }

    /**
     * a[i], for an index the caller knows is inside a, and {@link #put}: the test before the access lets TeaVM leave
     * out its own bound check, a call to one function shared by every array access of the page, where V8 reads the
     * length of every kind of array through one slow generic load (a third of a surface's time, profiled in Node). An
     * index past the end still throws, as on the JVM, and TeaVM still checks for a negative one.
     */
    private static double read(double[] a, int i) {
        if (i >= a.length) {
            throw new ArrayIndexOutOfBoundsException(i);
        }
        return a[i];
    }

    private static void put(double[] a, int i, double v) {
        if (i >= a.length) {
            throw new ArrayIndexOutOfBoundsException(i);
        }
        a[i] = v;
    }

    /** Layer l of every point (rows of x) into y, activated by the engine. */
    private void dense(int l, double[] x, double[] y) {
        int f = fanIn[l], n = width[l];
        for (int p = 0; p < points; p++) {
            for (int o = 0; o < n; o++) {
                y[p * n + o] = sum(w[l], o * f, x, p * f, 0, f, 0) + b[l][o];
            }
        }
        activate(act[l], y);
    }

    private double get(Param p) {
        return p.col() == fanIn[p.layer()] ? b[p.layer()][p.row()] : w[p.layer()][p.row() * fanIn[p.layer()] + p.col()];
    }

    private void set(Param p, double v) {
        if (p.col() == fanIn[p.layer()]) {
            b[p.layer()][p.row()] = v;
        } else {
            w[p.layer()][p.row() * fanIn[p.layer()] + p.col()] = v;
        }
    }
}
