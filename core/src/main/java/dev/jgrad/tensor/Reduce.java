package dev.jgrad.tensor;

/**
 * Reductions over one axis, keeping it with length 1 (the composites drop it). The input is read as
 * [outer, n, inner] around the axis, so one loop shape serves every rank.
 */
final class Reduce {
    private Reduce() {
    }

    /** out = Σ over the axis;  da = g copied back along the axis. */
    static final class Sum extends Function {
        private final int axis;

        Sum(int axis) {
            this.axis = axis;
        }

        String name() { return "sum"; }

        double[] forward() {
            int[] s = in[0].shape;
            int n = s[axis], inner = inner(s, axis), outer = data(0).length / Math.max(1, n * inner);
            double[] a = data(0), o = Arena.zeroed(outer * inner);
            for (int p = 0; p < outer; p++) {
                for (int j = 0; j < n; j++) {
                    int src = (p * n + j) * inner, dst = p * inner;
                    for (int i = 0; i < inner; i++) {
                        o[dst + i] += a[src + i];
                    }
                }
            }
            return o;
        }

        double[][] backward(double[] g) {
            int[] s = in[0].shape;
            int n = s[axis], inner = inner(s, axis), outer = g.length / Math.max(1, inner);
            double[] d = Arena.doubles(data(0).length);
            for (int p = 0; p < outer; p++) {
                for (int j = 0; j < n; j++) {
                    System.arraycopy(g, p * inner, d, (p * n + j) * inner, inner);
                }
            }
            return new double[][] {d};
        }
    }

    /**
     * out = max over the axis;  da = g at the first position of the maximum, 0 elsewhere (as
     * PyTorch's max(dim)). NaN wins, so a NaN input is never hidden.
     */
    static final class Max extends Function {
        private final int axis;
        int[] argmax;

        Max(int axis) {
            this.axis = axis;
        }

        String name() { return "max"; }

        double[] forward() {
            int[] s = in[0].shape;
            int n = s[axis], inner = inner(s, axis);
            if (n == 0) {
                throw new IllegalArgumentException("max: axis " + axis + " of shape "
                        + java.util.Arrays.toString(s) + " is empty");
            }
            int outer = data(0).length / (n * inner);
            double[] a = data(0), o = Arena.doubles(outer * inner);
            argmax = Arena.ints(o.length);
            for (int p = 0; p < outer; p++) {
                for (int i = 0; i < inner; i++) {
                    int best = p * n * inner + i;
                    for (int j = 1; j < n && !Double.isNaN(a[best]); j++) {
                        int at = (p * n + j) * inner + i;
                        if (a[at] > a[best] || Double.isNaN(a[at])) {
                            best = at;
                        }
                    }
                    o[p * inner + i] = a[best];
                    argmax[p * inner + i] = best;
                }
            }
            return o;
        }

        double[][] backward(double[] g) {
            double[] d = Arena.zeroed(data(0).length);
            for (int i = 0; i < g.length; i++) {
                d[argmax[i]] += g[i];
            }
            return new double[][] {d};
        }
    }

    static int inner(int[] shape, int axis) {
        int inner = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        return inner;
    }
}
