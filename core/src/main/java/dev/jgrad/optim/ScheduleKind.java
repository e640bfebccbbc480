package dev.jgrad.optim;

import dev.jgrad.base.Choices;
import dev.jgrad.base.Named;
import java.util.List;

/**
 * The learning-rate schedules a user names ({@code --schedule}), each stretched over a whole run:
 * the shapes jgrad train offers, with their settings fixed so that the name alone says it all.
 */
public enum ScheduleKind implements Named {
    CONSTANT,
    LINEAR,
    STEP,
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
