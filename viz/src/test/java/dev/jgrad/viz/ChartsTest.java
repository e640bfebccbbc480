package dev.jgrad.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.train.EpochMetrics;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
    @TempDir
    Path dir;

    private static List<EpochMetrics> history(boolean validation) {
        List<EpochMetrics> h = new ArrayList<>();
        for (int e = 1; e <= 30; e++) {
            double v = validation ? 0.5 + 0.01 * e : Double.NaN;
            h.add(new EpochMetrics(e, 1.0 / e, 0.5 + 0.015 * e, validation ? 1.2 / e : Double.NaN, v));
        }
        return h;
    }

    @Test
    void lossAndAccuracyArePngsOfTheChartSize() throws IOException {
        Charts.loss(history(true), "Average loss by epoch", dir.resolve("loss.png"));
        Charts.accuracy(history(true), "Accuracy by epoch", dir.resolve("accuracy.png"));
        for (String name : List.of("loss.png", "accuracy.png")) {
            BufferedImage image = ImageIO.read(dir.resolve(name).toFile());
            assertThat(image.getWidth()).isEqualTo(640);
            assertThat(image.getHeight()).isEqualTo(400);
        }
    }

    @Test
    void theSvgHasTheChartSizeAndBothSeriesLines() throws IOException {
        Charts.accuracy(history(true), "Accuracy by epoch", dir.resolve("accuracy.svg"));
        String svg = Files.readString(dir.resolve("accuracy.svg"));
        assertThat(svg).contains("<svg").contains("viewBox=\"0 0 640 400\"").endsWith("</svg>\n")
                .contains("stroke=\"#2166ac\"").contains("stroke=\"#d6604d\"");
    }

    /** A 200-epoch chart (the demo's): XChart's export was 400–476 KB of glyph outlines. */
    @ParameterizedTest
    @ValueSource(strings = {"loss", "accuracy"})
    void theSvgIsSmallWithItsWordsAsTextElements(String kind) throws Exception {
        List<EpochMetrics> h = new ArrayList<>();
        for (int e = 1; e <= 200; e++) {
            h.add(new EpochMetrics(e, 0.3 / Math.sqrt(e), 0.5 + 0.45 * e / 200, 0.32 / Math.sqrt(e), 0.5 + 0.44 * e / 200));
        }
        Path file = dir.resolve(kind + ".svg");
        if (kind.equals("loss")) {
            Charts.loss(h, "Average loss by epoch", file);
        } else {
            Charts.accuracy(h, "Accuracy by epoch", file);
        }
        assertThat(Files.size(file)).isLessThan(20_000);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        NodeList texts = doc.getElementsByTagName("text");
        List<String> words = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            words.add(texts.item(i).getTextContent());
        }
        assertThat(words).contains(kind.equals("loss") ? "Average loss by epoch" : "Accuracy by epoch", "epoch",
                kind.equals("loss") ? "mean loss" : "accuracy", "train", "validation", "0", "200");
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        assertThat(svg(file)).doesNotContain("<path");
    }

    private static String svg(Path file) throws IOException {
        return Files.readString(file);
    }

    @Test
    void withoutValidationOnlyTheTrainingSeriesIsDrawn() throws IOException {
        assertThat(Charts.chart(history(false), "t", "loss", EpochMetrics::trainLoss, EpochMetrics::valLoss, false)
                .getSeriesMap()).containsOnlyKeys("train");
    }

    @Test
    void anUnknownFormatOrAnEmptyHistoryIsRefused() {
        assertThatThrownBy(() -> Charts.loss(history(true), "t", dir.resolve("loss.jpg")))
                .hasMessageContaining("must end in .png or .svg");
        assertThatThrownBy(() -> Charts.loss(List.of(), "t", dir.resolve("loss.png")))
                .hasMessageContaining("no epochs");
        assertThat(dir).isEmptyDirectory();
    }
}
