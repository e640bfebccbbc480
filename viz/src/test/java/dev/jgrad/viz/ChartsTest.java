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
import org.junit.jupiter.api.Test;
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
        // XChart draws text as outlines, so the series show by their colours.
        assertThat(svg).contains("<svg").contains("viewBox=\"0 0 640 400\"").endsWith("</svg>\n")
                .contains("stroke:rgb(33,102,172)").contains("stroke:rgb(214,96,77)");
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
