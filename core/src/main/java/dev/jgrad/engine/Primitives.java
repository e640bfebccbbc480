package dev.jgrad.engine;

import static dev.jgrad.engine.Rules.factor;
import static dev.jgrad.engine.Rules.grads;
import static dev.jgrad.engine.Rules.number;

import java.util.Arrays;

/**
 * Every primitive of the scalar engine, one block each: the forward arithmetic, the local rule on
 * doubles that {@link Value#backward()} runs, the same rule built from {@link Value} operations for
 * {@link Value#gradients} (each line computes what the double rule above it computes, in the same order,
 * so first derivatives agree bit for bit), and the rule in words for {@link Backprop}. Everything else
 * ({@code neg sub div}) is written in {@link Value} from these.
 */
final class Primitives {
    private Primitives() {
    }

    /** {@code out = a + b}; d out/d a = 1, d out/d b = 1: addition passes the gradient on. */
    static final Op ADD = new Op("+", (a, b, m) -> a.data + b.data,
            out -> {
                out.a.grad += out.grad;
                out.b.grad += out.grad;
            },
            (out, g) -> new Value[] {g, g},
            (out, names) -> "+ passes it on: " + grads(out.inputs(), names) + " += 1 · " + names.apply(out) + ".grad = "
                    + number(out.grad));

    /** {@code out = t₁ + … + tₙ} as one node; d out/d tᵢ = 1. */
    static final Op SUM = new Op("sum", (a, b, many) -> {
        double s = 0;
        for (Value t : many) {
            s += t.data;
        }
        return s;
    }, out -> {
        for (Value t : out.many) {
            t.grad += out.grad;
        }
    }, (out, g) -> {
        Value[] shares = new Value[out.many.length];
        Arrays.fill(shares, g);
        return shares;
    }, ADD.explain());

    /** {@code out = a · b}; d out/d a = b, d out/d b = a: multiplication swaps. */
    static final Op MUL = new Op("*", (a, b, m) -> a.data * b.data,
            out -> {
                out.a.grad += out.b.data * out.grad;
                out.b.grad += out.a.data * out.grad;
            },
            (out, g) -> new Value[] {out.b.mul(g), out.a.mul(g)},
            (out, names) -> {
                String a = names.apply(out.a);
                String b = names.apply(out.b);
                String o = names.apply(out);
                return "× swaps: " + a + ".grad += " + b + " · " + o + ".grad = " + factor(out.b.data) + " · "
                        + factor(out.grad) + " = " + number(out.b.data * out.grad) + "; " + b + ".grad += " + a + " · "
                        + o + ".grad = " + factor(out.a.data) + " · " + factor(out.grad) + " = "
                        + number(out.a.data * out.grad);
            });

    /**
     * {@code out = a^b}; d out/d a = b · a^(b−1), d out/d b = a^b · ln a (the exponent learns too). At
     * a = 0 with b ≥ 0, d out/d b is taken as 0 (the limit), as PyTorch does, not 0 · −∞ = NaN.
     */
    static final Op POW = new Op("**", (a, b, m) -> StrictMath.pow(a.data, b.data),
            out -> {
                out.a.grad += powBase(out);
                out.b.grad += powExponent(out);
            },
            (out, g) -> new Value[] {
                out.b.data == 0 ? Value.of(0) : out.b.mul(out.a.pow(out.b.sub(1))).mul(g),
                powLimit(out) ? Value.of(0) : out.mul(out.a.log()).mul(g)},
            (out, names) -> {
                String a = names.apply(out.a);
                String b = names.apply(out.b);
                String o = names.apply(out);
                return "power rule: " + a + ".grad += " + b + " · " + a + "^(" + b + " − 1) · " + o + ".grad = "
                        + factor(out.b.data) + " · " + factor(out.a.data) + "^" + factor(out.b.data - 1) + " · "
                        + factor(out.grad) + " = " + number(powBase(out)) + "; the exponent learns too: " + b
                        + ".grad += " + o + " · ln " + a + " · " + o + ".grad = " + factor(out.data) + " · ln "
                        + factor(out.a.data) + " · " + factor(out.grad) + " = " + number(powExponent(out));
            });

    private static double powBase(Value out) {
        return out.b.data == 0 ? 0 : out.b.data * StrictMath.pow(out.a.data, out.b.data - 1) * out.grad;
    }

    private static double powExponent(Value out) {
        return powLimit(out) ? 0 : out.data * StrictMath.log(out.a.data) * out.grad;
    }

    private static boolean powLimit(Value out) {
        return out.a.data == 0 && out.b.data >= 0;
    }

    static final Op SQUARE = power(2);

    /** {@code out = a^k} for a constant k; d out/d a = k · a^(k−1) (0 for k = 0, even at a = 0). */
    static Op power(double k) {
        return new Op("**" + Op.number(k), (a, b, m) -> StrictMath.pow(a.data, k),
                out -> out.a.grad += powerSlope(out, k),
                (out, g) -> new Value[] {k == 0 ? Value.of(0) : out.a.pow(k - 1).mul(k).mul(g)},
                (out, names) -> {
                    String a = names.apply(out.a);
                    String pow = k == 2 ? "" : "^" + factor(k - 1);
                    return "power rule: " + a + ".grad += " + number(k) + " · " + a + pow + " · " + names.apply(out)
                            + ".grad = " + number(k) + " · " + factor(out.a.data) + pow + " · " + factor(out.grad)
                            + " = " + number(powerSlope(out, k));
                });
    }

    private static double powerSlope(Value out, double k) {
        return k == 0 ? 0 : k * StrictMath.pow(out.a.data, k - 1) * out.grad;
    }

    /** {@code out = e^a}; d out/d a = e^a = out. */
    static final Op EXP = new Op("exp", (a, b, m) -> StrictMath.exp(a.data),
            out -> out.a.grad += out.data * out.grad,
            (out, g) -> new Value[] {out.mul(g)},
            (out, names) -> "exp is its own slope: " + names.apply(out.a) + ".grad += " + names.apply(out) + " · "
                    + names.apply(out) + ".grad = " + factor(out.data) + " · " + factor(out.grad) + " = "
                    + number(out.data * out.grad));

    /** {@code out = ln a}; d out/d a = 1/a, as a^−1 · g (the graph's division is a power). */
    static final Op LOG = new Op("log", (a, b, m) -> StrictMath.log(a.data),
            out -> out.a.grad += out.grad * (1 / out.a.data),
            (out, g) -> new Value[] {g.mul(out.a.pow(-1))},
            (out, names) -> "log: " + names.apply(out.a) + ".grad += " + names.apply(out) + ".grad / "
                    + names.apply(out.a) + " = " + factor(out.grad) + " / " + factor(out.a.data) + " = "
                    + number(out.grad * (1 / out.a.data)));

    /** {@code out = tanh a}; d out/d a = 1 − out². */
    static final Op TANH = new Op("tanh", (a, b, m) -> Value.tanh(a.data),
            out -> out.a.grad += (1 - out.data * out.data) * out.grad,
            (out, g) -> new Value[] {Value.of(1).sub(out.mul(out)).mul(g)},
            (out, names) -> "tanh: " + names.apply(out.a) + ".grad += (1 − " + names.apply(out) + "²) · "
                    + names.apply(out) + ".grad = (1 − " + factor(out.data) + "²) · " + factor(out.grad) + " = "
                    + number((1 - out.data * out.data) * out.grad));

    /** {@code out = max(0, a)}; d out/d a = 1 where a > 0, else 0 (0 at the kink, as PyTorch); NaN stays NaN. */
    static final Op RELU = new Op("relu", (a, b, m) -> Math.max(a.data, 0),
            out -> out.a.grad += (out.a.data > 0 ? out.grad : 0),
            (out, g) -> new Value[] {out.a.data > 0 ? g : Value.of(0)},
            (out, names) -> {
                String a = names.apply(out.a);
                return out.a.data > 0
                        ? "relu lets it through (" + a + " > 0): " + a + ".grad += 1 · " + names.apply(out) + ".grad = "
                                + number(out.grad)
                        : "relu blocks it (" + a + " ≤ 0): " + a + ".grad += 0 · " + names.apply(out) + ".grad = 0.0";
            });

    /**
     * {@code out = 1 / (1 + e^−a)} ({@link Value#sigmoid(double)}); d out/d a = out · (1 − out).
     */
    static final Op SIGMOID = new Op("sigmoid", (a, b, m) -> Value.sigmoid(a.data),
            out -> out.a.grad += out.data * (1 - out.data) * out.grad,
            (out, g) -> new Value[] {out.mul(Value.of(1).sub(out)).mul(g)},
            (out, names) -> "sigmoid: " + names.apply(out.a) + ".grad += " + names.apply(out) + " · (1 − "
                    + names.apply(out) + ") · " + names.apply(out) + ".grad = " + factor(out.data) + " · (1 − "
                    + factor(out.data) + ") · " + factor(out.grad) + " = "
                    + number(out.data * (1 - out.data) * out.grad));
}
