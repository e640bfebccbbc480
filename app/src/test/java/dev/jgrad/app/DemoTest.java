package dev.jgrad.app;

import static org.assertj.core.api.Assertions.assertThat;
import dev.jgrad.viz.GifFrames;
import dev.jgrad.viz.Graphviz;

import dev.jgrad.app.CircleExperiment;
import dev.jgrad.train.EpochMetrics;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo, shortened to a few epochs: every file it promises, and a page that shows them all. */
class DemoTest {
    @TempDir
    Path dir;

    private Demo.Result run(Path out, Graphviz graphviz, StringWriter log) {
        return Demo.run(new Demo.Options(out, 42, 6, 2, 300, graphviz), new PrintWriter(log, true));
    }

    @Test
    void writesEveryFigureItListsAndAnIndexThatShowsThem() throws IOException {
        StringWriter log = new StringWriter();
        Path out = dir.resolve("out");
        Demo.Result result = run(out, Graphviz.find(), log);

        List<String> expected = List.of("mul_before.dot", "mul_after.dot", "network.dot", "neuron_h1.dot", "two_levels_1.dot",
                "two_levels_2.dot", "two_levels_3.dot", "step_before.dot", "step_after.dot",
                "1_neurons.gif", "1_neurons.png", "2_neurons.gif", "2_neurons.png", "3_neurons.gif", "3_neurons.png",
                "9_neurons.gif", "9_neurons.png", "9_neurons_loss.png", "9_neurons_loss.svg",
                "9_neurons_accuracy.png", "9_neurons_accuracy.svg", "moons.png", "index.html");
        assertThat(result.files()).extracting(p -> p.getFileName().toString()).containsAll(expected);
        try (Stream<Path> listed = Files.list(out)) {
            assertThat(listed.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
                    result.files().stream().map(p -> p.getFileName().toString()).toList());
        }
        if (result.graphPictures()) {
            assertThat(out.resolve("two_levels_3.svg")).content().contains("grad 10.0000");
            assertThat(ImageIO.read(out.resolve("mul_after.png").toFile())).isNotNull();
        }
        // Mid-edge, the w2 label sat on the crossing of x2 -> h1 and x1 -> h2; it belongs by its input.
        assertThat(out.resolve("network.dot")).content().contains("x2 -> h1 [taillabel=\"w2\"").doesNotContain("[label=\"w");
        assertThat(out.resolve("step_after.dot")).content().contains("{ h1 | data 25.6000 | grad 0.0000 }")
                .contains("{ w2: 5 → 4.92 (-0.08) | data 4.9200");
        assertThat(out.resolve("two_levels_1.dot")).content().contains("{ w1 | data 3.0000 | grad 0.0000 }")
                .contains("{ h1 | data 26.0000 | grad 2.0000 }");
        // The step is written on the weights it moved.
        assertThat(out.resolve("step_after.dot")).content().contains("w1: 3 → 2.96 (-0.04)").contains("w2: 5 → 4.92 (-0.08)")
                .contains("{ h1 | data 25.6000 |");
        // h1 names the same thing in every figure, as in the post: the sum o1 + o2 (tanh is applied to it).
        assertThat(out.resolve("neuron_h1.dot")).content().contains("{ h1 | data 0.5000 |").contains("{ tanh(h1) | data 0.4621 |")
                .doesNotContain("o1 + o2 |");
        assertThat(out.resolve("two_levels_3.dot")).content().contains("{ w1 | data 3.0000 | grad 4.0000 }")
                .contains("{ x2 | data 4.0000 | grad 10.0000 }");

        // An initial frame, the last, and between them after epochs 1 to 5 if the boundary moved.
        GifFrames nine = new GifFrames(out.resolve("9_neurons.gif"));
        assertThat(nine.frames).hasSizeBetween(2, 7);
        assertThat(nine.loops).isTrue();
        BufferedImage last = ImageIO.read(out.resolve("9_neurons.png").toFile());
        assertThat(nine.width).isEqualTo(last.getWidth());
        assertThat(nine.height).isEqualTo(last.getHeight());

        String index = Files.readString(out.resolve("index.html"));
        for (String name : expected) {
            boolean graph = name.endsWith(".dot");
            if (graph && result.graphPictures()) {
                name = name.replace(".dot", ".svg");
            }
            if (!name.equals("index.html")) {
                // Shown, or linked (the animations of 1, 2 and 3 neurons, the SVG charts, the .dot files).
                assertThat(index).as("index links %s", name).contains("href=\"" + name + "\"");
            }
        }
        assertThat(log.toString()).contains("hidden   train acc").contains("index.html").contains("moons");
        // The trainings are told in the article's order, whichever finished first.
        assertThat(log.toString()).containsSubsequence("  1 neuron: ", "  2 neurons: ", "  3 neurons: ", "  9 neurons: ", "  moons: ");
        assertThat(result.table()).extracting(Demo.Row::hidden).containsExactly(1, 2, 3, 9);
        // The same experiment trained again on its own must give the accuracies the page and the log print.
        for (Demo.Row row : result.table()) {
            EpochMetrics alone = CircleExperiment.run(row.hidden(), 42, 6).last();
            assertThat(row.last()).isEqualTo(alone);
            assertThat(index).contains(String.format(Locale.ROOT, "<tr><td>%d</td><td>%.3f</td><td>%.3f</td>",
                    row.hidden(), alone.trainAccuracy(), alone.valAccuracy()));
            assertThat(log.toString()).containsPattern(String.format(Locale.ROOT, "(?m)^%6d   %5.3f \\(.*\\)     %5.3f \\(",
                    row.hidden(), alone.trainAccuracy(), alone.valAccuracy()));
        }
    }

    @Test
    void withoutGraphvizTheGraphsAreDotFilesAndTheUserIsToldHowToGetPictures() throws IOException {
        StringWriter log = new StringWriter();
        Path out = dir.resolve("plain");
        // An earlier run with Graphviz left pictures; one file of the user's shares the folder.
        Files.createDirectories(out);
        for (String name : List.of("mul_after.svg", "mul_after.png", "network.svg", "step_after.png", "mine.svg")) {
            Files.writeString(out.resolve(name), "old");
        }
        Demo.Result result = run(out, Graphviz.find(dir.resolve("no-bin").toString()), log);

        assertThat(result.graphPictures()).isFalse();
        assertThat(out.resolve("mul_after.dot")).exists();
        for (String stale : List.of("mul_after.svg", "mul_after.png", "network.svg", "step_after.png")) {
            assertThat(out.resolve(stale)).as("stale %s", stale).doesNotExist();
        }
        assertThat(out.resolve("mine.svg")).hasContent("old");
        assertThat(out.resolve("9_neurons.gif")).exists();
        assertThat(log.toString()).contains("apt-get install graphviz");
        assertThat(Files.readString(out.resolve("index.html"))).contains("href=\"mul_after.dot\"").contains("apt-get install graphviz");
    }
}
