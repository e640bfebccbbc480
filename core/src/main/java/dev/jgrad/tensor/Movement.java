package dev.jgrad.tensor;

/** Primitives that move numbers without arithmetic: reshape, permute, expand. */
final class Movement {
    private Movement() {
    }

    /** Same numbers, new shape (shares the data: data is never written in place except by optimizers). */
    static final class Reshape extends Function {
        String name() { return "reshape"; }

        double[] forward() {
            return data(0);
        }

        @Override
        float[] forwardFloats() {
            return in[0].floats;
        }

        double[][] backward(double[] g) {
            return new double[][] {g};
        }
    }

    /** out = a with its axes reordered;  da = g permuted back by the inverse order. */
    static final class Permute extends Function {
        final int[] order;

        Permute(int[] order) {
            this.order = order;
        }

        String name() { return "permute"; }

        double[] forward() {
            return permute(data(0), in[0].shape, order);
        }

        double[][] backward(double[] g) {
            int[] inverse = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                inverse[order[i]] = i;
            }
            return new double[][] {permute(g, shape, inverse)};
        }

        static double[] permute(double[] src, int[] shape, int[] order) {
            double[] o = Arena.doubles(src.length);
            if (shape.length == 2 && order[0] == 1) {
                int r = shape[0], c = shape[1];
                for (int i = 0; i < r; i++) {
                    for (int j = 0; j < c; j++) {
                        o[j * r + i] = src[i * c + j];
                    }
                }
                return o;
            }
            int[] strides = Shape.strides(shape);
            int[] outShape = new int[order.length];
            int[] step = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                outShape[i] = shape[order[i]];
                step[i] = strides[order[i]];
            }
            walk(o, src, outShape, step, false);
            return o;
        }
    }

    /**
     * out = a repeated along its length-1 (or missing leading) axes, NumPy's broadcast made explicit;
     * da = g summed over the repeated axes.
     */
    static final class Expand extends Function {
        String name() { return "expand"; }

        double[] forward() {
            double[] o = Arena.doubles(Shape.size(shape));
            walk(o, data(0), shape, sourceSteps(), false);
            return o;
        }

        /** In float32 itself: a copy, exact (a bias row repeated down a batch, without widening it). */
        @Override
        float[] forwardFloats() {
            float[] src = in[0].floats, o = Arena.floats(Shape.size(shape));
            int[] step = sourceSteps();
            int last = shape.length == 0 ? 1 : shape[shape.length - 1];
            int lastStep = shape.length == 0 ? 0 : step[shape.length - 1];
            int[] index = new int[shape.length];
            for (int flat = 0, offset = 0; flat < o.length; flat += last) {
                for (int j = 0; j < last; j++) {
                    o[flat + j] = src[offset + j * lastStep];
                }
                for (int ax = shape.length - 2; ax >= 0; ax--) {
                    offset += step[ax];
                    if (++index[ax] < shape[ax]) {
                        break;
                    }
                    offset -= step[ax] * shape[ax];
                    index[ax] = 0;
                }
            }
            return o;
        }

        double[][] backward(double[] g) {
            double[] d = Arena.zeroed(in[0].size());
            walk(g, d, shape, sourceSteps(), true);
            return new double[][] {d};
        }

        /** The source's stride for each output axis, 0 where the axis repeats. */
        private int[] sourceSteps() {
            int[] src = in[0].shape;
            int[] strides = Shape.strides(src);
            int[] step = new int[shape.length];
            int lead = shape.length - src.length;
            for (int i = lead; i < shape.length; i++) {
                step[i] = src[i - lead] == 1 ? 0 : strides[i - lead];
            }
            return step;
        }
    }

    /**
     * Visits {@code dense} (row-major over {@code shape}) in order alongside {@code strided}, whose
     * offset for each axis advances by {@code step}. Copies strided → dense, or, when
     * {@code accumulate}, adds dense into strided (how expand's backward sums the repeats).
     */
    static void walk(double[] dense, double[] strided, int[] shape, int[] step, boolean accumulate) {
        int rank = shape.length;
        if (dense.length == 0) {
            return;
        }
        if (rank == 0) {
            if (accumulate) {
                strided[0] += dense[0];
            } else {
                dense[0] = strided[0];
            }
            return;
        }
        int[] index = new int[rank];
        int last = shape[rank - 1], lastStep = step[rank - 1];
        int offset = 0;
        for (int flat = 0; flat < dense.length; flat += last) {
            if (accumulate) {
                add(dense, flat, strided, offset, last, lastStep);
            } else {
                copy(dense, flat, strided, offset, last, lastStep);
            }
            for (int ax = rank - 2; ax >= 0; ax--) {
                offset += step[ax];
                if (++index[ax] < shape[ax]) {
                    break;
                }
                offset -= step[ax] * shape[ax];
                index[ax] = 0;
            }
        }
    }

    // The last axis is contiguous (step 1: a bias row) or repeated (step 0: a column): the two
    // shapes broadcasting makes, each a bulk copy or a plain sum.
    private static void copy(double[] dense, int at, double[] strided, int offset, int len, int step) {
        if (step == 1) {
            System.arraycopy(strided, offset, dense, at, len);
        } else if (step == 0) {
            java.util.Arrays.fill(dense, at, at + len, strided[offset]);
        } else {
            for (int j = 0; j < len; j++) {
                dense[at + j] = strided[offset + j * step];
            }
        }
    }

    private static void add(double[] dense, int at, double[] strided, int offset, int len, int step) {
        if (step == 0) {
            double s = 0;
            for (int j = 0; j < len; j++) {
                s += dense[at + j];
            }
            strided[offset] += s;
        } else {
            for (int j = 0; j < len; j++) {
                strided[offset + j * step] += dense[at + j];
            }
        }
    }
}
