package dev.jgrad.cli;

import dev.jgrad.app.Expression;
import dev.jgrad.engine.Value;
import dev.jgrad.io.Decimal;
import dev.jgrad.viz.Dot;
import dev.jgrad.viz.Graphviz;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jgrad graph}: the computational graph of an expression typed on the command line. */
@Command(name = "graph",
        description = {"Draw the computational graph of an expression, micrograd style: every value with its data "
                + "and gradient.",
            "Operators: + - * / ** (or ^), unary minus, parentheses; functions: tanh exp log relu sigmoid."},
        // Each line short enough not to wrap, so the example can be copied as it stands.
        footer = {"", "Example:",
            "  jgrad graph \"tanh(x1*w1 + x2*w2 + b)\" --backward --out n.svg \\",
            "      --set x1=2,w1=-3,x2=0,w2=1,b=6.88",
            "  jgrad graph \"tanh(x)\" --set x=1 --order 3    (the third derivative's graph)",
            "An expression may start with a minus (\"-a**2\"). One that could be read",
            "as an option goes last, after --: jgrad graph --set o=1 -- \"-o*2\""},
        sortOptions = false)
final class GraphCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "EXPRESSION", description = "The expression, quoted, e.g. \"a*b + c\".")
    String expression;

    @Option(names = "--set", split = ",", paramLabel = "NAME=VALUE",
            description = "The variables' values, e.g. --set x1=2,w1=-3 (every variable needs one).")
    List<String> assignments = new ArrayList<>();

    @Option(names = "--backward", description = "Run backward from the output first, so every box shows its gradient.")
    boolean backward;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Write the picture here: .svg or .png (needs Graphviz) or .dot. Without it (or with -) the DOT text goes to standard output.")
    Path out;

    @Option(names = "--top-to-bottom", description = "Draw top to bottom instead of left to right.")
    boolean topToBottom;

    @Option(names = "--params", split = ",", paramLabel = "NAME",
            description = "Variables drawn as parameters (blue); the others are inputs (green). "
                    + "Default: those whose names start with w, and those starting with b beside them (a bias): "
                    + "in a*b both are inputs, as in the post.")
    List<String> params;

    @Option(names = "--name", paramLabel = "NAME", description = "The output's name in its box, e.g. --name L (default: none).")
    String name;

    @Option(names = "--order", paramLabel = "N", defaultValue = "0",
            description = "Draw the graph of the N-th derivative instead: the derivative is itself a computation "
                    + "(Value.gradients with createGraph), e.g. --order 3 (default: 0, the expression).")
    int order;

    @Option(names = "--wrt", paramLabel = "NAME",
            description = "The variable --order differentiates by (needed when there are several).")
    String wrt;

    @Override
    public Integer call() {
        OutDir.checkFile("-o", out, "graph.svg");
        Expression parsed = Expression.parse(expression);
        Map<String, Double> values = values(parsed);
        for (String name : params == null ? List.<String>of() : params) {
            requireVariable(parsed, "--params", name);
        }
        if (name != null && (name.isBlank() || name.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("--name needs a printable name, e.g. --name L");
        }
        Value result = derivative(parsed, parsed.evaluate(values));
        if (name != null) {
            result = result.named(name.strip());
        } else if (order > 0) {
            result = result.named(derivativeName());
        }
        if (backward) {
            result.backward();
        }
        warnIfNotFinite(result);
        Dot dot = Dot.of(result).direction(topToBottom ? Dot.Direction.TOP_TO_BOTTOM : Dot.Direction.LEFT_TO_RIGHT);
        List<Value> parameters = new ArrayList<>();
        List<Value> inputs = new ArrayList<>();
        Expression.leaves(result).forEach((n, leaf) -> (isParameter(n, parsed) ? parameters : inputs).add(leaf));
        dot.parameters(parameters).inputs(inputs);

        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null || out.toString().equals("-")) {
            stdout.print(dot.text());
            stdout.flush();
            return 0;
        }
        Path written = Graphviz.find().write(dot, out);
        stdout.println((order > 0 ? derivativeName() + " " : "") + parsed + " = " + Dot.number(result.data()));
        stdout.println("wrote " + written);
        if (!written.equals(out)) {
            spec.commandLine().getErr().println("jgrad: " + Graphviz.INSTALL_HINT);
        }
        return 0;
    }

    /** The {@code --order}-th derivative of {@code value} by {@code --wrt}, each one the graph of the last's gradient. */
    private Value derivative(Expression parsed, Value value) {
        if (order < 0 || order > 8) {
            throw new IllegalArgumentException("--order " + order + ": expected 0 to 8 (each order multiplies the graph)");
        }
        if (wrt != null) {
            requireVariable(parsed, "--wrt", wrt);
        }
        if (order == 0) {
            return value;
        }
        if (wrt == null && parsed.variables().size() != 1) {
            throw new IllegalArgumentException("--order needs --wrt NAME to say which variable it differentiates by"
                    + (parsed.variables().isEmpty() ? "" : " (the variables: " + String.join(", ", parsed.variables()) + ")"));
        }
        String by = wrt != null ? wrt : parsed.variables().get(0);
        Value x = Expression.leaves(value).get(by);
        Value d = value;
        for (int n = 0; n < order; n++) {
            d = x == null ? Value.of(0) : Value.gradients(d, List.of(x), true).get(0);
        }
        return d;
    }

    /** {@code d³/dx³}: how the derivative's box and the summary line name it. */
    private String derivativeName() {
        String power = order == 1 ? "" : String.valueOf("⁰¹²³⁴⁵⁶⁷⁸".charAt(order));
        return "d" + power + "/d" + (wrt != null ? wrt : Expression.parse(expression).variables().get(0)) + power;
    }

    private Map<String, Double> values(Expression parsed) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set " + assignment + ": expected NAME=VALUE, e.g. a=1");
            }
            String name = assignment.substring(0, eq).strip();
            requireVariable(parsed, "--set", name);
            double value;
            try {
                value = Decimal.parse(assignment.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--set " + assignment + ": '" + assignment.substring(eq + 1)
                        + "' is not a number");
            }
            if (values.put(name, value) != null) {
                throw new IllegalArgumentException("--set " + name + " is given twice; give each variable one value");
            }
        }
        return values;
    }

    private static void requireVariable(Expression parsed, String option, String name) {
        if (!parsed.variables().contains(name)) {
            throw new IllegalArgumentException(option + " " + name + ": no variable " + name + " in the expression"
                    + (parsed.variables().isEmpty() ? "" : " (its variables: " + String.join(", ", parsed.variables()) + ")"));
        }
    }

    /** The picture is still drawn, since seeing where a NaN starts is the point; but say so. */
    private void warnIfNotFinite(Value result) {
        List<Value> bad = result.topologicalOrder().stream()
                .filter(v -> !Double.isFinite(v.data()) || !Double.isFinite(v.grad())).toList();
        if (!bad.isEmpty()) {
            Value first = bad.get(0);
            spec.commandLine().getErr().println("jgrad: warning: " + bad.size() + " value(s) are NaN or infinite, "
                    + "first " + (first.op().isEmpty() ? first.label() : "the result of " + first.op()) + " = "
                    + (Double.isFinite(first.data()) ? "grad " + first.grad() : String.valueOf(first.data()))
                    + " (an argument outside the function's domain, or a division by zero?)");
        }
    }

    /**
     * A weight is a w-name; a b-name is a bias only beside weights. The post's {@code c = a·b} has two
     * inputs, and its neuron {@code x1·w1 + x2·w2 + b} weights and a bias.
     */
    private boolean isParameter(String variable, Expression parsed) {
        if (params != null) {
            return params.contains(variable);
        }
        boolean weights = parsed.variables().stream().anyMatch(v -> v.startsWith("w"));
        return variable.startsWith("w") || weights && variable.startsWith("b");
    }
}
