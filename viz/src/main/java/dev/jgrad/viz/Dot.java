package dev.jgrad.viz;

import dev.jgrad.engine.Value;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * A {@link Value} graph as Graphviz DOT text, in micrograd's {@code draw_dot} style: one record box
 * per value ({@code label | data 0.0000 | grad 0.0000}), one small ellipse per operation feeding the
 * value it made, edges input → op → output.
 *
 * <p>Node ids come from the {@linkplain Value#topologicalOrder() topological order}, so the same
 * graph always gives the same text. The output is filled orange; the leaves the caller marks as
 * {@linkplain #parameters parameters} blue and as {@linkplain #inputs inputs} green; everything
 * else white. Configure, then call {@link #text()}:
 * <pre>{@code
 * String dot = Dot.of(loss).parameters(model.parameters()).inputs(x1, x2).text();
 * }</pre>
 */
public final class Dot {
    /** Which way the graph reads. */
    public enum Direction {
        /** Inputs on the left, the output on the right (micrograd's {@code rankdir=LR}). */
        LEFT_TO_RIGHT("LR"),
        /** Inputs at the top, the output at the bottom. */
        TOP_TO_BOTTOM("TB");

        private final String rankdir;

        Direction(String rankdir) {
            this.rankdir = rankdir;
        }
    }

    public static final String OUTPUT_COLOUR = "#fcd9b0";
    static final String PARAMETER_COLOUR = "#c6dbef";
    public static final String INPUT_COLOUR = "#c7e9c0";
    static final String OP_COLOUR = "#eeeeee";

    private final Value root;
    private final List<Value> order;
    private final Set<Value> parameters = identitySet();
    private final Set<Value> inputs = identitySet();
    private Direction direction = Direction.LEFT_TO_RIGHT;
    private ToDoubleFunction<Value> gradient = Value::grad;
    private String title = "";

    private Dot(Value root) {
        this.root = root;
        this.order = root.topologicalOrder();
    }

    /** The graph of everything {@code root} depends on, {@code root} included. */
    public static Dot of(Value root) {
        return new Dot(Objects.requireNonNull(root, "root"));
    }

    /** Marks these values as parameters (drawn blue); values outside the graph are ignored. */
    public Dot parameters(Collection<Value> values) {
        parameters.addAll(values);
        return this;
    }

    public Dot parameters(Value... values) {
        return parameters(List.of(values));
    }

    /** Marks these values as inputs (drawn green); values outside the graph are ignored. */
    public Dot inputs(Collection<Value> values) {
        inputs.addAll(values);
        return this;
    }

    public Dot inputs(Value... values) {
        return inputs(List.of(values));
    }

    public Dot direction(Direction direction) {
        this.direction = Objects.requireNonNull(direction, "direction");
        return this;
    }

    /** A caption drawn above the graph; empty for none. */
    public Dot title(String title) {
        this.title = Objects.requireNonNull(title, "title");
        return this;
    }

    /**
     * Which gradient each box shows; {@link Value#grad()} unless set. Lets a picture show backprop
     * part way through, e.g. only the nodes the gradient has reached so far.
     */
    public Dot gradients(ToDoubleFunction<Value> gradient) {
        this.gradient = Objects.requireNonNull(gradient, "gradient");
        return this;
    }

    /** How many values the graph holds (operation nodes not counted). */
    public int size() {
        return order.size();
    }

    /**
     * How many boxes {@code dot} lays out: the values and the columns their edges skip, the number
     * {@link Graphviz#MAX_LAYOUT} limits.
     */
    public int layoutSize() {
        return (int) Math.min(Integer.MAX_VALUE, (long) size() + skippedColumns());
    }

    /**
     * How many columns the graph's edges skip in total when every box sits as close to the output as
     * it can. A value used far apart in an expression ({@code a*b + a*b + … + a*b}) makes long edges;
     * {@code dot} routes each through a hidden node per skipped column and its layout time grows far
     * faster with these than with the value count (docs/performance.md has the figures).
     */
    public int skippedColumns() {
        // Distance to the root: an op's ellipse sits one column before the value it makes.
        Map<Value, Integer> depth = new IdentityHashMap<>();
        long skipped = 0;
        for (int i = order.size() - 1; i >= 0; i--) {
            Value v = order.get(i);
            int opDepth = depth.getOrDefault(v, 0) + 1;
            for (Value in : v.inputs()) {
                depth.merge(in, opDepth + 1, Math::max);
            }
        }
        for (Value v : order) {
            int opDepth = depth.getOrDefault(v, 0) + 1;
            for (Value in : v.inputs()) {
                skipped += depth.get(in) - opDepth - 1;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, skipped);
    }

    /** The DOT text; the same graph and options always give the same text. */
    public String text() {
        Map<Value, Integer> id = new IdentityHashMap<>();
        StringBuilder out = new StringBuilder(128 + 160 * order.size());
        out.append("digraph jgrad {\n");
        out.append("  rankdir=").append(direction.rankdir).append(";\n");
        if (!title.isEmpty()) {
            out.append("  labelloc=t;\n  label=\"").append(quoted(title)).append("\";\n");
        }
        out.append("  graph [fontname=\"Helvetica\", fontsize=12];\n");
        out.append("  node [shape=record, style=filled, fillcolor=white, fontname=\"Helvetica\", fontsize=11];\n");
        out.append("  edge [color=\"#555555\", arrowsize=0.7];\n");
        for (Value v : order) {
            int i = id.size();
            id.put(v, i);
            out.append("  v").append(i).append(" [label=\"").append(record(v)).append('"');
            String fill = fill(v);
            if (fill != null) {
                out.append(", fillcolor=\"").append(fill).append('"');
            }
            out.append("];\n");
            if (!v.op().isEmpty()) {
                out.append("  v").append(i).append("_op [label=\"").append(quoted(v.op()))
                        .append("\", shape=ellipse, fillcolor=\"").append(OP_COLOUR)
                        .append("\", fontsize=10, margin=\"0.05,0.02\", height=0.3];\n");
                for (Value in : v.inputs()) {
                    out.append("  v").append(id.get(in)).append(" -> v").append(i).append("_op;\n");
                }
                out.append("  v").append(i).append("_op -> v").append(i).append(";\n");
            }
        }
        return out.append("}\n").toString();
    }

    private String record(Value v) {
        String fields = (v.label().isEmpty() ? "" : recordEscaped(v.label()) + " | ")
                + "data " + number(v.data()) + " | grad " + number(gradient.applyAsDouble(v));
        // In a left-to-right graph braces turn the fields back into one row; top to bottom needs none.
        return direction == Direction.LEFT_TO_RIGHT ? "{ " + fields + " }" : fields;
    }

    private String fill(Value v) {
        if (v == root) {
            return OUTPUT_COLOUR;
        }
        if (parameters.contains(v)) {
            return PARAMETER_COLOUR;
        }
        return inputs.contains(v) ? INPUT_COLOUR : null;
    }

    /** A number as the boxes show it: four decimals, or scientific notation far from 1. */
    public static String number(double x) {
        double a = Math.abs(x);
        String format = a != 0 && (a >= 1e6 || a < 1e-4) && Double.isFinite(x) ? "%.4e" : "%.4f";
        return String.format(Locale.ROOT, format, x);
    }

    /** Inside a record label, braces, bars and angle brackets are syntax. */
    private static String recordEscaped(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if ("{}|<>\\\"".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    private static String quoted(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static Set<Value> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
