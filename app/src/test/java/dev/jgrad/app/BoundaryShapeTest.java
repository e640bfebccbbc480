package dev.jgrad.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Datasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo shows what the post says: two neurons bend the boundary, and the caption says what is drawn. */
class BoundaryShapeTest {
    private static final double H = Datasets.CIRCLE_HALF_SIDE;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void aLineOrAStripIsStraightAndAParabolaBends(long seed) {
        Rng r = new Rng(seed);
        double angle = r.nextDouble(0, Math.PI);
        double c = r.nextDouble(-0.3, 0.3);
        double w = r.nextDouble(0.2, 0.6);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        assertThat(BoundaryShape.bend((x, y) -> x * cos + y * sin - c, H)).isLessThan(0.005);
        assertThat(BoundaryShape.bend((x, y) -> w - Math.abs(x * cos + y * sin - c), H)).isLessThan(0.005);
        double a = r.nextDouble(0.6, 1.5);
        assertThat(BoundaryShape.bend((x, y) -> {
            double u = x * cos + y * sin;
            double v = -x * sin + y * cos;
            return u - a * v * v + 0.5;
        }, H)).isGreaterThan(BoundaryReading.BENT);
    }

    @Test
    void theDemosTwoNeuronsBendTheBoundaryAndTheCaptionSaysSo() {
        CircleExperiment.Run two = CircleExperiment.run(2, Demo.SEED);
        assertThat(BoundaryShape.bend(two.scorer(), H)).isGreaterThanOrEqualTo(BoundaryReading.BENT);
        assertThat(DemoTraining.reading(2, two)).contains("parabola, as in the post");
        // The seed the demo used before: two parallel edges, and the caption says that instead.
        CircleExperiment.Run strip = CircleExperiment.run(2, 42);
        assertThat(BoundaryShape.bend(strip.scorer(), H)).isLessThan(BoundaryReading.BENT);
        assertThat(DemoTraining.reading(2, strip)).contains("straight strip");
        assertThat(Demo.Options.defaults(java.nio.file.Path.of("out")).seed()).isEqualTo(Demo.SEED);
    }

    @Test
    void theOtherSizesLookAsThePostSays() {
        assertThat(CircleExperiment.run(1, Demo.SEED).last().trainAccuracy()).isBetween(0.5, 0.72);
        assertThat(CircleExperiment.run(3, Demo.SEED).last().trainAccuracy()).isGreaterThanOrEqualTo(0.9);
        assertThat(CircleExperiment.run(9, Demo.SEED).last().valAccuracy()).isGreaterThanOrEqualTo(0.9);
    }
}
