package dev.jgrad.viz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a reader of a boundary picture needs: axis titles, a colour bar in outputs, whole points, no empty third. */
class BoundaryLayoutTest {
    private static boolean white(int rgb) {
        return (rgb & 0xffffff) == 0xffffff;
    }

    private static int font(int size) {
        return Math.max(10, Math.round(size / 34f));
    }

    /** Ink in the rectangle [x0, x1) × [y0, y1). */
    private static int ink(BufferedImage image, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(image.getWidth(), x1); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 300) {
                    n++;
                }
            }
        }
        return n;
    }

    @ParameterizedTest
    @ValueSource(ints = {240, 440, 600})
    void theAxesHaveTitlesBelowAndLeftOfThePlot(int size) {
        Dataset data = Datasets.circle(60, 0, new Rng(size));
        BoundaryPlot named = BoundaryPlot.of(data).plotSize(size).axes("petal length", "petal width");
        BoundaryPlot blank = BoundaryPlot.of(data).plotSize(size).axes("", "");
        BufferedImage a = named.draw((x, y) -> x, "t");
        BufferedImage b = blank.draw((x, y) -> x, "t");
        int f = font(size);
        Point2D bottomLeft = named.pixel(-1, -Datasets.CIRCLE_HALF_SIDE * 1.05);
        int bottom = (int) bottomLeft.getY();
        Point2D centre = named.pixel(0, 0);
        // Under the tick labels, round the plot's centre; left of the tick labels, round its middle.
        int cx = (int) centre.getX();
        int cy = (int) centre.getY();
        assertThat(ink(a, cx - 3 * f, bottom + 2 * f, cx + 3 * f, bottom + (int) (3.4 * f))).isGreaterThan(10);
        assertThat(ink(b, cx - 3 * f, bottom + 2 * f, cx + 3 * f, bottom + (int) (3.4 * f))).isZero();
        assertThat(ink(a, 0, cy - 3 * f, (int) (1.6 * f), cy + 3 * f)).isGreaterThan(10);
        assertThat(ink(b, 0, cy - 3 * f, (int) (1.6 * f), cy + 3 * f)).isZero();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void theColourBarIsLabelledWithTheModelsOutputAndItsBoundary(long seed) {
        Rng random = new Rng(seed);
        double low = -random.nextDouble(0.1, 0.5);
        double high = random.nextDouble(0.1, 0.5);
        // Squared error against 0/1 targets: the output is the score + 0.5, the boundary at 0.5.
        List<String> labels = Decorations.barLabels(s -> s + 0.5, low, high);
        assertThat(labels.get(0)).isEqualTo(label(high + 0.5));
        assertThat(labels.get(1)).isEqualTo("0.5");
        assertThat(labels.get(2)).isEqualTo(label(low + 0.5));
        List<String> probability = Decorations.barLabels(s -> 1 / (1 + Math.exp(-s)), -3, 3);
        assertThat(probability).containsExactly("0.95", "0.5", "0.05");
    }

    private static String label(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 440})
    void pointsOnTheBorderOfTheDataAreDrawnWhole(int size) {
        double h = Datasets.CIRCLE_HALF_SIDE;
        double[][] points = {{-h, -h}, {h, h}, {-h, h}, {h, -h}, {0, h}, {h, 0}};
        Dataset data = new Dataset("circle", points, new int[] {0, 0, 0, 0, 0, 0}, 2);
        BoundaryPlot plot = BoundaryPlot.of(data).plotSize(size);
        BufferedImage image = plot.draw((x, y) -> 1 - x * x - y * y, "t");
        double r = font(size) * 0.3;
        for (double[] p : points) {
            Point2D at = plot.pixel(p[0], p[1]);
            for (double[] d : new double[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                // Clipped, the half of a dot beyond the plotting area was the white around it.
                int rgb = image.getRGB((int) Math.floor(at.getX() + d[0] * r * 0.8), (int) Math.floor(at.getY() + d[1] * r * 0.8));
                assertThat(white(rgb)).as("point (%.2f, %.2f) towards %s", p[0], p[1], Arrays.toString(d)).isFalse();
            }
        }
    }

    /** The largest all-white rectangle of the picture, as a fraction of its area (on 4-pixel cells). */
    static double emptiest(BufferedImage image) {
        int cell = 4;
        int w = image.getWidth() / cell;
        int h = image.getHeight() / cell;
        int[] run = new int[w];
        long best = 0;
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                boolean empty = true;
                for (int y = j * cell; y < (j + 1) * cell && empty; y++) {
                    for (int x = i * cell; x < (i + 1) * cell && empty; x++) {
                        empty = white(image.getRGB(x, y));
                    }
                }
                run[i] = empty ? run[i] + 1 : 0;
            }
            for (int i = 0; i < w; i++) {
                int height = Integer.MAX_VALUE;
                for (int k = i; k < w && run[k] > 0; k++) {
                    height = Math.min(height, run[k]);
                    best = Math.max(best, (long) height * (k - i + 1));
                }
            }
        }
        return (double) best / ((long) w * h);
    }

    @ParameterizedTest
    @ValueSource(strings = {"circle", "moons", "xor"})
    void noLargePartOfThePictureIsEmpty(String name) {
        Dataset data = Datasets.generate(name, 120, 0.1, 2, new Rng(9));
        for (int size : new int[] {300, 440}) {
            BufferedImage image = BoundaryPlot.of(data).plotSize(size).draw((x, y) -> x + 0.3 * y, BoundaryPlot.title(200, 9));
            assertThat(emptiest(image)).as("%s at %d", name, size).isLessThan(0.08);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void manyClassesFillTheirArgMaxRegionsInTheirOwnColours(int k) {
        Dataset data = Datasets.gauss(90, k, 0.1, new Rng(k));
        double[][] centre = new double[k][2];
        int[] count = new int[k];
        for (int i = 0; i < data.size(); i++) {
            centre[data.labels()[i]][0] += data.points()[i][0];
            centre[data.labels()[i]][1] += data.points()[i][1];
            count[data.labels()[i]]++;
        }
        for (int c = 0; c < k; c++) {
            centre[c][0] /= count[c];
            centre[c][1] /= count[c];
        }
        BoundaryPlot plot = BoundaryPlot.of(data).points(false);
        BufferedImage image = plot.drawClasses((x, y) -> {
            double[] s = new double[k];
            for (int c = 0; c < k; c++) {
                s[c] = -Math.hypot(x - centre[c][0], y - centre[c][1]);
            }
            return s;
        }, "t");
        for (int c = 0; c < k; c++) {
            Point2D at = plot.pixel(centre[c][0], centre[c][1]);
            assertThat(image.getRGB((int) at.getX(), (int) at.getY()) & 0xffffff).as("class %d", c).isEqualTo(Palette.region(c));
        }
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                assertThat(Palette.region(a)).isNotEqualTo(Palette.region(b));
            }
        }
    }
}
