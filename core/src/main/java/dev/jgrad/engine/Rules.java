package dev.jgrad.engine;

import java.util.List;
import java.util.function.Function;

/**
 * The words {@link Backprop} says a local rule with: each op's sentence lives beside its rule in
 * {@link Primitives} and reads its numbers from the same arithmetic; here are the shared pieces.
 */
final class Rules {
    private Rules() {
    }

    /** What {@code out}'s rule is about to add, with its numbers. */
    static String explain(Value out, Function<Value, String> names) {
        return out.op.explain().apply(out, names);
    }

    static String grads(List<Value> inputs, Function<Value, String> names) {
        StringBuilder s = new StringBuilder();
        for (Value in : inputs) {
            s.append(s.length() == 0 ? "" : ", ").append(names.apply(in)).append(".grad");
        }
        return s.toString();
    }

    /** A number as a factor in a product: negative ones in brackets, so "2.0 · (-1.5)" reads right. */
    static String factor(double x) {
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
