package dev.jgrad.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleKindTest {
    private static Schedule factory(ScheduleKind kind, long total) {
        return switch (kind) {
            case CONSTANT -> Schedule.constant();
            case LINEAR -> Schedule.linear(0.1, total);
            case STEP -> Schedule.step(Math.max(1, total / 4), 0.5);
            case COSINE -> Schedule.cosine(0, total);
        };
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 7, 100, 12_345, Integer.MAX_VALUE + 1L, 3_000_000_000L})
    void overMatchesTheScheduleFactories(long total) {
        Set<Long> steps = new LinkedHashSet<>(List.of(0L, 1L, total / 4, total / 3, total / 2, total - 1, total, total + 5));
        for (ScheduleKind kind : ScheduleKind.values()) {
            Schedule named = kind.over(total);
            Schedule made = factory(kind, total);
            for (long k : steps) {
                assertThat(named.factor(k)).as("%s over %d at %d", kind.id(), total, k).isEqualTo(made.factor(k));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {100, 3_000_000_000L})
    void eachShapeReachesItsMarks(long total) {
        assertThat(ScheduleKind.CONSTANT.over(total).factor(total / 2)).isEqualTo(1);
        assertThat(ScheduleKind.LINEAR.over(total).factor(total / 2)).isCloseTo(0.55, within(1e-15));
        assertThat(ScheduleKind.LINEAR.over(total).factor(total)).isCloseTo(0.1, within(1e-15));
        assertThat(ScheduleKind.STEP.over(total).factor(total / 4 - 1)).isEqualTo(1);
        assertThat(ScheduleKind.STEP.over(total).factor(total / 2)).isEqualTo(0.25);
        assertThat(ScheduleKind.COSINE.over(total).factor(total / 2)).isCloseTo(0.5, within(1e-15));
        assertThat(ScheduleKind.COSINE.over(total).factor(total)).isCloseTo(0, within(1e-15));
    }

    @ParameterizedTest
    @EnumSource(ScheduleKind.class)
    void aRunOfNoStepsIsRefused(ScheduleKind kind) {
        assertThatThrownBy(() -> kind.over(0)).hasMessage("a schedule needs at least 1 step, got 0");
        assertThatThrownBy(() -> kind.over(-5)).hasMessage("a schedule needs at least 1 step, got -5");
    }
}
