package dev.jgrad.web;

import dev.jgrad.engine.Value;
import dev.jgrad.layout.Drawing;
import dev.jgrad.layout.Layered;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * A {@link Value} graph as SVG in micrograd's draw_dot style, which the post's figures use: each value a
 * record box of three cells ({@code label | data 0.8814 | grad 0.5000}), each operation a small ellipse
 * with its symbol feeding the value it made, edges left to right. Inputs green, parameters blue, the
 * output orange ({@code Dot}'s colours); the node whose rule just fired gets a thick dark-orange outline
 * and the nodes it added into a thick dark-blue one. Laid out once ({@link Layered}); each
 * {@link #render} only writes the numbers again, so stepping stays cheap.
 */
final class GraphSvg {
    /** How a value box is filled. */
    enum Kind {
        INPUT("#c7e9c0", "input"), PARAMETER("#c6dbef", "parameter"), OUTPUT("#fcd9b0", "output"), PLAIN("#ffffff", "value");

        final String fill;
        final String css;

        Kind(String fill, String css) {
            this.fill = fill;
            this.css = css;
        }
    }

    /** What each value is called: its id in the SVG (and in gradientCheck), its label, its kind. */
    interface Names {
        String id(Value v);

        String label(Value v);

        Kind kind(Value v);

        /** A node as the explanations name it: its label, or its id where it has none. */
        default String plain(Value v) {
            String label = label(v);
            return label == null || label.isEmpty() ? id(v) : label;
        }
    }

    private static final double CHAR = 7;
    /** Room left around a cell's text. */
    private static final double CELL_PADDING = 8;
    private static final double HEIGHT = 28;
    private static final double MARGIN = 12;
    private static final double TITLE = 22;
    private static final String FIRED = "#b35806";
    private static final String RECEIVED = "#2166ac";

    private final List<Value> values;
    private final Names names;
    private final Map<Value, Integer> index = new IdentityHashMap<>();
    private final List<String> edgePaths = new ArrayList<>();
    private final Drawing drawing;
    private final double[] labelWidth;
    private final double[] dataWidth;
    /** The layout node of each value's op (ops follow the values in the layout's node list). */
    private final int[] opNode;

    GraphSvg(Value root, Names names) {
        this.values = root.topologicalOrder();
        this.names = names;
        int n = values.size();
        labelWidth = new double[n];
        dataWidth = new double[n];
        opNode = new int[n];
        List<Layered.Node> nodes = new ArrayList<>();
        List<Layered.Edge> edges = new ArrayList<>();
        layOut(nodes, edges);
        this.drawing = Layered.draw(nodes, edges, 26, 10);
        for (int e = 0; e < edges.size(); e++) {
            edgePaths.add(path(nodes, edges.get(e), drawing.bends().get(e)));
        }
    }

    /** The layout's nodes (each value's box, then each value's op) and edges (an op's inputs into it, it into its value). */
    private void layOut(List<Layered.Node> nodes, List<Layered.Edge> edges) {
        for (int i = 0; i < values.size(); i++) {
            Value v = values.get(i);
            index.put(v, i);
            String label = names.label(v);
            labelWidth[i] = label.isEmpty() ? 0 : CHAR * label.length() + 12;
            dataWidth[i] = CHAR * 12 + CELL_PADDING;
            nodes.add(new Layered.Node(labelWidth[i] + 2 * dataWidth[i], HEIGHT));
        }
        for (int i = 0; i < values.size(); i++) {
            Value v = values.get(i);
            if (!v.op().isEmpty()) {
                int op = nodes.size();
                opNode[i] = op;
                nodes.add(new Layered.Node(Math.max(HEIGHT, CHAR * symbol(v.op()).length() + 14), HEIGHT - 4));
                for (Value in : v.inputs()) {
                    edges.add(new Layered.Edge(index.get(in), op));
                }
                edges.add(new Layered.Edge(op, i));
            }
        }
    }

    /** An edge's path: from its start's right side through its bends to its end's left side. */
    private String path(List<Layered.Node> nodes, Layered.Edge edge, double[] bends) {
        StringBuilder d = new StringBuilder("M").append(px(right(nodes, edge.from()))).append(' ').append(py(drawing.y()[edge.from()]));
        for (int k = 0; k < bends.length; k += 2) {
            d.append(" L").append(px(bends[k])).append(' ').append(py(bends[k + 1]));
        }
        return d.append(" L").append(px(left(nodes, edge.to()))).append(' ').append(py(drawing.y()[edge.to()])).toString();
    }

    private double right(List<Layered.Node> nodes, int i) {
        return drawing.x()[i] + nodes.get(i).width() / 2;
    }

    private double left(List<Layered.Node> nodes, int i) {
        return drawing.x()[i] - nodes.get(i).width() / 2;
    }

    /** The values drawn, each after its inputs. */
    List<Value> values() {
        return values;
    }

    /** The value whose id is {@code id}, or null. */
    Value find(String id) {
        for (Value v : values) {
            if (names.id(v).equals(id)) {
                return v;
            }
        }
        return null;
    }

    /**
     * The picture with each value's data and {@code grad}; {@code fired} (or null) outlined as the node
     * whose rule fired, {@code received} as the ones it added into; {@code title} above, if not empty.
     */
    String render(ToDoubleFunction<Value> grad, Value fired, Collection<Value> received, String title) {
        return render(v -> true, grad, fired, received, title);
    }

    /** As above, with the data of a value not yet {@code known} (a forward pass half stepped) shown as "?". */
    String render(Predicate<Value> known, ToDoubleFunction<Value> grad, Value fired, Collection<Value> received, String title) {
        double top = title.isEmpty() ? 0 : TITLE;
        double width = drawing.width() + 2 * MARGIN;
        double height = drawing.height() + 2 * MARGIN + top;
        StringBuilder s = new StringBuilder(8192);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(px(width)).append("\" height=\"").append(px(height))
                .append("\" viewBox=\"0 0 ").append(px(width)).append(' ').append(px(height))
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">");
        s.append("<defs><marker id=\"jgrad-arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerWidth=\"7\" markerHeight=\"7\""
                + " orient=\"auto\"><path d=\"M0 0 L8 4 L0 8 z\" fill=\"#555555\"/></marker></defs>");
        if (!title.isEmpty()) {
            s.append("<text x=\"").append(px(width / 2)).append("\" y=\"16\" text-anchor=\"middle\" font-size=\"13\">")
                    .append(escape(title)).append("</text>");
        }
        s.append("<g transform=\"translate(").append(px(MARGIN)).append(' ').append(px(MARGIN + top)).append(")\">");
        s.append("<g fill=\"none\" stroke=\"#555555\" stroke-width=\"1\">");
        for (String d : edgePaths) {
            s.append("<path d=\"").append(d).append("\" marker-end=\"url(#jgrad-arrow)\"/>");
        }
        s.append("</g>");
        for (int i = 0; i < values.size(); i++) {
            Value v = values.get(i);
            if (!v.op().isEmpty()) {
                op(s, v, i, v == fired);
            }
        }
        for (int i = 0; i < values.size(); i++) {
            Value v = values.get(i);
            String outline = v == fired ? FIRED : contains(received, v) ? RECEIVED : null;
            box(s, v, i, known.test(v), grad.applyAsDouble(v), outline);
        }
        return s.append("</g></svg>").toString();
    }

    private void op(StringBuilder s, Value v, int i, boolean fired) {
        int node = opNode[i];
        double x = drawing.x()[node];
        double y = drawing.y()[node];
        String symbol = symbol(v.op());
        double rx = Math.max(HEIGHT, CHAR * symbol.length() + 14) / 2;
        s.append("<g class=\"op\" id=\"").append(escape(names.id(v))).append("-op\"><ellipse cx=\"").append(px(x))
                .append("\" cy=\"").append(py(y)).append("\" rx=\"").append(px(rx)).append("\" ry=\"").append(px((HEIGHT - 4) / 2))
                .append("\" fill=\"").append(fired ? "#fdb863" : "#eeeeee").append("\" stroke=\"#555555\"/><text x=\"")
                .append(px(x)).append("\" y=\"").append(py(y + 4)).append("\" text-anchor=\"middle\">").append(escape(symbol))
                .append("</text></g>");
    }

    private void box(StringBuilder s, Value v, int i, boolean known, double grad, String outline) {
        double w = labelWidth[i] + 2 * dataWidth[i];
        double x0 = drawing.x()[i] - w / 2;
        double y0 = drawing.y()[i] - HEIGHT / 2;
        Kind kind = names.kind(v);
        String id = escape(names.id(v));
        s.append("<g class=\"").append(kind.css).append(outline == null ? "" : outline.equals(FIRED) ? " fired" : " received")
                .append("\" id=\"").append(id).append("\" data-testid=\"node-").append(id).append("\">");
        s.append("<rect x=\"").append(px(x0)).append("\" y=\"").append(py(y0)).append("\" width=\"").append(px(w))
                .append("\" height=\"").append(px(HEIGHT)).append("\" fill=\"").append(kind.fill).append("\" stroke=\"")
                .append(outline == null ? "#333333" : outline).append("\" stroke-width=\"").append(outline == null ? "1" : "3").append("\"/>");
        double cell = x0;
        String label = names.label(v);
        if (!label.isEmpty()) {
            text(s, cell + labelWidth[i] / 2, drawing.y()[i], label, "label");
            cell += labelWidth[i];
            divider(s, cell, y0);
        }
        fitted(s, cell, dataWidth[i], drawing.y()[i], "data " + (known ? Digits.fixed(v.data()) : "?"), "data");
        cell += dataWidth[i];
        divider(s, cell, y0);
        fitted(s, cell, dataWidth[i], drawing.y()[i], "grad " + Digits.fixed(grad), "grad");
        s.append("</g>");
    }

    /**
     * A number's text in its cell of the box: the cells are as wide as "data -0.8814", so a longer number (123456.7891,
     * -1.298E-5) is drawn squeezed to the cell's width instead of running over its neighbour.
     */
    private static void fitted(StringBuilder s, double left, double width, double y, String text, String css) {
        double room = width - CELL_PADDING;
        if (CHAR * text.length() <= room) {
            text(s, left + width / 2, y, text, css);
            return;
        }
        s.append("<text class=\"").append(css).append("\" x=\"").append(px(left + width / 2)).append("\" y=\"").append(py(y + 4))
                .append("\" text-anchor=\"middle\" textLength=\"").append(px(room)).append("\" lengthAdjust=\"spacingAndGlyphs\">")
                .append(escape(text)).append("</text>");
    }

    private static void text(StringBuilder s, double x, double y, String text, String css) {
        s.append("<text class=\"").append(css).append("\" x=\"").append(px(x)).append("\" y=\"").append(py(y + 4))
                .append("\" text-anchor=\"middle\">").append(escape(text)).append("</text>");
    }

    private static void divider(StringBuilder s, double x, double y0) {
        s.append("<line x1=\"").append(px(x)).append("\" y1=\"").append(py(y0)).append("\" x2=\"").append(px(x))
                .append("\" y2=\"").append(py(y0 + HEIGHT)).append("\" stroke=\"#333333\"/>");
    }

    /** The op as the figures write it: × for *, + for a sum. */
    static String symbol(String op) {
        switch (op) {
            case "*":
                return "×";
            case "sum":
                return "+";
            default:
                return op.startsWith("**") && op.length() > 2 ? "^" + op.substring(2) : op;
        }
    }

    private static boolean contains(Collection<Value> values, Value v) {
        for (Value x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** Coordinates to a tenth of a pixel: shorter text, no visible difference. */
    private static String px(double v) {
        return Digits.decimals(v, 1);
    }

    private static String py(double v) {
        return Digits.decimals(v, 1);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
