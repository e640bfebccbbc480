package dev.jgrad.optim;

/**
 * A learning-rate schedule: the factor by which step k (counting from 0) scales the base rate.
 * Schedules that run for a number of steps hold their final factor afterwards. Step counts are
 * {@code long}: a run's epochs × steps per epoch can pass {@link Integer#MAX_VALUE}.
 */
@FunctionalInterface
public interface Schedule {
    /**
     * {@return the factor the base learning rate is multiplied by at this step}
     *
     * @param step the step, counting from 0
     */
    double factor(long step);

    /**
     * Always 1.
     *
     * @return a schedule that leaves the base rate as it is
     */
    static Schedule constant() {
        return k -> 1;
    }

    /**
     * From 1 down to {@code end} in a straight line over {@code steps} steps. micrograd's demo,
     * {@code 1.0 − 0.9·k/100}, is {@code linear(0.1, 100)}.
     *
     * @param end the factor reached at {@code steps} and kept after it
     * @param steps how many steps the descent takes, ≥ 1
     * @return the schedule
     * @throws IllegalArgumentException for fewer than 1 step
     */
    static Schedule linear(double end, long steps) {
        positive(steps);
        return k -> 1 - (1 - end) * Math.min(k, steps) / steps;
    }

    /**
     * Multiplied by {@code gamma} every {@code every} steps, as PyTorch's StepLR.
     *
     * @param every how many steps each factor lasts, ≥ 1
     * @param gamma what each new factor is multiplied by
     * @return the schedule
     * @throws IllegalArgumentException for fewer than 1 step
     */
    static Schedule step(long every, double gamma) {
        positive(every);
        return k -> StrictMath.pow(gamma, k / every);
    }

    /**
     * From 1 down to {@code end} along half a cosine over {@code steps} steps, as PyTorch's CosineAnnealingLR.
     *
     * @param end the factor reached at {@code steps} and kept after it
     * @param steps how many steps the half cosine takes, ≥ 1
     * @return the schedule
     * @throws IllegalArgumentException for fewer than 1 step
     */
    static Schedule cosine(double end, long steps) {
        positive(steps);
        return k -> end + (1 - end) * (1 + StrictMath.cos(Math.PI * Math.min(k, steps) / steps)) / 2;
    }

    private static void positive(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("a schedule needs at least 1 step, got " + steps);
        }
    }
}
