package dev.jgrad.cli;

import static dev.jgrad.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {
    @TempDir
    Path dir;

    @Test
    void trainWithPlotsWritesTheBoundaryAnimationAndChartsBesideTheModel() throws IOException {
        MainTest.Run r = run("train", "--data", "circle", "--points", "60", "--hidden", "4", "--epochs", "6",
                "--frame-every", "2", "--plots", "--progress", "none", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("boundary.gif, boundary.png, loss.png, accuracy.png, loss.svg, accuracy.svg");
        for (String name : new String[] {"model.json", "metrics.csv", "boundary.png", "loss.png", "accuracy.png", "loss.svg", "accuracy.svg"}) {
            assertThat(dir.resolve(name)).as(name).exists();
        }
        BufferedImage png = ImageIO.read(dir.resolve("boundary.png").toFile());
        try (ImageInputStream in = ImageIO.createImageInputStream(dir.resolve("boundary.gif").toFile())) {
            ImageReader gif = ImageIO.getImageReadersByFormatName("gif").next();
            gif.setInput(in);
            assertThat(gif.getNumImages(true)).isEqualTo(4);   // before training, after epochs 2, 4 and 6
            assertThat(gif.getWidth(0)).isEqualTo(png.getWidth());
            assertThat(gif.getHeight(0)).isEqualTo(png.getHeight());
        }
    }

    @Test
    void withMoreThanTwoClassesOnlyTheChartsAreDrawn() {
        MainTest.Run r = run("train", "--data", "spiral", "--points", "60", "--epochs", "3", "--plots",
                "--progress", "none", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("no decision boundary: it needs 2 features and 2 classes");
        assertThat(dir.resolve("boundary.gif")).doesNotExist();
        assertThat(dir.resolve("loss.png")).exists();
    }

    @Test
    void aFrameIntervalBelowOneIsAUsageError() {
        MainTest.Run r = run("train", "--data", "circle", "--epochs", "2", "--plots", "--frame-every", "0",
                "--progress", "none", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("jgrad: --frame-every must be at least 1");
    }
}
