package dev.jgrad.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.base.Rng;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void circlePointsFillTheSquareAndAboutHalfAreInside(int seed) {
        Dataset d = Datasets.circle(2000, 0, new Rng(seed));
        int inside = 0;
        for (int i = 0; i < d.size(); i++) {
            double x = d.points()[i][0];
            double y = d.points()[i][1];
            assertThat(Math.abs(x)).isLessThanOrEqualTo(Datasets.CIRCLE_HALF_SIDE);
            assertThat(d.labels()[i]).isEqualTo(x * x + y * y < 1 ? 1 : 0);
            inside += d.labels()[i];
        }
        assertThat(inside / 2000.0).isCloseTo(0.5, within(0.04));
        assertThat(d.classNames()).containsExactly("outside", "inside");
    }

    @Test
    void theSameSeedDrawsTheSameData() {
        for (Datasets.Generator g : Datasets.CHOICES.values()) {
            Dataset a = Datasets.generate(g.id(), 50, g.defaultNoise(), g.defaultClasses(), new Rng(7));
            Dataset b = Datasets.generate(g.id(), 50, g.defaultNoise(), g.defaultClasses(), new Rng(7));
            Dataset c = Datasets.generate(g.id(), 50, g.defaultNoise(), g.defaultClasses(), new Rng(8));
            assertThat(a).as(g.id()).isEqualTo(b);
            assertThat(a).as(g.id()).isNotEqualTo(c);
        }
    }

    @Test
    void moonsWithoutNoiseLieOnScikitLearnsHalfCircles() {
        Dataset d = Datasets.moons(101, 0, new Rng(1));
        int upper = 0;
        for (int i = 0; i < d.size(); i++) {
            double x = d.points()[i][0];
            double y = d.points()[i][1];
            if (d.labels()[i] == 0) {
                upper++;
                assertThat(x * x + y * y).isCloseTo(1, within(1e-12));
                assertThat(y).isGreaterThanOrEqualTo(-1e-12);
            } else {
                assertThat((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5)).isCloseTo(1, within(1e-12));
                assertThat(y).isLessThanOrEqualTo(0.5 + 1e-12);
            }
        }
        assertThat(upper).isEqualTo(50);
        // shuffled, as make_moons(shuffle=True): the classes are not in two blocks
        assertThat(Arrays.stream(d.labels()).limit(50).sum()).isBetween(10, 40);
    }

    @Test
    void multiClassGeneratorsUseEveryClass() {
        for (String name : new String[] {"spiral", "gauss"}) {
            Dataset d = Datasets.generate(name, 90, 0.1, 4, new Rng(3));
            Set<Integer> seen = new HashSet<>();
            Arrays.stream(d.labels()).forEach(seen::add);
            assertThat(d.classes()).isEqualTo(4);
            assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3);
        }
        Dataset xor = Datasets.xor(200, 0, new Rng(4));
        for (int i = 0; i < xor.size(); i++) {
            assertThat(xor.labels()[i]).isEqualTo(xor.points()[i][0] * xor.points()[i][1] < 0 ? 1 : 0);
        }
    }

    @Test
    void aSplitPartitionsThePoints() {
        Dataset d = Datasets.circle(100, 0, new Rng(1));
        Dataset.Split s = d.split(0.25, new Rng(2));
        assertThat(s.train().size()).isEqualTo(75);
        assertThat(s.validation().size()).isEqualTo(25);
        Set<double[]> all = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        all.addAll(Arrays.asList(s.train().points()));
        all.addAll(Arrays.asList(s.validation().points()));
        assertThat(all).hasSize(100);
        assertThatThrownBy(() -> d.split(1.0, new Rng(1))).hasMessageContaining("[0, 1)");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> Datasets.CHOICES.parse("blobs")).hasMessage(
                "unknown dataset 'blobs'; expected one of circle, moons, xor, spiral, gauss, sine, plane, gaussian-mixture");
        assertThatThrownBy(() -> Datasets.generate("blobs", 10, 0, 2, new Rng(1))).hasMessageContaining("unknown dataset 'blobs'");
        assertThatThrownBy(() -> Datasets.moons(0, 0.1, new Rng(1))).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Datasets.moons(10, -1, new Rng(1))).hasMessageContaining("noise");
        assertThatThrownBy(() -> new Dataset("d", new double[][] {{1}}, new int[] {2}, 2)).hasMessageContaining("label 2");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void withoutNoiseTheRegressionSetsAreTheirFunctions(int seed) {
        Dataset sine = Datasets.sine(300, 0, new Rng(seed));
        assertThat(sine.task()).isEqualTo(Task.REGRESSION);
        assertThat(sine.features()).isEqualTo(1);
        for (int i = 0; i < sine.size(); i++) {
            double x = sine.points()[i][0];
            assertThat(Math.abs(x)).isLessThanOrEqualTo(Math.PI);
            assertThat(sine.targets()[i]).isEqualTo(StrictMath.sin(x));
        }
        Dataset plane = Datasets.plane(300, 0, new Rng(seed));
        for (int i = 0; i < plane.size(); i++) {
            double[] p = plane.points()[i];
            assertThat(Math.max(Math.abs(p[0]), Math.abs(p[1]))).isLessThanOrEqualTo(6);
            assertThat(plane.targets()[i]).isCloseTo((p[0] + p[1]) / 10, within(1e-15));
        }
        Dataset mixture = Datasets.gaussianMixture(300, 0, new Rng(seed));
        for (int i = 0; i < mixture.size(); i++) {
            double[] p = mixture.points()[i];
            // The strongest bump: the nearest centre, whose sign alternates along x and flips with y.
            double best = 0;
            for (double cx : new double[] {-4, 0, 4}) {
                for (double cy : new double[] {-2.5, 2.5}) {
                    double sign = (cx == 0 ? -1 : 1) * (cy > 0 ? 1 : -1);
                    double v = sign * Math.max(0, 1 - Math.hypot(p[0] - cx, p[1] - cy) / 2);
                    best = Math.abs(v) > Math.abs(best) ? v : best;
                }
            }
            assertThat(mixture.targets()[i]).isCloseTo(best, within(1e-12));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.3})
    void theNoiseOptionIsHonoured(double noise) {
        Dataset sine = Datasets.sine(4000, noise, new Rng(4));
        double squares = 0;
        for (int i = 0; i < sine.size(); i++) {
            double e = sine.targets()[i] - StrictMath.sin(sine.points()[i][0]);
            squares += e * e / sine.size();
        }
        assertThat(Math.sqrt(squares)).isCloseTo(noise, within(0.1 * noise));
        // The Playground's noise reads the target up to ±6·noise away in x and in y: (x + y)/10 moves by ≤ 1.2·noise.
        Dataset plane = Datasets.plane(2000, noise, new Rng(4));
        double largest = 0;
        for (int i = 0; i < plane.size(); i++) {
            double[] p = plane.points()[i];
            largest = Math.max(largest, Math.abs(plane.targets()[i] - (p[0] + p[1]) / 10));
        }
        assertThat(largest).isLessThanOrEqualTo(1.2 * noise + 1e-12).isGreaterThan(0.9 * noise);
        Dataset mixture = Datasets.gaussianMixture(200, noise, new Rng(4));
        assertThat(mixture.targets()).isNotEqualTo(Datasets.gaussianMixture(200, 0, new Rng(4)).targets());
        for (String name : List.of("sine", "plane", "gaussian-mixture")) {
            assertThat(Datasets.CHOICES.parse(name).task()).isEqualTo(Task.REGRESSION);
        }
    }
}
