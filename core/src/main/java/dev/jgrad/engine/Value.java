package dev.jgrad.engine;

import java.util.Arrays;
import java.util.List;

/**
 * A scalar in a computational graph: its {@link #data()}, the gradient {@link #grad()} that
 * {@link #backward()} accumulates into it, and the inputs and operation that produced it.
 * {@link #gradients} gives gradients as graphs instead, which can be differentiated again.
 *
 * <p>Each operation makes its output node and gives it a local rule that adds
 * {@code local derivative × out.grad} into every input ({@code +=}, because a node that feeds
 * several others receives a share from each). {@link #backward()} runs those rules from the output
 * back to the leaves, in reverse {@linkplain #topologicalOrder() topological order}.
 *
 * <p>The rules are stateless lambdas stored once per operation ({@link Op}; every op's forward, both
 * rules and its explanation sit together in {@link Primitives}), not one closure per
 * node: a node then costs 56 bytes instead of about 100, which is what lets a million-node graph
 * fit comfortably. Equality is identity: two nodes with the same data are still two nodes.
 * Not thread-safe: build and differentiate one graph on one thread. {@code exp log tanh pow} are
 * {@link StrictMath}'s, the same bits on every JVM ({@link Math}'s may differ by an ulp by CPU).
 */
public final class Value {
    private static final Value[] NO_INPUTS = {};

    double data;
    double grad;
    private String label;
    final Op op;
    // Inputs: a and b for unary and binary ops (no array, which would cost 24 bytes a node);
    // many for the n-ary sum.
    final Value a;
    final Value b;
    final Value[] many;
    /** Walk state for {@link Graph#order}: 0 unseen, 1 inputs pending, 2 placed. Always 0 at rest. */
    byte mark;
    /** Made by an op under a no-grad scope: it kept no inputs, so {@link #backward()} would reach nothing. */
    private final boolean unrecorded;

    private Value(double data, String label, Op op, Value a, Value b, Value[] many) {
        this.data = data;
        this.label = label;
        // Under a no-grad scope a result is a plain constant: no inputs, no rule, like a leaf.
        boolean record = op != Op.LEAF && GradMode.recording();
        this.op = record ? op : Op.LEAF;
        this.a = record ? a : null;
        this.b = record ? b : null;
        this.many = record ? many : null;
        this.unrecorded = op != Op.LEAF && !record;
        if (op != Op.LEAF && GradMode.anomalyScope()) {
            GradMode.checkForward(this, op, a, b, many);
        }
    }

    private Value(double data, Op op, Value a, Value b) {
        this(data, null, op, a, b, null);
    }

    /**
     * A leaf holding {@code data}, with no label.
     *
     * @param data the number it holds
     * @return a new leaf, grad 0
     */
    public static Value of(double data) {
        return new Value(data, null, Op.LEAF, null, null, null);
    }

    /**
     * A leaf holding {@code data}, labelled for pictures and error messages.
     *
     * @param data the number it holds
     * @param label its name, or null for none
     * @return a new leaf, grad 0
     */
    public static Value of(double data, String label) {
        return new Value(data, label, Op.LEAF, null, null, null);
    }

    // ---- primitives: the forward and both local rules of each are in Primitives ---------------

    private static Value make(Op op, Value a, Value b) {
        return new Value(op.eval().apply(a, b, null), op, a, b);
    }

    /**
     * {@code out = a + b}; d out/d a = 1, d out/d b = 1: addition passes the gradient on.
     *
     * @param b the other term
     * @return out, a new node (a constant under {@link NoGrad})
     */
    public Value add(Value b) {
        return make(Primitives.ADD, this, b);
    }

    /**
     * {@code out = a · b}; d out/d a = b, d out/d b = a: multiplication swaps.
     *
     * @param b the other factor
     * @return out, a new node (a constant under {@link NoGrad})
     */
    public Value mul(Value b) {
        return make(Primitives.MUL, this, b);
    }

    /**
     * {@code out = a^k} for a constant k; d out/d a = k · a^(k−1).
     *
     * @param k the exponent, a constant
     * @return out, a new node (a constant under {@link NoGrad})
     */
    public Value pow(double k) {
        return make(k == 2 ? Primitives.SQUARE : Primitives.power(k), this, null);
    }

    /**
     * {@code out = a^b}; d out/d a = b · a^(b−1), d out/d b = a^b · ln a (the exponent learns too).
     * At a = 0 with b ≥ 0, d out/d b is taken as 0 (the limit), as PyTorch does, not 0 · −∞ = NaN.
     *
     * @param exponent b, a node that gets a gradient too
     * @return out, a new node (a constant under {@link NoGrad})
     */
    public Value pow(Value exponent) {
        return make(Primitives.POW, this, exponent);
    }

    /** {@return {@code out = e^a}; d out/d a = e^a = out} */
    public Value exp() {
        return make(Primitives.EXP, this, null);
    }

    /** {@return {@code out = ln a}; d out/d a = 1/a} As in PyTorch, log(0) = −∞ and log(−1) = NaN. */
    public Value log() {
        return make(Primitives.LOG, this, null);
    }

    /** {@return {@code out = tanh a}; d out/d a = 1 − out²} Saturates to exactly ±1 for large |a|. */
    public Value tanh() {
        return make(Primitives.TANH, this, null);
    }

    /**
     * {@code out = max(0, a)}; d out/d a = 1 where a > 0, else 0 (0 at the kink, as PyTorch). NaN
     * stays NaN, as in PyTorch and the tensor engine, so a broken input is never silently 0.
     *
     * @return out, a new node (a constant under {@link NoGrad})
     */
    public Value relu() {
        return make(Primitives.RELU, this, null);
    }

    /** {@return {@code out = 1 / (1 + e^−a)}; d out/d a = out · (1 − out)} Reaches exactly 0 and 1 without ∞/∞. */
    public Value sigmoid() {
        return make(Primitives.SIGMOID, this, null);
    }

    /**
     * The number {@link #sigmoid()} computes, for code that has no graph (activations on plain arrays,
     * a loss's probabilities): with e = e^−|x|, 1 / (1 + e) for x ≥ 0 and e / (1 + e) below, so e^x is
     * never taken of a positive x and the result reaches exactly 0 and 1.
     *
     * @param x any double; NaN gives NaN
     * @return 1 / (1 + e^−x), in [0, 1]
     */
    public static double sigmoid(double x) {
        double e = StrictMath.exp(-Math.abs(x));
        return x >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    /**
     * The number {@link #tanh()} computes, for code that has no graph: {@link StrictMath#tanh}, with ±1 said
     * outright where |x| ≥ 22, as fdlibm's own tanh says it. The same bits on the JVM; in the page, TeaVM
     * computes tanh from e^x, which overflows to ∞/∞ = NaN beyond |x| ≈ 710, so the guard keeps tanh(800) at 1.
     *
     * @param x any double; NaN gives NaN
     * @return tanh x, in [−1, 1]
     */
    public static double tanh(double x) {
        return Math.abs(x) >= 22 ? Math.copySign(1.0, x) : StrictMath.tanh(x);
    }

    /**
     * {@code out = t₁ + t₂ + … + tₙ} as one node; d out/d tᵢ = 1. One node instead of n − 1 keeps a
     * neuron's Σ wᵢxᵢ + b a single box in pictures and costs one node of memory.
     *
     * @param terms the terms, at least one
     * @return out, one new node over all the terms
     */
    public static Value sum(List<Value> terms) {
        Value[] in = terms.toArray(NO_INPUTS);
        return new Value(Primitives.SUM.eval().apply(null, null, in), null, Primitives.SUM, null, null, in);
    }

    // ---- derived: written from the primitives, so they need no rule of their own -----------

    /**
     * {@code a + k}: the constant becomes a leaf, as in micrograd.
     *
     * @param k the constant
     * @return out, a new node (a constant under {@link NoGrad})
     */
    public Value add(double k) {
        return add(of(k));
    }

    /**
     * {@code a · k}.
     *
     * @param k the constant
     * @return out, a new node (a constant under {@link NoGrad})
     */
    public Value mul(double k) {
        return mul(of(k));
    }

    /** {@return {@code −a = a · (−1)}} */
    public Value neg() {
        return mul(-1);
    }

    /**
     * {@code a − b = a + (−b)}.
     *
     * @param b what is taken away
     * @return out, a new node (a constant under {@link NoGrad})
     */
    public Value sub(Value b) {
        return add(b.neg());
    }

    /**
     * {@code a − k}.
     *
     * @param k the constant
     * @return out, a new node (a constant under {@link NoGrad})
     */
    public Value sub(double k) {
        return add(-k);
    }

    /**
     * {@code a / b = a · b^−1}.
     *
     * @param b the divisor
     * @return out, a new node (a constant under {@link NoGrad})
     */
    public Value div(Value b) {
        return mul(b.pow(-1));
    }

    /**
     * {@code a / k}.
     *
     * @param k the constant divisor
     * @return out, a new node (a constant under {@link NoGrad})
     */
    public Value div(double k) {
        return mul(1 / k);
    }

    // ---- backward -----------------------------------------------------------------------------

    /**
     * Sets this node's gradient to 1 and runs every local rule from here back to the leaves,
     * each adding into its inputs. Gradients accumulate, as in micrograd: a second call without
     * {@link #zeroGrad()} sets this node's gradient to 1 again (it does not add to it) and then adds
     * every rule's contribution once more onto what the inputs hold, intermediate nodes included —
     * so in a chain of a million additions the leaf ends with 1 + 1,000,000, exactly as micrograd's
     * does. Works on graphs of any depth; no recursion.
     */
    public void backward() {
        if (unrecorded) {
            throw new IllegalStateException("backward() of a value computed under NoGrad: no graph was recorded, so no "
                    + "gradient can reach its inputs; compute it outside the NoGrad scope");
        }
        Graph.Walk walk = Graph.walk(this, false);
        Value[] order = walk.nodes();
        grad = 1;
        boolean anomaly = GradMode.anomalyScope();
        for (int i = walk.size() - 1; i >= 0; i--) {
            Value node = order[i];
            node.op.rule().accept(node);
            if (anomaly) {
                GradMode.checkBackward(node);
            }
        }
    }

    /**
     * The gradient of {@code output} with respect to each of {@code inputs}, in order, as
     * {@code torch.autograd.grad} gives it: an input the output does not depend on gets a constant 0, and
     * no node's {@link #grad()} is touched. With {@code createGraph} each local rule is computed with
     * Value operations, so every gradient is a graph over the same leaves and can be differentiated again,
     * to any order (Newton's method, Hessian-vector products); without it the gradients are constants with
     * exactly the numbers {@link #backward()} computes. Under {@link NoGrad} nothing is recorded either way.
     *
     * @param output the value to differentiate
     * @param inputs the values to differentiate it by
     * @param createGraph whether the gradients are graphs that can be differentiated again
     * @return one gradient per input, in order
     */
    public static List<Value> gradients(Value output, List<Value> inputs, boolean createGraph) {
        return Gradients.of(output, inputs, createGraph);
    }

    /** {@return every node this one depends on, itself last, each after all of its inputs} Deterministic. */
    public List<Value> topologicalOrder() {
        return Arrays.asList(Graph.order(this));
    }

    // ---- accessors ------------------------------------------------------------------------------

    /** {@return the number this node holds} */
    public double data() {
        return data;
    }

    /** {@return d root/d this node, as the last {@link #backward()} through it accumulated it; 0 before} */
    public double grad() {
        return grad;
    }

    /** {@return the label given at creation or by {@link #named}, or {@code ""}} */
    public String label() {
        return label == null ? "" : label;
    }

    /**
     * Labels this node (for pictures and error messages) and returns it.
     *
     * @param label the name, shown by pictures and {@link #toString()}
     * @return this node
     */
    public Value named(String label) {
        this.label = label;
        return this;
    }

    /**
     * The operation that made this node ({@code "+"}, {@code "*"}, {@code "tanh"}, {@code "**2"}…), or {@code ""} for a leaf.
     *
     * @return the op's symbol or name
     */
    public String op() {
        return op.name();
    }

    /** {@return the inputs in argument order, repeats kept: {@code a.mul(a)} has inputs [a, a]} */
    public List<Value> inputs() {
        if (many != null) {
            return List.of(many);
        }
        if (a == null) {
            return List.of();
        }
        return b == null ? List.of(a) : List.of(a, b);
    }

    /**
     * Replaces the data, as an optimizer does with a parameter.
     *
     * @param data the new number; the graph after it is not recomputed ({@link Forward#pass} does that)
     */
    public void setData(double data) {
        this.data = data;
    }

    /** Sets this node's gradient to 0 (only this node: a module zeroes its parameters). */
    public void zeroGrad() {
        grad = 0;
    }

    /** micrograd's {@code Value(data=…, grad=…)}, with the label first when there is one: {@code Value(c, data=2.0, grad=1.0)}. */
    @Override
    public String toString() {
        return "Value(" + (label == null || label.isEmpty() ? "" : label + ", ") + "data=" + data + ", grad=" + grad + ")";
    }
}
