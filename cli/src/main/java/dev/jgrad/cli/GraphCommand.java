package dev.jgrad.cli;

import dev.jgrad.engine.Value;
import dev.jgrad.viz.Dot;
import dev.jgrad.viz.Expression;
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
            "Operators: + - * / ** (or ^), unary minus, parentheses; functions: tanh exp log relu sigmoid.",
            "Example: jgrad graph \"tanh(x1*w1 + x2*w2 + b)\" --set x1=2,w1=-3,x2=0,w2=1,b=6.88 --backward --out n.svg"},
        sortOptions = false)
final class GraphCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "EXPRESSION", description = "The expression, quoted, e.g. \"a*b + c\".")
    String expression;

    @Option(names = "--set", split = ",", paramLabel = "NAME=VALUE",
            description = "The variables' values, e.g. --set x1=2,w1=-3 (every variable needs one).")
    Map<String, Double> values = new LinkedHashMap<>();

    @Option(names = "--backward", description = "Run backward from the output first, so every box shows its gradient.")
    boolean backward;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Write the picture here: .svg or .png (needs Graphviz) or .dot. Without it the DOT text goes to standard output.")
    Path out;

    @Option(names = "--top-to-bottom", description = "Draw top to bottom instead of left to right.")
    boolean topToBottom;

    @Option(names = "--params", split = ",", paramLabel = "NAME",
            description = "Variables drawn as parameters (blue); the others are inputs (green). "
                    + "Default: those whose names start with w or b.")
    List<String> params;

    @Override
    public Integer call() {
        Expression parsed = Expression.parse(expression);
        for (String name : values.keySet()) {
            if (!parsed.variables().contains(name)) {
                throw new IllegalArgumentException("--set " + name + ": no variable " + name + " in the expression"
                        + (parsed.variables().isEmpty() ? "" : " (its variables: " + String.join(", ", parsed.variables()) + ")"));
            }
        }
        Value result = parsed.evaluate(values);
        if (backward) {
            result.backward();
        }
        Dot dot = Dot.of(result).direction(topToBottom ? Dot.Direction.TOP_TO_BOTTOM : Dot.Direction.LEFT_TO_RIGHT);
        List<Value> parameters = new ArrayList<>();
        List<Value> inputs = new ArrayList<>();
        Expression.leaves(result).forEach((name, leaf) -> (isParameter(name) ? parameters : inputs).add(leaf));
        dot.parameters(parameters).inputs(inputs);

        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null) {
            stdout.print(dot.text());
            stdout.flush();
            return 0;
        }
        Path written = Graphviz.find().write(dot, out);
        stdout.println(parsed + " = " + Dot.number(result.data()));
        stdout.println("wrote " + written);
        if (!written.equals(out)) {
            spec.commandLine().getErr().println("jgrad: " + Graphviz.INSTALL_HINT);
        }
        return 0;
    }

    private boolean isParameter(String name) {
        return params != null ? params.contains(name) : name.startsWith("w") || name.startsWith("b");
    }
}
