package dev.jgrad.optim;

import dev.jgrad.tensor.InPlace;

/**
 * Updates parameters from their gradients: {@link #zeroGrad()}, backward, {@link #step()}.
 *
 * <p>Designed for extension by update rules: each step gathers the parameters ({@link Parameters})
 * into one flat array of data and one of gradients, hands them to {@link #update} as a single loop's
 * work, and writes the data back. So a rule is written once, as plain array code, and serves the
 * scalar and the tensor engine alike. jgrad's own rules also step tensors in place
 * ({@link dev.jgrad.tensor.InPlace}): one pass over each parameter's own arrays, float32 ones
 * without a copy to doubles and back, the same bits as the gathered loop.
 *
 * <p>The learning rate of step k (counting from 0) is the base rate times {@code schedule.factor(k)}.
 */
public abstract class Optimizer {
    private final Parameters parameters;
    /** The gathered numbers and gradients; made at the first step that gathers. */
    private double[] data;
    private double[] grad;
    private final double baseRate;
    private Schedule schedule = Schedule.constant();
    private long steps;

    /**
     * An optimizer over {@code parameters}, which it reads and writes at every step.
     *
     * @param parameters the numbers to update, at least one
     * @param learningRate the base rate η, a finite number > 0
     * @throws IllegalArgumentException for a rate that is not, or for no parameters
     */
    protected Optimizer(Parameters parameters, double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
        }
        if (parameters.size() == 0) {
            throw new IllegalArgumentException("no parameters to optimise: the list is empty (pass model.parameters())");
        }
        this.parameters = parameters;
        this.baseRate = learningRate;
    }

    /**
     * The rule: updates {@code data} in place from {@code grad} (both as long as the parameters)
     * with learning rate {@code rate}; {@code t} counts steps from 1, for bias corrections (a
     * {@code long}, as the schedules' steps: a long run must not wrap it negative).
     *
     * @param data the parameters' numbers, updated in place
     * @param grad their gradients, to read
     * @param rate this step's learning rate
     * @param t this step's number, from 1
     */
    protected abstract void update(double[] data, double[] grad, double rate, long t);

    /** Applies one update with the current learning rate, then advances the schedule. */
    public final void step() {
        double rate = learningRate();
        InPlace rule = parameters instanceof TensorBlock ? inPlace(rate, steps + 1) : null;
        if (rule != null) {
            ((TensorBlock) parameters).update(rule);
        } else {
            if (data == null) {
                data = new double[parameters.size()];
                grad = new double[parameters.size()];
            }
            parameters.readData(data, 0);
            parameters.readGrad(grad, 0);
            update(data, grad, rate, steps + 1);
            parameters.writeData(data, 0);
        }
        steps++;
    }

    /**
     * This step's rule over each tensor's own arrays, computing what {@link #update} computes, or
     * null: rules written outside this package gather.
     */
    InPlace inPlace(double rate, long t) {
        return null;
    }

    /** How many numbers the parameters hold (a rule's state is as long). */
    final int size() {
        return parameters.size();
    }

    /** Sets every parameter's gradient to 0. */
    public final void zeroGrad() {
        parameters.zeroGrad();
    }

    /**
     * The learning rate the next step will use.
     *
     * @return the base rate times the schedule's factor at the current step
     */
    public final double learningRate() {
        return baseRate * schedule.factor(steps);
    }

    /**
     * How many steps have been taken.
     *
     * @return the number of {@link #step()} calls so far
     */
    public final long steps() {
        return steps;
    }

    /**
     * Uses {@code schedule} from now on (it is read at the step count, not restarted) and returns this optimizer.
     *
     * @param schedule the factor by step; {@link Schedule#constant()} is the default
     * @return this optimizer
     */
    public final Optimizer schedule(Schedule schedule) {
        this.schedule = schedule;
        return this;
    }

    /** Refuses to change a setting once steps have been taken with the old one: the rule's state would mix both. */
    final void beforeFirstStep(String what) {
        if (steps > 0) {
            throw new IllegalStateException("set " + what + " before the first step; " + steps + " steps were taken");
        }
    }

    static double check(String what, double v, double lo, double hi) {
        if (!(v >= lo && v < hi)) {
            throw new IllegalArgumentException(what + (hi == Double.MAX_VALUE ? " must be ≥ " + lo : " must be in [" + lo + ", " + hi + ")")
                    + ", got " + v);
        }
        return v;
    }
}
