package dev.jgrad.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundaryPlotTest {
    @TempDir
    Path dir;

    private static boolean blue(int rgb) {
        return (rgb & 0xff) > ((rgb >> 16) & 0xff) + 40;
    }

    private static boolean red(int rgb) {
        return ((rgb >> 16) & 0xff) > (rgb & 0xff) + 40;
    }

    @Test
    void theUnitCircleScorerColoursTheCentreInsideAndTheCornersOutside() {
        Dataset train = Datasets.circle(300, 0, new Rng(1));
        BoundaryPlot plot = BoundaryPlot.of(train).points(false);
        BufferedImage image = plot.draw((x, y) -> 1 - x * x - y * y, BoundaryPlot.title(200, 9));

        double h = Datasets.CIRCLE_HALF_SIDE * 0.97;
        assertThat(blue(pixel(image, plot.pixel(0, 0)))).as("centre is inside-coloured").isTrue();
        for (double[] corner : new double[][] {{-h, -h}, {-h, h}, {h, -h}, {h, h}}) {
            assertThat(red(pixel(image, plot.pixel(corner[0], corner[1])))).as("corner %s", corner).isTrue();
        }
    }

    private static int pixel(BufferedImage image, Point2D at) {
        return image.getRGB((int) at.getX(), (int) at.getY()) & 0xffffff;
    }

    @Test
    void theTitleKeepsAMarginFromTheLeftEdge() {
        Dataset data = Datasets.circle(50, 0, new Rng(3));
        for (int size : new int[] {200, 240, 300, 440}) {
            BufferedImage image = BoundaryPlot.of(data).plotSize(size).draw((x, y) -> x, BoundaryPlot.title(200, 1));
            int font = Math.max(10, Math.round(size / 34f));
            int background = image.getRGB(0, 0);
            // The title band: everything above the plotting area, within a font size of the left edge.
            for (int y = 0; y < font * 3 - 2; y++) {
                for (int x = 0; x < font; x++) {
                    assertThat(image.getRGB(x, y)).as("pixel (%d, %d) at size %d", x, y, size).isEqualTo(background);
                }
            }
        }
    }

    @Test
    void aConstantScoreHasOneColourAndItsSignDecides() {
        Dataset data = Datasets.circle(50, 0, new Rng(3));
        BoundaryPlot plot = BoundaryPlot.of(data).points(false).unitCircle(false);
        BufferedImage positive = plot.draw((x, y) -> 1, "t");
        BufferedImage negative = plot.draw((x, y) -> -1, "t");
        Point2D p = plot.pixel(0.3, -0.2);
        assertThat(blue(pixel(positive, p))).isTrue();
        assertThat(red(pixel(negative, p))).isTrue();
    }

    @Test
    void theImageHasTheSizeOfItsLayoutAndKeepsTheDataAspect() {
        Dataset data = Datasets.circle(50, 0, new Rng(3));
        BufferedImage square = BoundaryPlot.of(data).plotSize(300).draw((x, y) -> x, "t");
        BufferedImage wide = BoundaryPlot.of(data).plotSize(300).region(new BoundaryPlot.Region(0, 2, 0, 1)).draw((x, y) -> x, "t");
        assertThat(square.getWidth()).isGreaterThan(300).isLessThan(600);
        Point2D a = BoundaryPlot.of(data).plotSize(300).region(new BoundaryPlot.Region(0, 2, 0, 1)).pixel(0, 0);
        Point2D b = BoundaryPlot.of(data).plotSize(300).region(new BoundaryPlot.Region(0, 2, 0, 1)).pixel(2, 1);
        assertThat(b.getX() - a.getX()).isEqualTo(300);
        assertThat(a.getY() - b.getY()).isEqualTo(150);
        assertThat(wide.getWidth()).isEqualTo(square.getWidth());
    }

    @Test
    void thePngDecodesWithTheSameSizeAndColours() throws IOException {
        Dataset data = Datasets.moons(40, 0.1, new Rng(5));
        BufferedImage image = BoundaryPlot.of(data).draw((x, y) -> y - 0.25, "moons");
        Path file = dir.resolve("m.png");
        Images.writePng(image, file);
        BufferedImage read = ImageIO.read(file.toFile());
        assertThat(read.getWidth()).isEqualTo(image.getWidth());
        assertThat(read.getHeight()).isEqualTo(image.getHeight());
        Point2D p = BoundaryPlot.of(data).pixel(0.5, 1.0);
        assertThat(read.getRGB((int) p.getX(), (int) p.getY())).isEqualTo(image.getRGB((int) p.getX(), (int) p.getY()));
    }

    @Test
    void titlesCountEpochsAndNeuronsLikeThePost() {
        assertThat(BoundaryPlot.title(200, 9)).isEqualTo("Decision Boundary (200 Epochs; 9 Neurons)");
        assertThat(BoundaryPlot.title(1, 1)).isEqualTo("Decision Boundary (1 Epoch; 1 Neuron)");
    }

    @Test
    void dataThatIsNotTwoClassesInTwoDimensionsIsRefused() {
        Dataset flowers = new Dataset("flowers", new double[][] {{1, 2, 3}}, new int[] {0}, 2);
        assertThatThrownBy(() -> BoundaryPlot.of(flowers)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 2 features");
        Dataset spiral = Datasets.spiral(30, 3, 0, new Rng(1));
        assertThatThrownBy(() -> BoundaryPlot.of(spiral).draw((x, y) -> x, "t")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("drawClasses");
    }
}
