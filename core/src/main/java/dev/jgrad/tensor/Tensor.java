package dev.jgrad.tensor;

import dev.jgrad.engine.Anomaly;
import dev.jgrad.engine.NoGrad;
import java.util.Arrays;

/**
 * An n-dimensional array of numbers (row-major), doubles or floats ({@link DType}), in a computational graph, with the scalar
 * {@code Value}'s rules: every primitive records its inputs and a {@link Function} that knows its
 * local derivative; {@link #backward()} runs them from here back to the leaves, and leaf gradients
 * accumulate ({@code +=}) until {@link #zeroGrad()}. The engine's {@link NoGrad} scope stops
 * recording and its {@link Anomaly} scope stops at the first NaN or infinity.
 *
 * <p>As in PyTorch, only leaves marked with {@link #requireGrad()} (parameters) and what is computed
 * from them carry gradients, so a batch of data costs no backward work. Binary operations broadcast
 * as NumPy does. Not thread-safe: build and differentiate one graph on one thread.
 *
 * <p>An operation's inputs share one dtype, which its result takes: a constant operand of the other
 * dtype (a scalar, a one-hot matrix) is converted to it, two operands that both need gradients must
 * already agree. Gradients are kept and summed in double whatever the dtype; the matrix product of
 * a float32 backward reads them rounded to float32.
 */
public final class Tensor {
    /** float64's numbers; null for float32. */
    final double[] data;
    /** float32's numbers; null for float64. */
    final float[] floats;
    final int[] shape;
    double[] grad;
    boolean requiresGrad;
    final Function fn;
    /** Walk state for {@link Backward#order}; 0 at rest. */
    byte mark;
    /** Set by {@link #release()}: {@link #data} may now belong to another tensor. */
    boolean released;
    /** The graph in backward order, left by {@link #backward()} for {@link #release()}; else null. */
    Tensor[] walked;

    Tensor(double[] data, int[] shape, Function fn) {
        this(data, null, shape, fn);
    }

    Tensor(float[] floats, int[] shape, Function fn) {
        this(null, floats, shape, fn);
    }

    private Tensor(double[] data, float[] floats, int[] shape, Function fn) {
        this.data = data;
        this.floats = floats;
        this.shape = shape;
        this.fn = fn;
    }

    // ---- making tensors ---------------------------------------------------------------------

    /** A constant holding a copy of {@code data} in the given shape (row-major). */
    public static Tensor of(double[] data, int... shape) {
        if (Shape.size(nonNegative("of", shape)) != data.length) {
            throw new IllegalArgumentException("of: " + data.length + " numbers do not fill shape "
                    + Arrays.toString(shape));
        }
        return new Tensor(data.clone(), shape.clone(), null);
    }

    /**
     * A constant over {@code data} itself, not a copy: for a block the caller fills and then leaves
     * alone while the tensor is in use (a batch of points), where a copy per step would be the
     * step's biggest allocation.
     */
    public static Tensor wrap(double[] data, int... shape) {
        if (Shape.size(nonNegative("wrap", shape)) != data.length) {
            throw new IllegalArgumentException("wrap: " + data.length + " numbers do not fill shape "
                    + Arrays.toString(shape));
        }
        return new Tensor(data, shape.clone(), null);
    }

    /** A float32 constant holding a copy of {@code data} in the given shape (row-major). */
    public static Tensor of(float[] data, int... shape) {
        if (Shape.size(nonNegative("of", shape)) != data.length) {
            throw new IllegalArgumentException("of: " + data.length + " numbers do not fill shape "
                    + Arrays.toString(shape));
        }
        return new Tensor(data.clone(), shape.clone(), null);
    }

    /** {@link #wrap(double[], int...)} for float32 numbers. */
    public static Tensor wrap(float[] data, int... shape) {
        if (Shape.size(nonNegative("wrap", shape)) != data.length) {
            throw new IllegalArgumentException("wrap: " + data.length + " numbers do not fill shape "
                    + Arrays.toString(shape));
        }
        return new Tensor(data, shape.clone(), null);
    }

    /**
     * The same numbers in {@code type}, as a constant (nothing flows back through it, as with
     * {@link #detach()}); float64 to float32 rounds to nearest. This tensor itself when it is a
     * constant of that type already.
     */
    public Tensor to(DType type) {
        live("to");
        if (type == dtype()) {
            return fn == null && !requiresGrad ? this : detach();
        }
        return type == DType.FLOAT64 ? new Tensor(data(), shape, null) : new Tensor(Buffers.narrow(data), shape, null);
    }

    /** How the numbers are stored. */
    public DType dtype() {
        return floats != null ? DType.FLOAT32 : DType.FLOAT64;
    }

    /** A constant from rows of equal length: an n × m matrix. */
    public static Tensor of(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] d = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("of: row " + i + " has " + rows[i].length
                        + " numbers, row 0 has " + cols);
            }
            System.arraycopy(rows[i], 0, d, i * cols, cols);
        }
        return new Tensor(d, new int[] {rows.length, cols}, null);
    }

    /** A 0-dimensional constant. */
    public static Tensor scalar(double x) {
        return new Tensor(new double[] {x}, new int[0], null);
    }

    /** A constant of zeros. */
    public static Tensor zeros(int... shape) {
        return new Tensor(new double[Shape.size(nonNegative("zeros", shape))], shape.clone(), null);
    }

    private static int[] nonNegative(String op, int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(op + ": shape " + Arrays.toString(shape) + " has a negative dimension");
            }
        }
        return shape;
    }

    /** Marks this leaf as a parameter: backward will accumulate its gradient. Returns this. */
    public Tensor requireGrad() {
        if (fn != null) {
            throw new IllegalStateException("requireGrad: only a leaf can be a parameter (this is the output of "
                    + fn.name() + ")");
        }
        requiresGrad = true;
        return this;
    }

    /** The same numbers, cut from the graph: nothing flows back through the result. */
    public Tensor detach() {
        live("detach");
        return new Tensor(data, floats, shape, null);
    }

    static Tensor apply(Function f, int[] shape, Tensor... in) {
        for (Tensor t : in) {
            t.live(f.name());
        }
        f.in = in;
        f.shape = shape;
        boolean track = false;
        if (NoGrad.isRecording()) {
            for (Tensor t : in) {
                track |= t.requiresGrad;
            }
        }
        Tensor t;
        if (in[0].floats == null) {
            f.out = f.forward();
            t = new Tensor(f.out, shape, track ? f : null);
        } else {
            t = new Tensor(forwardFloats(f, track), shape, track ? f : null);
        }
        t.requiresGrad = track;
        if (Anomaly.isActive()) {
            Backward.checkForward(f, t);
        }
        return t;
    }

    /**
     * A float32 result: the operation's own, or its double result on the inputs widened, rounded
     * once. The widened inputs and that result (rounded, for backward) live as long as the graph.
     */
    private static float[] forwardFloats(Function f, boolean track) {
        float[] own = f.forwardFloats();
        if (own != null) {
            return own;
        }
        f.wide = new double[f.in.length][];
        for (int i = 0; i < f.in.length; i++) {
            f.wide[i] = Buffers.widen(f.in[i].floats);
        }
        double[] d = f.forward();
        float[] o = Buffers.narrow(d);
        if (track) {
            for (int i = 0; i < o.length; i++) {
                d[i] = o[i];
            }
            f.out = d;
        } else {
            Buffers.give(d);
            Backward.giveWide(f);
        }
        return o;
    }

    /** Both operands in one dtype: a constant takes the other's; two that need gradients must agree. */
    private static Tensor[] unify(String op, Tensor a, Tensor b) {
        if (a.dtype() == b.dtype()) {
            return new Tensor[] {a, b};
        }
        if (!b.requiresGrad) {
            return new Tensor[] {a, b.to(a.dtype())};
        }
        if (!a.requiresGrad) {
            return new Tensor[] {a.to(b.dtype()), b};
        }
        throw new IllegalArgumentException(op + ": a " + a.dtype().id() + " and a " + b.dtype().id()
                + " operand both need gradients; build both in one dtype");
    }

    // ---- primitives (each a Function with its derivative) -------------------------------------

    public Tensor add(Tensor o) {
        int[] s = Shape.broadcast("add", shape, o.shape);
        Tensor[] ab = unify("add", this, o);
        return apply(new Elementwise.Add(), s, ab[0].expand(s), ab[1].expand(s));
    }

    public Tensor mul(Tensor o) {
        int[] s = Shape.broadcast("mul", shape, o.shape);
        Tensor[] ab = unify("mul", this, o);
        return apply(new Elementwise.Mul(), s, ab[0].expand(s), ab[1].expand(s));
    }

    public Tensor neg() {
        return apply(new Elementwise.Neg(), shape, this);
    }

    public Tensor exp() {
        return apply(new Elementwise.Exp(), shape, this);
    }

    public Tensor log() {
        return apply(new Elementwise.Log(), shape, this);
    }

    /** 1 / a, elementwise. */
    public Tensor reciprocal() {
        return apply(new Elementwise.Reciprocal(), shape, this);
    }

    public Tensor relu() {
        return apply(new Elementwise.Relu(), shape, this);
    }

    public Tensor tanh() {
        return apply(new Elementwise.Tanh(), shape, this);
    }

    /** Sum over {@code axis} (negative counts from the end); {@code keepDim} keeps it with length 1. */
    public Tensor sum(int axis, boolean keepDim) {
        int ax = Shape.axis("sum", shape, axis);
        Tensor r = apply(new Reduce.Sum(ax), Shape.with(shape, ax, 1), this);
        return keepDim ? r : r.reshape(Shape.without(shape, ax));
    }

    /** Maximum over {@code axis}; the gradient goes to the first maximal entry. */
    public Tensor max(int axis, boolean keepDim) {
        int ax = Shape.axis("max", shape, axis);
        Tensor r = apply(new Reduce.Max(ax), Shape.with(shape, ax, 1), this);
        return keepDim ? r : r.reshape(Shape.without(shape, ax));
    }

    /** The same numbers in a new shape of the same size; one dimension may be −1 (inferred). */
    public Tensor reshape(int... newShape) {
        int[] s = Shape.infer(shape, newShape);
        return Arrays.equals(s, shape) ? this : apply(new Movement.Reshape(), s, this);
    }

    /** Axes reordered: {@code permute(1, 0)} transposes a matrix. */
    public Tensor permute(int... order) {
        return apply(new Movement.Permute(order.clone()), Shape.permuted(shape, order), this);
    }

    /** Repeated along length-1 or missing leading axes to {@code target} (NumPy's broadcasting). */
    public Tensor expand(int... target) {
        if (Arrays.equals(target, shape)) {
            return this;
        }
        Shape.checkExpand(shape, target);
        return apply(new Movement.Expand(), target.clone(), this);
    }

    /** Matrix product of an m × k and a k × n tensor. */
    public Tensor matmul(Tensor o) {
        if (shape.length != 2 || o.shape.length != 2 || shape[1] != o.shape[0]) {
            throw Shape.mismatch("matmul", shape, o.shape, "do not chain (need m × k and k × n)");
        }
        Tensor[] ab = unify("matmul", this, o);
        return apply(new MatMul(), new int[] {shape[0], o.shape[1]}, ab[0], ab[1]);
    }

    // ---- composites: written from the primitives, no backward of their own -------------------

    public Tensor add(double k) {
        return add(scalar(k));
    }

    public Tensor mul(double k) {
        return mul(scalar(k));
    }

    // a composite checks shapes itself, so an error names the op the caller wrote, not a primitive
    public Tensor sub(Tensor o) {
        Shape.broadcast("sub", shape, o.shape);
        return add(o.neg());
    }

    public Tensor sub(double k) {
        return add(-k);
    }

    public Tensor div(Tensor o) {
        Shape.broadcast("div", shape, o.shape);
        return mul(o.reciprocal());
    }

    public Tensor div(double k) {
        return mul(1 / k);
    }

    /** a². */
    public Tensor square() {
        return mul(this);
    }

    /** 1 / (1 + e^−a), as (1 + tanh(a/2)) / 2: never overflows, exact derivative everywhere. */
    public Tensor sigmoid() {
        return mul(0.5).tanh().add(1).mul(0.5);
    }

    /** Sum of every entry, a 0-dimensional tensor. */
    public Tensor sum() {
        return reshape(size()).sum(0, false);
    }

    /** Mean of every entry. */
    public Tensor mean() {
        return sum().mul(1.0 / size());
    }

    public Tensor mean(int axis, boolean keepDim) {
        return sum(axis, keepDim).mul(1.0 / shape[Shape.axis("mean", shape, axis)]);
    }

    /** Swaps the two axes of a matrix. */
    public Tensor transpose() {
        if (shape.length != 2) {
            throw new IllegalArgumentException("transpose: needs a matrix, got shape " + Arrays.toString(shape));
        }
        return permute(1, 0);
    }

    /** Mean squared error against {@code target} (broadcast). */
    public Tensor mse(Tensor target) {
        Shape.broadcast("mse", shape, target.shape);
        return sub(target).square().mean();
    }

    /** log(softmax) over {@code axis}, shifted by the (detached) maximum so large logits stay finite. */
    public Tensor logSoftmax(int axis) {
        Tensor z = sub(max(axis, true).detach());
        return z.sub(z.exp().sum(axis, true).log());
    }

    public Tensor softmax(int axis) {
        return logSoftmax(axis).exp();
    }

    /** Mean cross-entropy of these n × k logits against class indices in [0, k). */
    public Tensor crossEntropy(int[] classes) {
        return logSoftmax(1).mul(Shape.oneHot("crossEntropy", shape, classes)).sum().mul(-1.0 / shape[0]);
    }

    // ---- backward -----------------------------------------------------------------------------

    /**
     * Gradients of this one-element tensor: seeds it with 1 and runs every local rule back to the
     * leaves, which accumulate. Intermediate gradients are fresh on each call and dropped after it.
     */
    public void backward() {
        live("backward");
        if (size() != 1) {
            throw new IllegalStateException("backward: needs a single number, got shape " + Arrays.toString(shape));
        }
        if (!requiresGrad) {
            throw new IllegalStateException("backward: this tensor depends on no parameter (requireGrad), or was computed "
                    + "under NoGrad, so no gradient can flow from it");
        }
        Backward.run(this);
    }

    /**
     * The gradient of the one-element {@code output} with respect to each of {@code inputs}, in order, as
     * {@code torch.autograd.grad} gives it: zeros for an input the output does not depend on, and no
     * tensor's {@link #grad()} touched. With {@code createGraph} each local rule is computed with tensor
     * operations, so the gradients can be differentiated again: the gradient of ⟨gradient, v⟩ is a
     * Hessian-vector product. Under {@link NoGrad} nothing is recorded; keep the graph unreleased.
     */
    public static java.util.List<Tensor> gradients(Tensor output, java.util.List<Tensor> inputs, boolean createGraph) {
        output.live("gradients");
        return Gradients.of(output, inputs, createGraph);
    }

    /**
     * Declares this graph finished: the arrays of every intermediate result between the parameters
     * and this tensor go back to a per-thread pool, for the next step's operations to reuse, so a
     * training loop runs without feeding the garbage collector. This tensor and every intermediate
     * one must not be read afterwards (leaves, constants and parameters are untouched): reading or
     * using one throws. Optional: without it the arrays are simply garbage-collected.
     */
    public void release() {
        if (fn != null && !released) {
            Backward.release(this);
        }
    }

    /** A clear error if {@link #release()} gave this tensor's numbers back to the pool. */
    private void live(String op) {
        if (released) {
            throw new IllegalStateException(op + ": tensor was released (its " + Arrays.toString(shape)
                    + " numbers went back to the pool for reuse); read results before release()");
        }
    }

    /** Sets this tensor's gradient to zeros, keeping its buffer. */
    public void zeroGrad() {
        if (grad != null) {
            Arrays.fill(grad, 0);
        }
    }

    // ---- accessors ------------------------------------------------------------------------------

    public int[] shape() {
        return shape.clone();
    }

    public int size() {
        return data != null ? data.length : floats.length;
    }

    /** A copy of the numbers, row-major (float32's widened exactly). */
    public double[] data() {
        live("data");
        double[] d = new double[size()];
        copyData(d, 0);
        return d;
    }

    /** A copy of the accumulated gradient (zeros before any backward). */
    public double[] grad() {
        live("grad");
        return grad == null ? new double[size()] : grad.clone();
    }

    /** The single number of a one-element tensor. */
    public double item() {
        if (size() != 1) {
            throw new IllegalStateException("item: needs a single number, got shape " + Arrays.toString(shape));
        }
        live("item");
        return data != null ? data[0] : floats[0];
    }

    /** Copies the numbers into {@code to[at …]} (how an optimizer gathers parameters). */
    public void copyData(double[] to, int at) {
        live("copyData");
        if (data != null) {
            System.arraycopy(data, 0, to, at, data.length);
            return;
        }
        for (int i = 0; i < floats.length; i++) {
            to[at + i] = floats[i];
        }
    }

    /** Copies the gradient into {@code to[at …]} (zeros before any backward). */
    public void copyGrad(double[] to, int at) {
        if (grad == null) {
            java.util.Arrays.fill(to, at, at + size(), 0);
        } else {
            System.arraycopy(grad, 0, to, at, grad.length);
        }
    }

    /**
     * Replaces the numbers in place with {@code from[at …]}, as an optimizer does with a parameter
     * (a float32 tensor keeps each rounded to nearest: the optimizer's arithmetic is double).
     */
    public void setData(double[] from, int at) {
        if (data != null) {
            System.arraycopy(from, at, data, 0, data.length);
            return;
        }
        for (int i = 0; i < floats.length; i++) {
            floats[i] = (float) from[at + i];
        }
    }

    /**
     * Which kernel large matrix products use, for benchmark reports, after waiting up to
     * {@code waitMillis} for the Vector API kernel to be compiled (it starts cold; see Kernels).
     */
    public static String matmulKernel(long waitMillis) {
        try {
            Kernels.awaitVector(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Kernels.describe();
    }

    /** How many threads an m × k by k × n product runs on (for benchmark reports). */
    public static int matmulThreads(int m, int n, int k) {
        return Kernels.threads(m, n, k);
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    @Override
    public String toString() {
        if (released) {
            return "Tensor(shape=" + Arrays.toString(shape) + ", released)";
        }
        String numbers = size() > 12 ? "[" + size() + " numbers]"
                : data != null ? Arrays.toString(data) : Arrays.toString(floats);
        return "Tensor(shape=" + Arrays.toString(shape) + (floats != null ? ", float32" : "") + ", data=" + numbers + ")";
    }
}
