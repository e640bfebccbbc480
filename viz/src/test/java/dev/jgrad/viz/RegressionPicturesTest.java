package dev.jgrad.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
import org.knowm.xchart.XYChart;

class RegressionPicturesTest {
    @TempDir
    Path dir;

    @Test
    void theFitChartHasTheDataAsPointsAndTheFunctionAsALineOverTheirRange() throws IOException {
        Dataset sine = Datasets.sine(80, 0.1, new Rng(2));
        XYChart chart = FitChart.chart(sine, Math::sin, "sine");
        assertThat(chart.getSeriesMap()).containsOnlyKeys("data", "model");
        double[] x = chart.getSeriesMap().get("model").getXData();
        double[] y = chart.getSeriesMap().get("model").getYData();
        assertThat(x).hasSize(FitChart.SAMPLES);
        for (int i = 0; i < x.length; i++) {
            assertThat(y[i]).isEqualTo(Math.sin(x[i]));
        }
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] p : sine.points()) {
            lo = Math.min(lo, p[0]);
            hi = Math.max(hi, p[0]);
        }
        assertThat(x[0]).isEqualTo(lo);
        assertThat(x[x.length - 1]).isCloseTo(hi, within(1e-12));
        assertThat(chart.getSeriesMap().get("data").getYData()).containsExactly(sine.targets());
        Path png = dir.resolve("fit.png");
        FitChart.write(sine, Math::sin, "sine", png);
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(640);
        assertThatThrownBy(() -> FitChart.chart(Datasets.plane(10, 0, new Rng(1)), Math::sin, "t"))
                .hasMessageContaining("needs regression data of 1 feature");
    }

    private static int pixel(BufferedImage image, Point2D at) {
        return image.getRGB((int) at.getX(), (int) at.getY()) & 0xffffff;
    }

    private static boolean blue(int rgb) {
        return (rgb & 0xff) > ((rgb >> 16) & 0xff) + 40;
    }

    private static boolean red(int rgb) {
        return ((rgb >> 16) & 0xff) > (rgb & 0xff) + 40;
    }

    @Test
    void theHeatMapColoursHighPredictionsBlueAndLowOnesRed() {
        Dataset plane = Datasets.plane(100, 0, new Rng(3));
        BoundaryPlot plot = BoundaryPlot.heatMap(plane).points(false);
        BufferedImage image = plot.draw((x, y) -> (x + y) / 10, "plane");
        assertThat(blue(pixel(image, plot.pixel(5, 5)))).as("high corner").isTrue();
        assertThat(red(pixel(image, plot.pixel(-5, -5)))).as("low corner").isTrue();
        // Reversed prediction, reversed colours: the picture draws the model, not the data.
        BufferedImage reversed = plot.draw((x, y) -> -(x + y) / 10, "plane");
        assertThat(red(pixel(reversed, plot.pixel(5, 5)))).isTrue();
        assertThatThrownBy(() -> BoundaryPlot.heatMap(Datasets.moons(10, 0, new Rng(1))))
                .hasMessageContaining("a heat map needs regression data of 2 features");
    }
}
