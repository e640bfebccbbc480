package dev.jgrad.app;

import dev.jgrad.train.EpochMetrics;
import dev.jgrad.viz.Graphviz;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's {@code index.html}: an article that follows the post section by section (its titles,
 * in its order), one figure per idea, the four animated boundaries two by two, every picture scaled to
 * the column (a wide graph with a link to its full size), the post's derivative table, the accuracy table, and a
 * link to every file written. The page is well-formed XML as well as HTML, so a test can parse it.
 */
final class IndexPage {
    /** Train and validation accuracy at epoch 200 in the post author's notebook (FIGURES.md). */
    private static final double[][] POST = {{1, 0.623, 0.653}, {2, 0.763, 0.693}, {3, 0.940, 0.927}, {9, 0.967, 0.960}};
    /** The post's title, and its author's site (the address in the post; the post is on that site). */
    static final String POST_TITLE = "Re-writing Micrograd: Training a Neural Network from Scratch";
    static final String POST_URL = "https://willbeckman.com/";
    /** The post's section titles, in its order (its table of contents). */
    static final List<String> POST_SECTIONS = List.of("Background", "Neural Networks", "Computational graphs", "Calculus",
            "Gradients on a Computational Graph", "The Other Parts of Training a Neural Network", "Training a Network!",
            "Conclusion");

    /** The post's table of the four derivatives its network needs (section "Calculus"). */
    private static final String DERIVATIVES = """
            <table class="derivatives">
            <caption>The local derivatives of the network's four operations</caption>
            <tr><th>operation</th><th>f</th><th>∂f/∂x</th><th>∂f/∂y</th></tr>
            <tr><td>addition</td><td>x + y</td><td>1</td><td>1</td></tr>
            <tr><td>multiplication</td><td>x · y</td><td>y</td><td>x</td></tr>
            <tr><td>tanh</td><td>(eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)</td><td>1 − tanh(x)²</td><td></td></tr>
            <tr><td>pow</td><td>xʸ</td><td>y · xʸ⁻¹</td><td>(not needed here)</td></tr>
            </table>
            """;

    private IndexPage() {
    }

    static double[] post(int hidden) {
        for (double[] row : POST) {
            if (row[0] == hidden) {
                return new double[] {row[1], row[2]};
            }
        }
        return null;
    }

    static String html(Demo.Options o, List<Demo.Figure> figures, List<Demo.Row> table, EpochMetrics moons, boolean graphs) {
        Map<String, Demo.Figure> byStem = new LinkedHashMap<>();
        for (Demo.Figure f : figures) {
            byStem.put(stem(f.file()) + (f.file().endsWith(".gif") ? ".gif" : ""), f);
        }
        PageFigures p = new PageFigures(o.out(), byStem, graphs);
        StringBuilder b = new StringBuilder(head());
        b.append("<article>\n<h1>").append(escape(POST_TITLE)).append(": the figures, regenerated</h1>\n");
        b.append(String.format(Locale.ROOT, "<p class=\"lead\">The figures of <a href=\"%s\">Will Beckman's post "
                + "“%s”</a>, drawn again by <code>jgrad demo</code> (seed %d, %d epochs). The post's run used Python's "
                + "generator, so the points and digits differ; the shapes should not. Each picture links to its file.</p>%n",
                POST_URL, escape(POST_TITLE), o.seed(), o.epochs()));
        if (!graphs) {
            b.append("<p class=\"note\">").append(escape(Graphviz.INSTALL_HINT)).append(".</p>\n");
        }
        section(b, 0, "<p>The post re-writes micrograd, a scalar autograd engine, to explain backpropagation; jgrad "
                + "is such an engine in Java, and this page is its run of the post's experiments.</p>\n");
        section(b, 1, "<p>A neural network is a function approximator built from weighted sums and non-linear "
                + "activations; training it means adjusting the weights, and the rest of the post shows how.</p>\n");
        section(b, 2, "<h3>What is a computational graph?</h3>\n" + p.figure("mul_before")
                + "<h3>Representing (Simple) Neural Networks as a Computational Graph</h3>\n" + p.figure("network")
                + p.figure("neuron_h1"));
        section(b, 3, "<h3>Derivatives for a Simple Feedforward Network</h3>\n" + DERIVATIVES
                + "<h3>Chain rule</h3>\n<p>If z depends on y and y on x, then dz/dx = dz/dy · dy/dx. In backpropagation "
                + "each node multiplies the gradient arriving from further down the graph (the “global” derivative) by "
                + "its own local derivative from the table, and passes the product back. The next figures show exactly "
                + "that.</p>\n");
        section(b, 4, "<h3>The Trivial Case</h3>\n" + p.figure("mul_after")
                + "<h3>Two Levels Deep - Propagating Gradients</h3>\n"
                + p.stages("Backprop two levels deep, in three stages", "two_levels_1", "two_levels_2", "two_levels_3"));
        section(b, 5, "<h3>Loss Functions</h3>\n<p>The post's networks end in mean squared error against 0/1 labels; "
                + "its gradient starts backward.</p>\n<h3>Gradient Descent</h3>\n"
                + p.pair("One step of gradient descent (learning rate 0.01): before and after", "step_before", "step_after"));
        section(b, 6, training(p, table, o.epochs()));
        section(b, 7, "<p>With the gradients of a computational graph, an optimizer and a loss, a few hundred lines train "
                + "a network. Read the whole argument in <a href=\"" + POST_URL + "\">the post</a>.</p>\n");
        b.append("<section id=\"moons\">\n<h2>Beyond the post: micrograd's demo</h2>\n").append(p.figure("moons"))
                .append("<p>Training accuracy ").append(escape(Demo.percent(moons.trainAccuracy()))).append(".</p>\n</section>\n");
        b.append(p.rest());
        return b.append("</article>\n</body>\n</html>\n").toString();
    }

    private static void section(StringBuilder b, int index, String body) {
        String title = POST_SECTIONS.get(index);
        b.append("<section id=\"").append(title.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-").replaceAll("-$", ""))
                .append("\">\n<h2>").append(escape(title)).append("</h2>\n").append(body).append("</section>\n");
    }

    private static String training(PageFigures p, List<Demo.Row> table, int epochs) {
        StringBuilder b = new StringBuilder();
        b.append("<p>Is a point inside the unit circle? A 2 → N tanh → 1 tanh network with squared error, trained "
                + "sample by sample for ").append(epochs).append(" epochs, side by side as it learns (each links to its "
                + "final picture):</p>\n");
        b.append("<div class=\"grid\">\n");
        for (Demo.Row r : table) {
            b.append(p.boundary(r.hidden()));
        }
        b.append("</div>\n");
        b.append(accuracy(table, epochs));
        b.append(p.pair("Loss and accuracy by epoch for nine neurons", "9_neurons_loss", "9_neurons_accuracy"));
        return b.toString();
    }

    private static String accuracy(List<Demo.Row> table, int epochs) {
        StringBuilder b = new StringBuilder();
        b.append("<table>\n<caption>Accuracy after ").append(epochs)
                .append(" epochs, beside the post author's notebook (epoch 200)</caption>\n");
        b.append("<tr><th>hidden neurons</th><th>train accuracy</th><th>validation accuracy</th>"
                + "<th>post: train</th><th>post: validation</th></tr>\n");
        for (Demo.Row r : table) {
            double[] post = post(r.hidden());
            b.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%.3f</td><td>%.3f</td><td>%s</td><td>%s</td></tr>%n",
                    r.hidden(), r.last().trainAccuracy(), r.last().valAccuracy(),
                    post == null ? "" : String.format(Locale.ROOT, "%.3f", post[0]),
                    post == null ? "" : String.format(Locale.ROOT, "%.3f", post[1])));
        }
        return b.append("</table>\n").toString();
    }

    private static String head() {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title>jgrad demo: the figures of the post</title>
                <style>
                  body { font-family: system-ui, sans-serif; line-height: 1.5; color: #222; margin: 0; }
                  article { max-width: 980px; margin: 2em auto; padding: 0 1em; }
                  figure { margin: 1.2em 0; }
                  figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
                  .grid { display: grid; grid-template-columns: repeat(2, 1fr); gap: 1em; }
                  .grid figure, .pair figure { margin: 0; }
                  .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 1em; }
                  .pair figure.wide { grid-column: 1 / -1; }
                  @media (max-width: 640px) { .grid { grid-template-columns: 1fr; } }
                  figcaption { color: #444; margin-top: .4em; font-size: .95em; }
                  table { border-collapse: collapse; margin: 1em 0; }
                  caption { text-align: left; color: #444; }
                  th, td { border: 1px solid #ccc; padding: .3em .8em; text-align: right; }
                  table.derivatives td { text-align: left; }
                  code { background: #f4f4f4; padding: 0 .2em; }
                  .note { background: #fff6e0; padding: .6em 1em; border-left: 4px solid #e0a000; }
                </style>
                </head>
                <body>
                """;
    }

    static String stem(String file) {
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
