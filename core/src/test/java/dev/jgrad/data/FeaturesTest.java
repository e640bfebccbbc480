package dev.jgrad.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.base.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeaturesTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyFeatureIsItsFunctionOfThePoint(long seed) {
        Rng r = new Rng(seed);
        double x = r.nextDouble(-3, 3), y = r.nextDouble(-3, 3);
        Features all = Features.parse("x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2");
        assertThat(all.apply(x, y)).containsExactly(x, y, x * x, y * y, x * y, StrictMath.sin(x), StrictMath.sin(y));
        assertThat(all.labels()).containsExactly("x1", "x2", "x1²", "x2²", "x1·x2", "sin x1", "sin x2");
    }

    @Test
    void aDatasetKeepsItsLabelsAndGetsOneColumnPerFeature() {
        Dataset circle = Datasets.circle(20, 0, new Rng(4));
        Dataset wide = Features.parse("x2sq,x1").apply(circle);
        assertThat(wide.features()).isEqualTo(2);
        assertThat(wide.labels()).isEqualTo(circle.labels());
        assertThat(wide.points()[3]).containsExactly(circle.points()[3][1] * circle.points()[3][1], circle.points()[3][0]);
        assertThat(Features.parse("x1,x2").raw()).isTrue();
        assertThat(Features.parse("x2,x1").raw()).isFalse();
    }

    @Test
    void badChoicesAreNamed() {
        assertThatThrownBy(() -> Features.parse("x1,x9")).hasMessage("unknown feature 'x9'; expected one of x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2");
        assertThatThrownBy(() -> Features.parse("x1,x1")).hasMessage("feature x1 is chosen twice");
        assertThatThrownBy(() -> new Features(List.of())).hasMessageStartingWith("choose at least one feature");
        assertThatThrownBy(() -> Features.RAW.apply(1, 2, 3)).hasMessageContaining("got 3");
    }
}
