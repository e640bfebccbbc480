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
 * a float32 backward reads them rounded to float32, and so do jgrad's optimizers, which step a float32
 * parameter in float32 ({@link InPlace#adam}).
 */
public final class Tensor {
    /** float64's numbers; null for float32. */
    final double[] data;
    /** float32's numbers; null for float64. */
    final float[] floats;
    final int[] shape;
    double[] grad;
    /**
     * Whether {@link #grad} stands for zeros: {@link #zeroGrad()} only sets this, and the next backward
     * writes its first share over the stale numbers instead of adding it to a filled array (a pass
     * over every parameter saved per step); anything else that reads grad first fills it ({@link #settleGrad}).
     */
    boolean gradZeroed;
    boolean requiresGrad;
    final Function fn;
    /** Walk state for {@link Backward#order}; 0 at rest. */
    byte mark;
    /** The step whose {@link Arena} holds the numbers, or null: they are this tensor's own. */
    private final Arena arena;
    /** The arena's generation when this tensor was made: once it moves on, the numbers are another step's. */
    private final int generation;

    /** A tensor over numbers the ops made: the open step's, if one is open on this thread. */
    Tensor(double[] data, int[] shape, Function fn) {
        this(data, null, shape, fn, Arena.current());
    }

    Tensor(float[] floats, int[] shape, Function fn) {
        this(null, floats, shape, fn, Arena.current());
    }

    private Tensor(double[] data, float[] floats, int[] shape, Function fn, Arena arena) {
        this.data = data;
        this.floats = floats;
        this.shape = shape;
        this.fn = fn;
        this.arena = arena;
        this.generation = arena == null ? 0 : arena.generation;
    }

    /** A constant over numbers of its own (a caller's or a copy), whatever step is open. */
    private static Tensor owning(double[] data, float[] floats, int[] shape) {
        return new Tensor(data, floats, shape, null, null);
    }

    // ---- making tensors ---------------------------------------------------------------------

    /**
     * A constant holding a copy of {@code data} in the given shape (row-major).
     *
     * @param data the numbers, row-major
     * @param shape the dimensions; their product must be the data's length
     * @return a new constant
     */
    public static Tensor of(double[] data, int... shape) {
        return owning(data.clone(), null, filled("of", data.length, shape));
    }

    /**
     * A constant over {@code data} itself, not a copy: for a block the caller fills and then leaves
     * alone while the tensor is in use (a batch of points), where a copy per step would be the
     * step's biggest allocation.
     *
     * @param data the numbers, row-major, not copied
     * @param shape the dimensions; their product must be the data's length
     * @return a new constant over the array
     */
    public static Tensor wrap(double[] data, int... shape) {
        return owning(data, null, filled("wrap", data.length, shape));
    }

    /**
     * A float32 constant holding a copy of {@code data} in the given shape (row-major).
     *
     * @param data the numbers, row-major
     * @param shape the dimensions; their product must be the data's length
     * @return a new float32 constant
     */
    public static Tensor of(float[] data, int... shape) {
        return owning(null, data.clone(), filled("of", data.length, shape));
    }

    /**
     * {@link #wrap(double[], int...)} for float32 numbers.
     *
     * @param data the numbers, row-major, not copied
     * @param shape the dimensions; their product must be the data's length
     * @return a new float32 constant over the array
     */
    public static Tensor wrap(float[] data, int... shape) {
        return owning(null, data, filled("wrap", data.length, shape));
    }

    /**
     * The same numbers in {@code type}, as a constant (nothing flows back through it, as with
     * {@link #detach()}); float64 to float32 rounds to nearest. This tensor itself when it is a
     * constant of that type already.
     *
     * @param type the dtype wanted
     * @return a constant in that dtype
     */
    public Tensor to(DType type) {
        live("to");
        if (type == dtype()) {
            return fn == null && !requiresGrad ? this : detach();
        }
        return type == DType.FLOAT64 ? new Tensor(data(), shape, null) : new Tensor(Arena.narrow(data), shape, null);
    }

    /** {@return how the numbers are stored} */
    public DType dtype() {
        return floats != null ? DType.FLOAT32 : DType.FLOAT64;
    }

    /**
     * A constant from rows of equal length: an n × m matrix.
     *
     * @param rows the rows, copied
     * @return a new n × m constant
     */
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
        return owning(d, null, new int[] {rows.length, cols});
    }

    /**
     * A 0-dimensional constant.
     *
     * @param x the number
     * @return a new 0-dimensional constant
     */
    public static Tensor scalar(double x) {
        return owning(new double[] {x}, null, new int[0]);
    }

    /**
     * A constant of zeros.
     *
     * @param shape the dimensions
     * @return a new constant of zeros
     */
    public static Tensor zeros(int... shape) {
        return owning(new double[Shape.size(nonNegative("zeros", shape))], null, shape.clone());
    }

    /** A copy of {@code shape}, which {@code length} numbers must fill. */
    private static int[] filled(String op, int length, int[] shape) {
        if (Shape.size(nonNegative(op, shape)) != length) {
            throw new IllegalArgumentException(op + ": " + length + " numbers do not fill shape " + Arrays.toString(shape));
        }
        return shape.clone();
    }

    private static int[] nonNegative(String op, int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(op + ": shape " + Arrays.toString(shape) + " has a negative dimension");
            }
        }
        return shape;
    }

    /**
     * Marks this leaf as a parameter: backward will accumulate its gradient. Returns this.
     *
     * @return this tensor
     */
    public Tensor requireGrad() {
        if (fn != null) {
            throw new IllegalStateException("requireGrad: only a leaf can be a parameter (this is the output of "
                    + fn.name() + ")");
        }
        requiresGrad = true;
        return this;
    }

    /** {@return the same numbers, cut from the graph: nothing flows back through the result} */
    public Tensor detach() {
        live("detach");
        return new Tensor(data, floats, shape, null, arena);
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
            f.wide[i] = Arena.widen(f.in[i].floats);
        }
        double[] d = f.forward();
        float[] o = Arena.narrow(d);
        if (track) {
            for (int i = 0; i < o.length; i++) {
                d[i] = o[i];
            }
            f.out = d;
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

    /**
     * {@return a + o, broadcast, in the graph}
     *
     * @param o the other term
     */
    public Tensor add(Tensor o) {
        int[] s = Shape.broadcast("add", shape, o.shape);
        Tensor[] ab = unify("add", this, o);
        return apply(new Elementwise.Add(), s, ab[0].expand(s), ab[1].expand(s));
    }

    /**
     * {@return a · o, broadcast, in the graph}
     *
     * @param o the other factor
     */
    public Tensor mul(Tensor o) {
        int[] s = Shape.broadcast("mul", shape, o.shape);
        Tensor[] ab = unify("mul", this, o);
        return apply(new Elementwise.Mul(), s, ab[0].expand(s), ab[1].expand(s));
    }

    /** {@return −a, in the graph} */
    public Tensor neg() {
        return apply(new Elementwise.Neg(), shape, this);
    }

    /** {@return e^a elementwise, in the graph} */
    public Tensor exp() {
        return apply(new Elementwise.Exp(), shape, this);
    }

    /** {@return ln a elementwise, in the graph} */
    public Tensor log() {
        return apply(new Elementwise.Log(), shape, this);
    }

    /** {@return 1 / a, elementwise} */
    public Tensor reciprocal() {
        return apply(new Elementwise.Reciprocal(), shape, this);
    }

    /** {@return max(0, a) elementwise, in the graph; NaN stays NaN} */
    public Tensor relu() {
        return apply(new Elementwise.Relu(), shape, this);
    }

    /** {@return tanh a elementwise, in the graph} */
    public Tensor tanh() {
        return apply(new Elementwise.Tanh(), shape, this);
    }

    /**
     * The tensor engine's tanh of one number: the very double {@link #tanh()} gives for that entry (it differs
     * from {@link StrictMath#tanh} in the last bits), for code that must match this engine without a tensor.
     *
     * @param x the number
     * @return tanh x as this engine computes it
     */
    public static double tanhOf(double x) {
        return Elementwise.tanh(x);
    }

    /**
     * Sum over {@code axis} (negative counts from the end); {@code keepDim} keeps it with length 1.
     *
     * @param axis the axis summed away
     * @param keepDim whether the axis stays, with length 1
     * @return the sums, in the graph
     */
    public Tensor sum(int axis, boolean keepDim) {
        int ax = Shape.axis("sum", shape, axis);
        Tensor r = apply(new Reduce.Sum(ax), Shape.with(shape, ax, 1), this);
        return keepDim ? r : r.reshape(Shape.without(shape, ax));
    }

    /**
     * Maximum over {@code axis}; the gradient goes to the first maximal entry.
     *
     * @param axis the axis reduced
     * @param keepDim whether the axis stays, with length 1
     * @return the maxima, in the graph
     */
    public Tensor max(int axis, boolean keepDim) {
        int ax = Shape.axis("max", shape, axis);
        Tensor r = apply(new Reduce.Max(ax), Shape.with(shape, ax, 1), this);
        return keepDim ? r : r.reshape(Shape.without(shape, ax));
    }

    /**
     * The same numbers in a new shape of the same size; one dimension may be −1 (inferred).
     *
     * @param newShape the dimensions, of the same product
     * @return the reshaped tensor, in the graph
     */
    public Tensor reshape(int... newShape) {
        int[] s = Shape.infer(shape, newShape);
        return Arrays.equals(s, shape) ? this : apply(new Movement.Reshape(), s, this);
    }

    /**
     * Axes reordered: {@code permute(1, 0)} transposes a matrix.
     *
     * @param order each new axis's old index
     * @return the permuted tensor, in the graph
     */
    public Tensor permute(int... order) {
        return apply(new Movement.Permute(order.clone()), Shape.permuted(shape, order), this);
    }

    /**
     * Repeated along length-1 or missing leading axes to {@code target} (NumPy's broadcasting).
     *
     * @param target the shape to broadcast to
     * @return the expanded tensor, in the graph
     */
    public Tensor expand(int... target) {
        if (Arrays.equals(target, shape)) {
            return this;
        }
        Shape.checkExpand(shape, target);
        return apply(new Movement.Expand(), target.clone(), this);
    }

    /**
     * Matrix product of an m × k and a k × n tensor.
     *
     * @param o the right-hand k × n matrix
     * @return the m × n product, in the graph
     */
    public Tensor matmul(Tensor o) {
        if (shape.length != 2 || o.shape.length != 2 || shape[1] != o.shape[0]) {
            throw Shape.mismatch("matmul", shape, o.shape, "do not chain (need m × k and k × n)");
        }
        Tensor[] ab = unify("matmul", this, o);
        return apply(new MatMul(), new int[] {shape[0], o.shape[1]}, ab[0], ab[1]);
    }

    // ---- composites: written from the primitives, no backward of their own -------------------

    /**
     * {@return a + k, in the graph}
     *
     * @param k the constant
     */
    public Tensor add(double k) {
        return add(scalar(k));
    }

    /**
     * {@return a · k, in the graph}
     *
     * @param k the constant
     */
    public Tensor mul(double k) {
        return mul(scalar(k));
    }

    // a composite checks shapes itself, so an error names the op the caller wrote, not a primitive
    /**
     * {@return a − o = a + (−o), broadcast, in the graph}
     *
     * @param o what is taken away
     */
    public Tensor sub(Tensor o) {
        Shape.broadcast("sub", shape, o.shape);
        return add(o.neg());
    }

    /**
     * {@return a − k, in the graph}
     *
     * @param k the constant
     */
    public Tensor sub(double k) {
        return add(-k);
    }

    /**
     * {@return a / o = a · (1/o), broadcast, in the graph}
     *
     * @param o the divisor
     */
    public Tensor div(Tensor o) {
        Shape.broadcast("div", shape, o.shape);
        return mul(o.reciprocal());
    }

    /**
     * {@return a · (1/k), in the graph}
     *
     * @param k the constant divisor
     */
    public Tensor div(double k) {
        return mul(1 / k);
    }

    /** {@return a²} */
    public Tensor square() {
        return mul(this);
    }

    /** {@return 1 / (1 + e^−a), as (1 + tanh(a/2)) / 2: never overflows, exact derivative everywhere} */
    public Tensor sigmoid() {
        return mul(0.5).tanh().add(1).mul(0.5);
    }

    /**
     * Sum of every entry, a 0-dimensional tensor.
     *
     * @return the sum, in the graph
     */
    public Tensor sum() {
        return reshape(size()).sum(0, false);
    }

    /**
     * Mean of every entry.
     *
     * @return the mean, a 0-dimensional tensor in the graph
     */
    public Tensor mean() {
        return sum().mul(1.0 / size());
    }

    /**
     * {@return the mean over an axis, in the graph}
     *
     * @param axis the axis averaged away
     * @param keepDim whether the axis stays, with length 1
     */
    public Tensor mean(int axis, boolean keepDim) {
        return sum(axis, keepDim).mul(1.0 / shape[Shape.axis("mean", shape, axis)]);
    }

    /**
     * Swaps the two axes of a matrix.
     *
     * @return the n × m transpose, in the graph
     */
    public Tensor transpose() {
        if (shape.length != 2) {
            throw new IllegalArgumentException("transpose: needs a matrix, got shape " + Arrays.toString(shape));
        }
        return permute(1, 0);
    }

    /**
     * Mean squared error against {@code target} (broadcast).
     *
     * @param target the targets, broadcast to this shape
     * @return the mean of the squared differences, in the graph
     */
    public Tensor mse(Tensor target) {
        Shape.broadcast("mse", shape, target.shape);
        return sub(target).square().mean();
    }

    /**
     * log(softmax) over {@code axis}, shifted by the (detached) maximum so large logits stay finite.
     *
     * @param axis the axis the probabilities run along
     * @return the log-probabilities, in the graph
     */
    public Tensor logSoftmax(int axis) {
        Tensor z = sub(max(axis, true).detach());
        return z.sub(z.exp().sum(axis, true).log());
    }

    /**
     * {@return the softmax over an axis: e^logSoftmax, in the graph}
     *
     * @param axis the axis the probabilities run along
     */
    public Tensor softmax(int axis) {
        return logSoftmax(axis).exp();
    }

    /**
     * Mean cross-entropy of these n × k logits against class indices in [0, k).
     *
     * @param classes each row's class
     * @return the mean loss, a 0-dimensional tensor in the graph
     */
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
     * Hessian-vector product. Under {@link NoGrad} nothing is recorded; inside an {@link Arena} step, read them before it closes.
     *
     * @param output the tensor to differentiate, one element
     * @param inputs the tensors to differentiate it by
     * @param createGraph whether the gradients are graphs that can be differentiated again
     * @return one gradient per input, in order
     */
    public static java.util.List<Tensor> gradients(Tensor output, java.util.List<Tensor> inputs, boolean createGraph) {
        output.live("gradients");
        return Gradients.of(output, inputs, createGraph);
    }

    /** A clear error if the step whose {@link Arena} held this tensor's numbers has ended. */
    private void live(String op) {
        if (arena != null && arena.generation != generation) {
            throw new IllegalStateException(op + ": tensor belonged to a step whose Arena has closed (its "
                    + Arrays.toString(shape) + " numbers may be the next step's); read results before the step ends");
        }
    }

    /** Sets this tensor's gradient to zeros, keeping its buffer. */
    public void zeroGrad() {
        gradZeroed = grad != null;
    }

    /** Makes {@link #grad}'s numbers what they stand for: zeros after {@link #zeroGrad()}. */
    void settleGrad() {
        if (gradZeroed) {
            Arrays.fill(grad, 0);
            gradZeroed = false;
        }
    }

    // ---- accessors ------------------------------------------------------------------------------

    /** {@return a copy of the dimensions} */
    public int[] shape() {
        return shape.clone();
    }

    /** {@return how many numbers: the product of the dimensions} */
    public int size() {
        return data != null ? data.length : floats.length;
    }

    /** {@return a copy of the numbers, row-major (float32's widened exactly)} */
    public double[] data() {
        live("data");
        double[] d = new double[size()];
        copyData(d, 0);
        return d;
    }

    /** {@return a copy of the accumulated gradient (zeros before any backward)} */
    public double[] grad() {
        live("grad");
        settleGrad();
        return grad == null ? new double[size()] : grad.clone();
    }

    /** {@return the single number of a one-element tensor} */
    public double item() {
        if (size() != 1) {
            throw new IllegalStateException("item: needs a single number, got shape " + Arrays.toString(shape));
        }
        live("item");
        return data != null ? data[0] : floats[0];
    }

    /**
     * Copies the numbers into {@code to[at …]} (how an optimizer gathers parameters).
     *
     * @param to the array to fill
     * @param at where the first number goes
     */
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

    /**
     * Copies the gradient into {@code to[at …]} (zeros before any backward).
     *
     * @param to the array to fill
     * @param at where the first gradient goes
     */
    public void copyGrad(double[] to, int at) {
        settleGrad();
        if (grad == null) {
            java.util.Arrays.fill(to, at, at + size(), 0);
        } else {
            System.arraycopy(grad, 0, to, at, grad.length);
        }
    }

    /**
     * Replaces the numbers in place with {@code from[at …]}, as an optimizer does with a parameter
     * (a float32 tensor keeps each rounded to nearest: the optimizer's arithmetic is double).
     *
     * @param from the array holding the new numbers
     * @param at where the first one is
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
     *
     * @param waitMillis how long to wait at most, in milliseconds
     * @return the kernel's name
     */
    public static String matmulKernel(long waitMillis) {
        try {
            Kernels.awaitVector(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Kernels.describe();
    }

    /**
     * How many threads an m × k by k × n product runs on (for benchmark reports).
     *
     * @param m the left matrix's rows
     * @param n the right matrix's columns
     * @param k the shared dimension
     * @return the number of threads
     */
    public static int matmulThreads(int m, int n, int k) {
        return Kernels.threads(m, n, k);
    }

    /** {@return whether backward reaches this tensor: a parameter, or computed from one} */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    @Override
    public String toString() {
        if (arena != null && arena.generation != generation) {
            return "Tensor(shape=" + Arrays.toString(shape) + ", of a closed step)";
        }
        String numbers = size() > 12 ? "[" + size() + " numbers]"
                : data != null ? Arrays.toString(data) : Arrays.toString(floats);
        return "Tensor(shape=" + Arrays.toString(shape) + (floats != null ? ", float32" : "") + ", data=" + numbers + ")";
    }
}
