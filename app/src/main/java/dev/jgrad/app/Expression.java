package dev.jgrad.app;

import dev.jgrad.engine.Value;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An arithmetic expression over named variables, parsed once and built into a {@link Value} graph
 * on demand: {@code tanh(x1*w1 + x2*w2 + b)}.
 *
 * <p>Grammar, loosest first: {@code + -}, then {@code * /}, then unary {@code -}, then {@code **}
 * (or {@code ^}; right-associative and binding tighter than a leading minus, so {@code -x**2} is
 * {@code -(x**2)} as in Python), then numbers ({@code 2}, {@code 0.5}, {@code 1e-3}), variables,
 * parentheses and the functions {@code tanh exp log relu sigmoid}. Each operator builds the engine's
 * own op, so the graph is the one the engine differentiates: {@code a - b} is {@code a + b·(−1)},
 * {@code a / b} is {@code a · b^−1}.
 */
public final class Expression {
    /** The functions an expression may call. */
    public static final List<String> FUNCTIONS = List.of("tanh", "exp", "log", "relu", "sigmoid");

    /** A parsed piece of the expression. */
    sealed interface Node permits Number, Variable, Unary, Binary {
    }

    record Number(double value) implements Node {
    }

    record Variable(String name) implements Node {
    }

    record Unary(String op, Node operand) implements Node {
        Value apply(Value x) {
            return switch (op) {
                case "-" -> x.neg();
                case "tanh" -> x.tanh();
                case "exp" -> x.exp();
                case "log" -> x.log();
                case "relu" -> x.relu();
                case "sigmoid" -> x.sigmoid();
                default -> throw new IllegalStateException("unknown unary op " + op);
            };
        }
    }

    record Binary(char op, Node left, Node right) implements Node {
        /** A constant exponent is one node ("**2"), so its right side is no leaf of the graph. */
        boolean constantPower() {
            return op == '^' && right instanceof Number;
        }

        Value apply(Value a, Value b) {
            if (constantPower()) {
                return a.pow(((Number) right).value());
            }
            return switch (op) {
                case '+' -> a.add(b);
                case '-' -> a.sub(b);
                case '*' -> a.mul(b);
                case '/' -> a.div(b);
                case '^' -> a.pow(b);
                default -> throw new IllegalStateException("unknown binary op " + op);
            };
        }
    }

    /** A node whose operands are done: combine them (a marker on the work stack of {@link #build}). */
    private record Combine(Node node) {
    }

    private final String text;
    private final Node root;
    private final List<String> variables;

    private Expression(String text, Node root) {
        this.text = text;
        this.root = root;
        Set<String> names = new LinkedHashSet<>();
        Deque<Node> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            // Depth first, left before right, without recursion: x + x + … may be any length.
            Node node = todo.pop();
            if (node instanceof Variable v) {
                names.add(v.name());
            } else if (node instanceof Unary u) {
                todo.push(u.operand());
            } else if (node instanceof Binary b) {
                todo.push(b.right());
                todo.push(b.left());
            }
        }
        this.variables = List.copyOf(names);
    }

    /**
     * Parses {@code text}.
     *
     * @throws ExpressionException naming the column of the first syntax error
     */
    public static Expression parse(String text) {
        return new Expression(text, new ExpressionParser(text).parse());
    }

    /** The variables in order of first appearance. */
    public List<String> variables() {
        return variables;
    }

    /**
     * Builds the graph with the given values: one leaf per variable, labelled with its name and
     * shared by every use (so {@code x*x} sends two gradient shares to the one {@code x}).
     *
     * @throws ExpressionException naming a variable that has no value
     */
    public Value evaluate(Map<String, Double> values) {
        Map<String, Value> leaves = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : variables) {
            Double v = values.get(name);
            if (v == null) {
                missing.add(name);
            } else {
                leaves.put(name, Value.of(v, name));
            }
        }
        if (!missing.isEmpty()) {
            throw new ExpressionException((missing.size() == 1 ? "variable " : "variables ")
                    + String.join(", ", missing) + (missing.size() == 1 ? " has" : " have")
                    + " no value (give " + (missing.size() == 1 ? "it" : "them") + " one, e.g. "
                    + missing.get(0) + "=1)", 0);
        }
        return build(root, leaves);
    }

    /**
     * The graph of {@code root}, built in post-order with an explicit stack (operands left to right,
     * as a recursive walk would), so a flat chain of any length never overflows the call stack.
     */
    private static Value build(Node root, Map<String, Value> leaves) {
        Deque<Object> work = new ArrayDeque<>();
        Deque<Value> done = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            Object item = work.pop();
            if (item instanceof Combine c) {
                if (c.node() instanceof Unary u) {
                    done.push(u.apply(done.pop()));
                } else {
                    Binary b = (Binary) c.node();
                    Value right = b.constantPower() ? null : done.pop();
                    done.push(b.apply(done.pop(), right));
                }
                continue;
            }
            if (item instanceof Number n) {
                done.push(Value.of(n.value()));
            } else if (item instanceof Variable v) {
                done.push(leaves.get(v.name()));
            } else if (item instanceof Unary u) {
                work.push(new Combine(u));
                work.push(u.operand());
            } else if (item instanceof Binary b) {
                work.push(new Combine(b));
                if (!b.constantPower()) {
                    work.push(b.right());
                }
                work.push(b.left());
            }
        }
        return done.pop();
    }

    /** The leaves {@link #evaluate} made for the variables, found by name in {@code graph}. */
    public static Map<String, Value> leaves(Value graph) {
        Map<String, Value> found = new LinkedHashMap<>();
        for (Value v : graph.topologicalOrder()) {
            if (v.op().isEmpty() && !v.label().isEmpty()) {
                found.putIfAbsent(v.label(), v);
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return text;
    }
}
