package dev.jgrad.cli;

import static dev.jgrad.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
            // Before training and after epoch 6; after epochs 1 to 5 only if the boundary moved.
            assertThat(gif.getNumImages(true)).isBetween(2, 7);
            assertThat(gif.getWidth(0)).isEqualTo(png.getWidth());
            assertThat(gif.getHeight(0)).isEqualTo(png.getHeight());
        }
    }

    /** Okabe–Ito's orange, blue and green, as the regions' tints (35 % over white). */
    private static final int[] REGIONS = {tint(0xe69f00), tint(0x0072b2), tint(0x009e73)};

    private static int tint(int rgb) {
        int r = (int) Math.round(255 + 0.35 * (((rgb >> 16) & 0xff) - 255));
        int g = (int) Math.round(255 + 0.35 * (((rgb >> 8) & 0xff) - 255));
        int b = (int) Math.round(255 + 0.35 * ((rgb & 0xff) - 255));
        return r << 16 | g << 8 | b;
    }

    @ParameterizedTest
    @CsvSource({"spiral, 32", "gauss, 8"})
    void threeClassesInTwoFeaturesGetTheirArgMaxRegionsInClassColours(String data, String hidden) throws IOException {
        MainTest.Run r = run("train", "--data", data, "--classes", "3", "--points", "150", "--hidden", hidden,
                "--epochs", "40", "--plots", "--progress", "none", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("no decision boundary");
        assertThat(dir.resolve("boundary.gif")).exists();
        BufferedImage png = ImageIO.read(dir.resolve("boundary.png").toFile());
        int[] count = new int[3];
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                int rgb = png.getRGB(x, y) & 0xffffff;
                for (int c = 0; c < 3; c++) {
                    count[c] += rgb == REGIONS[c] ? 1 : 0;
                }
            }
        }
        int area = png.getWidth() * png.getHeight();
        for (int c = 0; c < 3; c++) {
            assertThat(count[c]).as("pixels of class %d's region", c).isGreaterThan(area / 40);
        }
    }

    @Test
    void aBoundaryNeedsTwoFeatures() throws IOException {
        Path csv = dir.resolve("three.csv");
        StringBuilder b = new StringBuilder("a,b,c,label\n");
        for (int i = 0; i < 30; i++) {
            b.append(i).append(',').append(i % 7).append(',').append(i % 3).append(',').append(i % 2 == 0 ? "yes" : "no").append('\n');
        }
        Files.writeString(csv, b.toString());
        MainTest.Run r = run("train", "--csv", csv.toString(), "--label", "label", "--epochs", "3", "--plots",
                "--progress", "none", "--out", dir.resolve("o").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("no decision boundary: it needs 2 features");
        assertThat(dir.resolve("o/boundary.gif")).doesNotExist();
        assertThat(dir.resolve("o/loss.png")).exists();
    }

    /** Seconds of training as --json reports them, and the wall time of the whole command. */
    private double[] timed(Path out, String... args) throws IOException {
        long start = System.nanoTime();
        MainTest.Run r = run(concat(args, "--out", out.toString()));
        double wall = (System.nanoTime() - start) / 1e9;
        assertThat(r.code()).as(r.err()).isZero();
        Matcher m = Pattern.compile("\"seconds\": ?([0-9.eE+-]+)").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        List<String> rows = Files.readAllLines(out.resolve("metrics.csv"));
        String[] last = rows.get(rows.size() - 1).split(",");
        return new double[] {Double.parseDouble(m.group(1)), wall, Double.parseDouble(last[last.length - 1])};
    }

    @Test
    void drawingTimeIsNotTrainingTime() throws IOException {
        String[] common = {"train", "--data", "moons", "--points", "80", "--hidden", "8", "--epochs", "150",
                "--batch", "full", "--json", "--progress", "none"};
        timed(dir.resolve("warm"), common);
        double[] bare = timed(dir.resolve("bare"), common);
        double[] drawn = timed(dir.resolve("drawn"), concat(common, "--plots", "--frame-every", "1"));
        double drawing = drawn[1] - bare[1];
        assertThat(drawing).as("the pictures take time to draw").isGreaterThan(0.3);
        // Training time with pictures stays near the time without: less than a third of the drawing added.
        assertThat(drawn[0]).isLessThan(bare[0] + drawing / 3);
        assertThat(drawn[2]).as("metrics.csv's last elapsed_s").isLessThan(bare[2] + drawing / 3).isLessThanOrEqualTo(drawn[0]);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aFrameIntervalBelowOneIsAUsageError() {
        MainTest.Run r = run("train", "--data", "circle", "--epochs", "2", "--plots", "--frame-every", "0",
                "--progress", "none", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("jgrad: --frame-every must be at least 1");
    }
}
