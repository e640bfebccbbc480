package dev.jgrad.web;

import dev.jgrad.engine.Value;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each node of a typed expression's graph is called, in the post's style: a variable by its name, a
 * constant by its number, an inner node by its own small formula ({@code x1·w1}, {@code tanh(n)}) while that
 * stays short, else by its id (drawn in its box). Ids: a variable's name, else {@code v} and the node's position
 * in topological order (more v's in front should a variable be called like that), so every id in the SVG is unique.
 */
final class ExpressionNames implements GraphSvg.Names {
    /** Longer formulas than this make the boxes too wide to read: such a node goes by its id. */
    private static final int LONGEST_LABEL = 14;

    private final Map<Value, String> ids = new IdentityHashMap<>();
    private final Map<Value, String> labels = new IdentityHashMap<>();
    private final Map<Value, GraphSvg.Kind> kinds = new IdentityHashMap<>();

    ExpressionNames(Value root, List<Value> order, Set<String> variables) {
        String prefix = "v";
        while (clashes(prefix, variables)) {
            prefix += "v";
        }
        for (int k = 0; k < order.size(); k++) {
            Value v = order.get(k);
            boolean variable = v.op().isEmpty() && variables.contains(v.label());
            String id = variable ? v.label() : prefix + k;
            ids.put(v, id);
            // a node whose formula is too long shows its id, so "tanh(v8)" names a box the learner can see
            String formula = v.op().isEmpty() ? "" : formula(v);
            String inner = formula.isEmpty() ? id : formula;
            labels.put(v, variable ? v.label() : v.op().isEmpty() ? Digits.plain(v.data()) : inner);
            kinds.put(v, v == root ? GraphSvg.Kind.OUTPUT : !variable ? GraphSvg.Kind.PLAIN
                    : v.label().startsWith("x") ? GraphSvg.Kind.INPUT : GraphSvg.Kind.PARAMETER);
        }
    }

    private static boolean clashes(String prefix, Set<String> variables) {
        for (String name : variables) {
            boolean digits = name.startsWith(prefix) && name.length() > prefix.length();
            for (int i = prefix.length(); digits && i < name.length(); i++) {
                digits = Character.isDigit(name.charAt(i));
            }
            if (digits) {
                return true;
            }
        }
        return false;
    }

    /** The node's formula over its inputs' names, or "" when that is too long to be a label. */
    private String formula(Value v) {
        String f = formula(v, plainNames(v.inputs()));
        return f.length() <= LONGEST_LABEL ? f : "";
    }

    private String[] plainNames(List<Value> inputs) {
        String[] names = new String[inputs.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = plain(inputs.get(i));
        }
        return names;
    }

    /** The op applied to {@code in}, as the post writes it: a·b, a + b, a^2, tanh(a). */
    static String formula(Value v, String[] in) {
        String op = v.op();
        switch (op) {
            case "*":
                return in[0] + "·" + in[1];
            case "+":
            case "sum":
                return String.join(" + ", in);
            case "**":
                return in[0] + "^" + in[1];
            default:
                return op.startsWith("**") ? in[0] + "^" + op.substring(2) : op + "(" + in[0] + ")";
        }
    }

    @Override
    public String id(Value v) {
        return ids.get(v);
    }

    @Override
    public String label(Value v) {
        return labels.get(v);
    }

    @Override
    public GraphSvg.Kind kind(Value v) {
        return kinds.get(v);
    }


    /**
     * How the rules name a node: {@link #plain}, in brackets when it is a formula with an operator, so that
     * "(a·b).grad" cannot be read as a · (b.grad).
     */
    String spoken(Value v) {
        String name = plain(v);
        boolean formula = !v.op().isEmpty() && !name.equals(ids.get(v));
        return formula && (name.contains("·") || name.contains("+") || name.contains("^")) ? "(" + name + ")" : name;
    }

    /**
     * The forward rule with its numbers, as the node's value appears:
     * {@code x1·w1 = x1 · w1 = 2.0000 · -3.0000 = -6.0000}.
     */
    String forwardRule(Value v) {
        List<Value> inputs = v.inputs();
        String[] numbers = new String[inputs.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = Digits.fixed(inputs.get(i).data());
        }
        String symbolic = formula(v, plainNames(inputs)).replace("·", " · ");
        return plain(v) + " = " + (symbolic.equals(plain(v)) ? "" : symbolic + " = ")
                + formula(v, numbers).replace("·", " · ") + " = " + Digits.fixed(v.data());
    }
}
