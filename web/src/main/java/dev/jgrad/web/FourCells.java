package dev.jgrad.web;

import dev.jgrad.nn.Activation;

/**
 * A landscape block's layers above the moved neuron, four cells at a time, when one neuron of layer {@code first} is
 * moved (both parameters in it), so that the next layer's weights are fixed: each product of those weights with
 * layer first's fixed outputs is cached per point, read once and added to the four cells' sums in turn, which are
 * four separate sums in the one order. A block's last cells may come twice; they write the same numbers.
 */
final class FourCells {
    private final Layers layers;
    private final double[][] w;
    private final double[][] b;
    private final int[] width;
    private final Activation[] act;
    private final int first;
    /** The moved neuron of layer first. */
    private final int row;
    private final int points;
    /** Per point: next-layer neuron × input products, and the next layer's sums over the inputs before the moved one. */
    private final double[] products;
    private final double[] nextPartial;
    /** The block's moved neuron per cell and point, and per layer the block's activations. */
    private final double[] moved;
    private final double[][] acts;

    FourCells(Layers layers, int first, int row, int points, double[] products, double[] nextPartial, double[] moved, double[][] acts) {
        this.layers = layers;
        w = layers.w;
        b = layers.b;
        width = layers.width;
        act = layers.act;
        this.first = first;
        this.row = row;
        this.points = points;
        this.products = products;
        this.nextPartial = nextPartial;
        this.moved = moved;
        this.acts = acts;
    }

    /** Layer first + 1 of a block's {@code cells} cells, before its activation. */
    void next(int cells) {
        for (int c = 0; c < cells; c += 4) {
            nextFour(c, Math.min(c + 1, cells - 1), Math.min(c + 2, cells - 1), Math.min(c + 3, cells - 1));
        }
    }

    /** Layer first + 1, activated, and on into the one output, before its activation: the next layer is the last hidden one. */
    void through(int cells) {
        for (int c = 0; c < cells; c += 4) {
            throughFour(c, Math.min(c + 1, cells - 1), Math.min(c + 2, cells - 1), Math.min(c + 3, cells - 1));
        }
    }

    /**
     * Landscape's next-layer sum plus the bias for four cells at once (one moved neuron, both parameters in layer first, so the
     * next layer's weights are fixed): each cached product is read once and added to the four sums in turn, which
     * are four separate sums in the one order. A block's last cells may come twice; they write the same numbers.
     */
    private void nextFour(int c0, int c1, int c2, int c3) {
        int m = width[first], n = width[first + 1], r = row;
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
        int m = width[first], n = width[first + 1], r = row, last = w.length - 1;
        double[] wl = w[first + 1], bl = b[first + 1], t = products, wo = w[last], y = acts[last], h = moved, start = nextPartial;
        Activation f = act[first + 1];
        double bout = b[last][0];
        for (int p = 0; p < points; p++) {
            double h0 = Sums.read(h, c0 * points + p), h1 = Sums.read(h, c1 * points + p), h2 = Sums.read(h, c2 * points + p), h3 = Sums.read(h, c3 * points + p);
            double z0 = 0, z1 = 0, z2 = 0, z3 = 0;
            for (int o = 0; o < n; o++) {
                double s = Sums.read(start, p * n + o), wr = Sums.read(wl, o * m + r);
                double s0 = s + wr * h0, s1 = s + wr * h1, s2 = s + wr * h2, s3 = s + wr * h3;
                for (int i = (p * n + o) * m + r + 1, end = (p * n + o + 1) * m; i < end; i++) {
                    double ti = Sums.read(t, i);
                    s0 += ti;
                    s1 += ti;
                    s2 += ti;
                    s3 += ti;
                }
                double bias = Sums.read(bl, o), wout = Sums.read(wo, o);
                z0 += wout * layers.one(f, s0 + bias);
                z1 += wout * layers.one(f, s1 + bias);
                z2 += wout * layers.one(f, s2 + bias);
                z3 += wout * layers.one(f, s3 + bias);
            }
            Sums.put(y, c0 * points + p, z0 + bout);
            Sums.put(y, c1 * points + p, z1 + bout);
            Sums.put(y, c2 * points + p, z2 + bout);
            Sums.put(y, c3 * points + p, z3 + bout);
        }
    }
}
