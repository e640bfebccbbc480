package dev.jgrad.cli;

import dev.jgrad.app.Expression;
import dev.jgrad.engine.Value;
import dev.jgrad.io.Decimal;
import dev.jgrad.io.ModelFile;
import dev.jgrad.nn.Predictor;
import dev.jgrad.viz.BoundaryPlot;
import dev.jgrad.viz.Dot;
import dev.jgrad.viz.Graphviz;
import dev.jgrad.viz.Images;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jgrad graph}: the computational graph of an expression typed on the command line, or of one
 * neuron of a saved model at a point, with the model's decision boundary ({@link ModelGraph}).
 */
@Command(name = "graph",
        description = {"Draw the computational graph of an expression, micrograd style: every value with its data "
                + "and gradient.",
            "Operators: + - * / ** (or ^), unary minus, parentheses; functions: tanh exp log relu sigmoid."},
        // Each line short enough not to wrap, so the example can be copied as it stands.
        footer = {"", "Example:",
            "  jgrad graph \"tanh(x1*w1 + x2*w2 + b)\" --backward --out n.svg \\",
            "      --set x1=2,w1=-3,x2=0,w2=1,b=6.88",
            "  jgrad graph \"tanh(x)\" --set x=1 --order 3    (the third derivative's graph)",
            "  jgrad graph --model out/moons/model.json --neuron h1_3 --point 0.5,-0.2 -o out/pictures",
            "An expression may start with a minus (\"-a**2\"). One that could be read",
            "as an option goes last, after --: jgrad graph --set o=1 -- \"-o*2\""},
        sortOptions = false)
final class GraphCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "EXPRESSION", arity = "0..1", description = "The expression, quoted, e.g. \"a*b + c\" "
            + "(or --model instead).")
    String expression;

    @Option(names = "--model", paramLabel = "FILE", description = "Draw a saved model (from jgrad train or jgrad import) "
            + "instead of an expression: one neuron's graph at --point, and for 2 inputs the decision boundary. "
            + "-o is then a directory.")
    Path model;

    @Option(names = "--neuron", paramLabel = "NAME", description = "With --model: the neuron to draw, hL_J (hidden layer L, "
            + "neuron J, from 1; hJ with one hidden layer) or out (out_J for several outputs). Default: out.")
    String neuron;

    @Option(names = "--point", split = ",", paramLabel = "X", description = "With --model: the raw inputs the neuron is "
            + "computed at, as predict reads them, e.g. --point 0.5,-0.2 (default: all 0).")
    List<Double> point;

    @Option(names = "--boundary", description = "With --model: only the decision boundary, boundary.png "
            + "(2 inputs; drawn by default when the model has them).")
    boolean boundary;

    @Option(names = "--region", split = ",", paramLabel = "X", description = "With --model: the plane the boundary covers, "
            + "xmin,xmax,ymin,ymax in the raw inputs' units (default: ±3 standard deviations, or ±3 unscaled).")
    List<Double> region;

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
    public Integer call() throws java.io.IOException {
        if (model != null) {
            return drawModel();
        }
        if (expression == null) {
            throw new IllegalArgumentException("graph needs an EXPRESSION, e.g. jgrad graph \"a*b\" --set a=1,b=2, or --model FILE");
        }
        if (neuron != null || point != null || boundary || region != null) {
            throw new IllegalArgumentException("--neuron, --point, --boundary and --region draw a saved model: add --model FILE");
        }
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

    /** {@code --model}: the neuron's graph (DOT on standard output without -o), and with -o DIR the boundary too. */
    private Integer drawModel() throws java.io.IOException {
        if (expression != null || !assignments.isEmpty() || order != 0 || wrt != null || params != null || name != null) {
            throw new IllegalArgumentException("--model draws a saved model; EXPRESSION, --set, --order, --wrt, --params "
                    + "and --name are for an expression");
        }
        if (region != null && region.size() != 4) {
            throw new IllegalArgumentException("--region needs 4 numbers, xmin,xmax,ymin,ymax; got " + region.size());
        }
        Memory.checkFile(model);
        ModelFile saved = ModelFile.load(model);
        Predictor p;
        try {
            p = saved.predictor();
        } catch (IllegalArgumentException e) {
            throw new java.io.IOException(model + ": " + e.getMessage(), e);
        }
        ModelGraph pictures = new ModelGraph(p, saved.network());
        boolean toStdout = out == null || out.toString().equals("-");
        boolean drawNeuron = !boundary || neuron != null;
        boolean drawBoundary = boundary || !toStdout && pictures.drawsBoundary();
        if (drawBoundary) {
            pictures.checkBoundary();
        }
        if (boundary && toStdout) {
            throw new IllegalArgumentException("--boundary writes boundary.png: give -o DIR");
        }
        ModelGraph.Neuron n = pictures.neuron(neuron);
        double[] raw = ModelGraph.point(point, p.rawInputs());
        BoundaryPlot.Region plane = region == null ? pictures.region()
                : new BoundaryPlot.Region(region.get(0), region.get(1), region.get(2), region.get(3));
        Value root = pictures.graph(n, raw);
        if (backward) {
            root.backward();
        }
        Dot dot = ModelGraph.dot(root, n.name() + " of " + model.getFileName() + " (" + pictures.shape() + ") at "
                + Arrays.stream(raw).mapToObj(Dot::number).collect(Collectors.joining(", ", "(", ")")))
                .direction(topToBottom ? Dot.Direction.TOP_TO_BOTTOM : Dot.Direction.LEFT_TO_RIGHT);
        PrintWriter stdout = spec.commandLine().getOut();
        if (toStdout) {
            stdout.print(dot.text());
            stdout.flush();
            return 0;
        }
        Path dir = OutDir.check("-o", out, "neuron_" + n.name() + ".svg", "boundary.png").path();
        if (drawNeuron) {
            stdout.println(n.name() + " = " + root.data() + " at " + Arrays.toString(raw));
            writeNeuron(dot, dir.resolve("neuron_" + n.name()), stdout);
        }
        if (drawBoundary) {
            Path png = dir.resolve("boundary.png");
            Images.writePng(pictures.boundary(plane, ModelGraph.axes(saved, p), "Decision Boundary of " + model.getFileName()
                    + " (" + pictures.shape() + ")"), png);
            stdout.println("wrote " + png);
        }
        stdout.flush();
        return 0;
    }

    /** {@code stem}.dot, and .svg and .png when Graphviz is there (else a hint), as the demo writes its graphs. */
    private void writeNeuron(Dot dot, Path stem, PrintWriter stdout) {
        Graphviz graphviz = Graphviz.find();
        List<String> kinds = graphviz.available() ? List.of(".dot", ".svg", ".png") : List.of(".dot");
        for (String ext : kinds) {
            stdout.println("wrote " + graphviz.write(dot, Path.of(stem + ext)));
        }
        if (!graphviz.available()) {
            spec.commandLine().getErr().println("jgrad: " + Graphviz.INSTALL_HINT);
        }
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
            // A leaf without a name is a number written in the expression: 1e400 reads as Infinity.
            boolean constant = first.op().isEmpty() && first.label().isEmpty();
            spec.commandLine().getErr().println("jgrad: warning: " + Words.count(bad.size(), "value") + (bad.size() == 1 ? " is" : " are")
                    + " NaN or infinite, first " + (constant ? "a number in the expression" : first.op().isEmpty() ? first.label()
                    : "the result of " + first.op()) + " = "
                    + (Double.isFinite(first.data()) ? "grad " + first.grad() : String.valueOf(first.data()))
                    + (constant ? " (beyond a double's range of about ±1.8e308)"
                    : " (an argument outside the function's domain, or a division by zero?)"));
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
