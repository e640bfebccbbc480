package dev.jgrad.engine;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An operation, everything about it in one record (the instances live in {@link Primitives}, one block
 * each): its name, its forward arithmetic, its local derivative twice side by side, and that derivative
 * in words. The two derivatives are the same arithmetic in the same order, so they agree bit for bit:
 * {@link #rule} on doubles, which {@link Value#backward()} runs, adds {@code local derivative × out.grad}
 * into each input's {@code grad}; {@link #chain} builds that product out of {@link Value} operations for
 * {@link Value#gradients}, so a gradient is a graph that can be differentiated again. One instance serves
 * every node the operation makes, so each part reads everything it needs from the node.
 */
record Op(String name, Eval eval, Consumer<Value> rule, Chain chain, Explain explain) {
    /** What leaves (and results made under a no-grad scope) carry: no name, nothing to propagate. */
    static final Op LEAF = new Op("", (a, b, many) -> {
        throw new IllegalStateException("a leaf has no forward rule");
    }, out -> { }, (out, g) -> new Value[0], (out, names) -> "");

    /** The forward arithmetic from the inputs' data: {@code a} and {@code b}, or {@code many} for a sum. */
    interface Eval {
        double apply(Value a, Value b, Value[] many);
    }

    /**
     * The local rule as a graph: given the output node and its gradient {@code g}, each input's share
     * {@code local derivative × g}, in the order of {@link Value#inputs()}.
     */
    interface Chain {
        Value[] apply(Value out, Value g);
    }

    /** The rule in words with the numbers it is about to add, each node called by {@code names}. */
    interface Explain {
        String apply(Value out, Function<Value, String> names);
    }

    /** {@code 2.0 → "2"}, {@code 0.5 → "0.5"}: how a constant exponent reads in an op name. */
    static String number(double k) {
        return k == Math.rint(k) && Math.abs(k) < 1e15 ? Long.toString((long) k) : Double.toString(k);
    }
}
