package dev.jgrad.tensor;

import java.util.Arrays;

/** Shape arithmetic: sizes, strides and NumPy's broadcasting rule, with errors that name the op. */
final class Shape {
    private Shape() {
    }

    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int step = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = step;
            step *= shape[i];
        }
        return s;
    }

    /** The shape both operands expand to: dimensions aligned from the right, 1 stretches. */
    static int[] broadcast(String op, int[] a, int[] b) {
        if (Arrays.equals(a, b)) {
            return a;
        }
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw mismatch(op, a, b, "cannot broadcast");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    static IllegalArgumentException mismatch(String op, int[] a, int[] b, String why) {
        return new IllegalArgumentException(op + ": shapes " + Arrays.toString(a) + " and "
                + Arrays.toString(b) + " " + why);
    }

    /** A non-negative axis for {@code axis} (negative counts from the end), or an error naming the op. */
    static int axis(String op, int[] shape, int axis) {
        int a = axis < 0 ? axis + shape.length : axis;
        if (a < 0 || a >= shape.length) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for shape "
                    + Arrays.toString(shape));
        }
        return a;
    }

    static int[] with(int[] shape, int axis, int value) {
        int[] s = shape.clone();
        s[axis] = value;
        return s;
    }

    static int[] without(int[] shape, int axis) {
        int[] s = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                s[j++] = shape[i];
            }
        }
        return s;
    }

    /** {@code target} with a −1 resolved, checked to hold as many numbers as {@code shape}. */
    static int[] infer(int[] shape, int[] target) {
        int[] s = target.clone();
        int unknown = -1;
        int known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1 && unknown < 0) {
                unknown = i;
            } else if (s[i] < 0) {
                throw mismatch("reshape", shape, target, "do not match (one −1 at most, no other negatives)");
            } else {
                known *= s[i];
            }
        }
        int size = size(shape);
        if (unknown >= 0 && known != 0 && size % known == 0) {
            s[unknown] = size / known;
        }
        if (unknown >= 0 && s[unknown] == -1 || size(s) != size) {
            throw mismatch("reshape", shape, target, "hold different numbers of entries");
        }
        return s;
    }

    static int[] permuted(int[] shape, int[] order) {
        boolean[] seen = new boolean[shape.length];
        int[] s = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            if (order.length != shape.length || order[i] < 0 || order[i] >= shape.length || seen[order[i]]) {
                throw new IllegalArgumentException("permute: " + Arrays.toString(order)
                        + " is not an order of the axes of shape " + Arrays.toString(shape));
            }
            seen[order[i]] = true;
            s[i] = shape[order[i]];
        }
        return s;
    }

    static void checkExpand(int[] shape, int[] target) {
        int lead = target.length - shape.length;
        boolean ok = lead >= 0;
        for (int i = 0; ok && i < shape.length; i++) {
            ok = shape[i] == target[lead + i] || shape[i] == 1;
        }
        if (!ok) {
            throw mismatch("expand", shape, target, "cannot broadcast");
        }
    }

    /** An n × k constant with a 1 in each row at that row's class. */
    static Tensor oneHot(String op, int[] shape, int[] classes) {
        if (shape.length != 2 || classes.length != shape[0]) {
            throw new IllegalArgumentException(op + ": logits of shape " + Arrays.toString(shape)
                    + " need one class per row, got " + classes.length);
        }
        int k = shape[1];
        double[] d = Arena.zeroed(classes.length * k);
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] < 0 || classes[i] >= k) {
                throw new IllegalArgumentException(op + ": class " + classes[i] + " at row " + i
                        + " is outside [0, " + k + ")");
            }
            d[i * k + classes[i]] = 1;
        }
        return new Tensor(d, shape, null);
    }
}
