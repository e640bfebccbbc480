package dev.jgrad.engine;

import java.util.List;
import java.util.function.Function;

/**
 * Each op's local rule in words, with the numbers it is about to add: what {@link Backprop} shows. The
 * numbers repeat the op's derivative from {@link Value}; the gradients themselves always come from the
 * op's own rule, so a slip here could only mislabel, never change, a gradient.
 */
final class Rules {
    private Rules() {
    }

    static String explain(Value out, Function<Value, String> names) {
        String o = names.apply(out);
        double g = out.grad;
        String op = out.op.name();
        if (op.equals("+") || op.equals("sum")) {
            return "+ passes it on: " + grads(out.inputs(), names) + " += 1 · " + o + ".grad = " + number(g);
        }
        if (op.equals("*")) {
            String a = names.apply(out.a);
            String b = names.apply(out.b);
            return "× swaps: " + a + ".grad += " + b + " · " + o + ".grad = " + factor(out.b.data) + " · " + factor(g)
                    + " = " + number(out.b.data * g) + "; " + b + ".grad += " + a + " · " + o + ".grad = "
                    + factor(out.a.data) + " · " + factor(g) + " = " + number(out.a.data * g);
        }
        if (op.equals("**")) {
            String a = names.apply(out.a);
            String b = names.apply(out.b);
            double k = out.b.data;
            double da = k == 0 ? 0 : k * StrictMath.pow(out.a.data, k - 1) * g;
            boolean limit = out.a.data == 0 && k >= 0;
            double db = limit ? 0 : out.data * StrictMath.log(out.a.data) * g;
            return "power rule: " + a + ".grad += " + b + " · " + a + "^(" + b + " − 1) · " + o + ".grad = "
                    + factor(k) + " · " + factor(out.a.data) + "^" + factor(k - 1) + " · " + factor(g) + " = " + number(da)
                    + "; the exponent learns too: " + b + ".grad += " + o + " · ln " + a + " · " + o + ".grad = "
                    + factor(out.data) + " · ln " + factor(out.a.data) + " · " + factor(g) + " = " + number(db);
        }
        if (op.startsWith("**")) {
            String a = names.apply(out.a);
            double k = Double.parseDouble(op.substring(2));
            double da = k == 0 ? 0 : k * StrictMath.pow(out.a.data, k - 1) * g;
            return "power rule: " + a + ".grad += " + number(k) + " · " + a + (k == 2 ? "" : "^" + factor(k - 1)) + " · " + o
                    + ".grad = " + number(k) + " · " + factor(out.a.data) + (k == 2 ? "" : "^" + factor(k - 1)) + " · "
                    + factor(g) + " = " + number(da);
        }
        String a = out.a == null ? "" : names.apply(out.a);
        double x = out.a == null ? 0 : out.a.data;
        switch (op) {
            case "tanh":
                return "tanh: " + a + ".grad += (1 − " + o + "²) · " + o + ".grad = (1 − " + factor(out.data) + "²) · "
                        + factor(g) + " = " + number((1 - out.data * out.data) * g);
            case "exp":
                return "exp is its own slope: " + a + ".grad += " + o + " · " + o + ".grad = " + factor(out.data) + " · "
                        + factor(g) + " = " + number(out.data * g);
            case "log":
                return "log: " + a + ".grad += " + o + ".grad / " + a + " = " + factor(g) + " / " + factor(x) + " = "
                        + number(g / x);
            case "relu":
                return x > 0
                        ? "relu lets it through (" + a + " > 0): " + a + ".grad += 1 · " + o + ".grad = " + number(g)
                        : "relu blocks it (" + a + " ≤ 0): " + a + ".grad += 0 · " + o + ".grad = 0.0";
            case "sigmoid":
                return "sigmoid: " + a + ".grad += " + o + " · (1 − " + o + ") · " + o + ".grad = " + factor(out.data)
                        + " · (1 − " + factor(out.data) + ") · " + factor(g) + " = " + number(out.data * (1 - out.data) * g);
            default:
                return op + ": its local rule adds into " + grads(out.inputs(), names);
        }
    }

    private static String grads(List<Value> inputs, Function<Value, String> names) {
        StringBuilder s = new StringBuilder();
        for (Value in : inputs) {
            s.append(s.length() == 0 ? "" : ", ").append(names.apply(in)).append(".grad");
        }
        return s.toString();
    }

    /** A number as a factor in a product: negative ones in brackets, so "2.0 · (-1.5)" reads right. */
    private static String factor(double x) {
        String s = number(x);
        return s.startsWith("-") ? "(" + s + ")" : s;
    }

    /** At most four decimals, at least one: 4.0, 0.5, 0.7071; far from 1, Java's own notation. */
    static String number(double x) {
        double a = Math.abs(x);
        if (!Double.isFinite(x) || a >= 1e9 || (a != 0 && a < 5e-5)) {
            return Double.toString(x);
        }
        long scaled = Math.round(a * 10000);
        StringBuilder frac = new StringBuilder(Long.toString(scaled % 10000));
        while (frac.length() < 4) {
            frac.insert(0, '0');
        }
        while (frac.length() > 1 && frac.charAt(frac.length() - 1) == '0') {
            frac.setLength(frac.length() - 1);
        }
        return (x < 0 && scaled != 0 ? "-" : "") + (scaled / 10000) + "." + frac;
    }
}
