package dev.jgrad.engine;

import java.util.function.Consumer;

/**
 * An operation's name and its local backward rule. The rule receives the output node and adds
 * {@code local derivative × out.grad} into each of its inputs. One instance serves every node the
 * operation makes, so the rule must read everything it needs from the node.
 */
record Op(String name, Consumer<Value> rule) {
    /** What leaves (and results made under a no-grad scope) carry: no name, nothing to propagate. */
    static final Op LEAF = new Op("", out -> { });

    /** {@code 2.0 → "2"}, {@code 0.5 → "0.5"}: how a constant exponent reads in an op name. */
    static String number(double k) {
        return k == Math.rint(k) && Math.abs(k) < 1e15 ? Long.toString((long) k) : Double.toString(k);
    }
}
