package dev.jgrad.optim;

import dev.jgrad.base.Choices;
import dev.jgrad.base.Named;
import java.util.List;

/**
 * The learning-rate schedules a user names ({@code --schedule}), each stretched over a whole run:
 * the shapes jgrad train offers, with their settings fixed so that the name alone says it all.
 */
public enum ScheduleKind implements Named {
    /** {@link Schedule#constant()}: the base rate throughout. */
    CONSTANT,
    /** {@link Schedule#linear}: straight down to 0.1× the base rate by the run's last step. */
    LINEAR,
    /** {@link Schedule#step}: halved every quarter of the run. */
    STEP,
    /** {@link Schedule#cosine}: down to 0 along half a cosine by the run's last step. */
    COSINE;

    /** Every schedule by the name used on the command line and in model files. */
    public static final Choices<ScheduleKind> CHOICES = Choices.of("schedule", List.of(values()));

    @Override
    public String description() {
        return switch (this) {
            case CONSTANT -> "the base rate throughout";
            case LINEAR -> "straight down to 0.1× the base rate (micrograd's demo)";
            case STEP -> "halved every quarter of the run";
            case COSINE -> "down to 0 along half a cosine";
        };
    }

    /**
     * This schedule over a run of {@code totalSteps} steps.
     *
     * @param totalSteps the run's steps, ≥ 1
     * @return the schedule, ending its descent at the run's last step
     * @throws IllegalArgumentException if {@code totalSteps < 1}, for every kind (constant too), so
     *     that a bad count is reported whichever schedule was named
     */
    public Schedule over(long totalSteps) {
        if (totalSteps < 1) {
            throw new IllegalArgumentException("a schedule needs at least 1 step, got " + totalSteps);
        }
        return switch (this) {
            case CONSTANT -> Schedule.constant();
            case LINEAR -> Schedule.linear(0.1, totalSteps);
            case STEP -> Schedule.step(Math.max(1, totalSteps / 4), 0.5);
            case COSINE -> Schedule.cosine(0, totalSteps);
        };
    }
}
