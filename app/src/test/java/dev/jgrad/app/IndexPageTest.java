package dev.jgrad.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.viz.Graphviz;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** index.html reads as an article that follows the post, and everything it mentions is there. */
class IndexPageTest {
    /** The post's table of contents. */
    private static final List<String> POST = List.of("Background", "Neural Networks", "Computational graphs", "Calculus",
            "Gradients on a Computational Graph", "The Other Parts of Training a Neural Network", "Training a Network!",
            "Conclusion");

    @TempDir
    static Path dir;
    static Document page;
    static String html;

    @BeforeAll
    static void demo() throws Exception {
        Demo.run(new Demo.Options(dir, 42, 4, 2, 240, Graphviz.find()), new PrintWriter(new StringWriter(), true));
        html = Files.readString(dir.resolve("index.html"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        page = f.newDocumentBuilder().parse(dir.resolve("index.html").toFile());
    }

    private static List<Element> all(String tag) {
        NodeList n = page.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < n.getLength(); i++) {
            out.add((Element) n.item(i));
        }
        return out;
    }

    @Test
    void theSectionsAreThePostsInItsOrder() {
        List<String> h2 = all("h2").stream().map(Element::getTextContent).filter(POST::contains).toList();
        assertThat(h2).containsExactlyElementsOf(POST);
        assertThat(all("h3").stream().map(Element::getTextContent)).containsSubsequence("What is a computational graph?",
                "The Trivial Case", "Two Levels Deep - Propagating Gradients", "Gradient Descent");
    }

    @Test
    void everyFileItMentionsExistsAndEveryPictureWrittenIsLinked() throws Exception {
        List<String> refs = new ArrayList<>();
        all("img").forEach(e -> refs.add(e.getAttribute("src")));
        all("a").forEach(e -> refs.add(e.getAttribute("href")));
        List<String> local = refs.stream().filter(r -> !r.startsWith("http")).toList();
        assertThat(local).isNotEmpty();
        for (String r : local) {
            assertThat(dir.resolve(r)).as(r).isRegularFile();
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (String name : files.map(p -> p.getFileName().toString()).filter(n -> n.matches(".*\\.(svg|png|gif|dot)")).toList()) {
                assertThat(refs).as("a link to %s", name).contains(name);
            }
        }
        assertThat(refs).anyMatch(r -> r.equals(IndexPage.POST_URL));
        assertThat(html).contains(IndexPage.POST_TITLE);
    }

    @Test
    void calculusHasThePostsTableOfDerivatives() {
        Element calculus = all("section").stream().filter(e -> e.getAttribute("id").equals("calculus")).findFirst().orElseThrow();
        NodeList rows = calculus.getElementsByTagName("tr");
        List<String> text = new ArrayList<>();
        for (int i = 0; i < rows.getLength(); i++) {
            text.add(rows.item(i).getTextContent());
        }
        assertThat(text).hasSize(5);
        assertThat(text.get(1)).startsWith("addition").contains("x + y");
        assertThat(text.get(2)).startsWith("multiplication").contains("x · y");
        assertThat(text.get(3)).startsWith("tanh").contains("1 − tanh(x)²");
        assertThat(text.get(4)).startsWith("pow").contains("y · xʸ⁻¹");
    }

    @Test
    void theFourBoundariesSitSideBySideInAGrid() {
        Element grid = all("div").stream().filter(d -> d.getAttribute("class").equals("grid")).findFirst().orElseThrow();
        NodeList figures = grid.getElementsByTagName("figure");
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < figures.getLength(); i++) {
            shown.add(((Element) ((Element) figures.item(i)).getElementsByTagName("img").item(0)).getAttribute("src"));
        }
        assertThat(shown).containsExactly("1_neurons.gif", "2_neurons.gif", "3_neurons.gif", "9_neurons.gif");
        assertThat(html).contains(".grid { display: grid; grid-template-columns: repeat(2, 1fr);");
        assertThat(html).containsOnlyOnce("src=\"9_neurons.gif\"");
        assertThat(all("table")).hasSize(2);
    }

    @Test
    void figuresScaleToTheColumnAndAWideOneLinksToItsFullSize() throws Exception {
        assertThat(html).contains("figure img { max-width: 100%;");
        int wide = 0;
        for (Element figure : all("figure")) {
            NodeList img = figure.getElementsByTagName("img");
            if (img.getLength() != 1) {
                continue;
            }
            String src = ((Element) img.item(0)).getAttribute("src");
            Path png = dir.resolve(IndexPage.stem(src) + ".png");
            if (!Files.exists(png)) {
                continue;
            }
            BufferedImage image = ImageIO.read(png.toFile());
            boolean isWide = image.getWidth() > PageFigures.WIDE * image.getHeight();
            assertThat(figure.getAttribute("class").equals("wide")).as(src).isEqualTo(isWide);
            wide += isWide ? 1 : 0;
        }
        if (Graphviz.find().available()) {
            assertThat(wide).as("the neuron figure is wide").isPositive();
            assertThat(html).doesNotContain("max-width: none").contains(".pair figure.wide { grid-column: 1 / -1; }")
                    .contains("open full size");
        }
    }
}
