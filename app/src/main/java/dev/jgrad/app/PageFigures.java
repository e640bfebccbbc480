package dev.jgrad.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The figures of {@link IndexPage} as HTML, each with links to every format written beside it
 * (.svg, .png, .dot, .gif), and the ones the article did not place listed at the end, so every
 * file the demo wrote is one click away.
 */
final class PageFigures {
    /** Wider than this (width : height), a figure scaled to the column would shrink its text to a few pixels. */
    static final double WIDE = 3.0;
    private static final List<String> FORMATS = List.of("svg", "png", "gif", "dot");

    private final Path dir;
    private final Map<String, Demo.Figure> figures;
    private final boolean graphs;
    private final Set<String> used = new LinkedHashSet<>();

    PageFigures(Path dir, Map<String, Demo.Figure> figures, boolean graphs) {
        this.dir = dir;
        this.figures = figures;
        this.graphs = graphs;
    }

    /** One figure, by its file's stem ("mul_after"; "9_neurons.gif" for an animation). */
    String figure(String key) {
        Demo.Figure f = figures.get(key);
        if (f == null) {
            return "";
        }
        used.add(key);
        boolean wide = wide(IndexPage.stem(f.file()));
        return "<figure" + (wide ? " class=\"wide\"" : "") + ">\n" + image(f) + "  <figcaption>"
                + IndexPage.escape(f.caption()) + " " + links(IndexPage.stem(f.file()), wide) + "</figcaption>\n</figure>\n";
    }

    /** Stages of one idea, one under the other, in one figure. */
    String stages(String caption, String... keys) {
        StringBuilder b = new StringBuilder("<figure class=\"stages\">\n");
        StringBuilder words = new StringBuilder(IndexPage.escape(caption)).append(". ");
        for (String k : keys) {
            Demo.Figure f = figures.get(k);
            if (f != null) {
                used.add(k);
                b.append(image(f));
                words.append(IndexPage.escape(f.caption())).append(' ').append(links(k, false)).append(' ');
            }
        }
        return b.append("  <figcaption>").append(words.toString().strip()).append("</figcaption>\n</figure>\n").toString();
    }

    /** Two figures side by side. */
    String pair(String caption, String a, String b) {
        return "<div class=\"pair\" aria-label=\"" + IndexPage.escape(caption) + "\">\n" + figure(a) + figure(b) + "</div>\n";
    }

    /** One size's boundary in the grid: its animation (or, without one, the final picture), both linked. */
    String boundary(int hidden) {
        String stem = hidden + "_neurons";
        Demo.Figure still = figures.get(stem);
        Demo.Figure moving = figures.get(stem + ".gif");
        if (still == null) {
            return "";
        }
        used.add(stem);
        String reading = moving == null ? "" : " " + moving.caption();
        if (moving != null) {
            used.add(stem + ".gif");
        }
        return "<figure>\n" + image(moving != null ? moving : still) + "  <figcaption>"
                + IndexPage.escape(still.caption() + reading) + " " + links(stem, false) + "</figcaption>\n</figure>\n";
    }

    /** The figures the article did not place, and a list of every file written. */
    String rest() {
        StringBuilder b = new StringBuilder("<section id=\"files\">\n<h2>Every file</h2>\n");
        for (Map.Entry<String, Demo.Figure> e : figures.entrySet()) {
            if (!used.contains(e.getKey())) {
                b.append(figure(e.getKey()));
            }
        }
        b.append("<ul class=\"files\">\n");
        Set<String> stems = new LinkedHashSet<>();
        figures.values().forEach(f -> stems.add(IndexPage.stem(f.file())));
        for (String s : stems) {
            b.append("  <li>").append(IndexPage.escape(s)).append(": ").append(links(s, false)).append("</li>\n");
        }
        return b.append("</ul>\n</section>\n").toString();
    }

    private String image(Demo.Figure f) {
        if (f.file().endsWith(".dot")) {
            return "  <p><a href=\"" + f.file() + "\">" + f.file() + "</a>" + (graphs ? "" : " (DOT text: install Graphviz for a picture)")
                    + "</p>\n";
        }
        return "  <a href=\"" + f.file() + "\"><img src=\"" + f.file() + "\" alt=\"" + IndexPage.escape(f.caption()) + "\"/></a>\n";
    }

    /** Links to each format of {@code stem} that was written, and "open full size" for a wide one. */
    private String links(String stem, boolean wide) {
        List<String> out = new ArrayList<>();
        for (String ext : FORMATS) {
            if (Files.isRegularFile(dir.resolve(stem + "." + ext))) {
                out.add("<a href=\"" + stem + "." + ext + "\">" + ext.toUpperCase(java.util.Locale.ROOT) + "</a>");
            }
        }
        String formats = out.isEmpty() ? "" : "(" + String.join(", ", out) + ")";
        return wide && Files.isRegularFile(dir.resolve(stem + ".svg"))
                ? formats + " <a class=\"open\" href=\"" + stem + ".svg\">open full size</a>" : formats;
    }

    /** Whether the figure's PNG is much wider than tall (read from its header only). */
    private boolean wide(String stem) {
        Path png = dir.resolve(stem + ".png");
        if (!Files.isRegularFile(png)) {
            return false;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
            try {
                reader.setInput(in);
                return reader.getWidth(0) > WIDE * reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return false;
        }
    }
}
