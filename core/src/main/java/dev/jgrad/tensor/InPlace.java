package dev.jgrad.tensor;

/**
 * An update rule run over a parameter's own numbers and gradient, in place
 * ({@link #applyTo(Tensor, int)}): how an optimizer steps a tensor in one pass over each
 * array, without gathering the numbers into a flat array of doubles and scattering them back. The
 * arrays are the tensor's: a rule reads and writes them during the call and keeps no reference.
 */
public interface InPlace {
    /**
     * Updates a float64 parameter: {@code data[i]} from {@code grad[i]}, for every i.
     *
     * @param data the parameter's numbers, updated in place
     * @param grad its gradient, as long (zeros before any backward)
     * @param at the parameter's first position in the optimizer's order of numbers (for its state)
     */
    void update(double[] data, double[] grad, int at);

    /**
     * Updates a float32 parameter: {@code data[i]} from {@code grad[i]}, for every i. Gradients are
     * doubles whatever the dtype (see {@link Tensor}); a rule that computes in double reads each
     * number widened exactly and writes its result rounded to nearest, the bits the float64 rule
     * gives on the widened numbers, rounded once.
     *
     * @param data the parameter's numbers, updated in place
     * @param grad its gradient, as long (zeros before any backward)
     * @param at the parameter's first position in the optimizer's order of numbers (for its state)
     */
    void update(float[] data, double[] grad, int at);

    /**
     * Runs this rule over {@code parameter}'s own numbers and gradient (a gradient of zeros is made
     * for a parameter that has none yet), by its dtype.
     *
     * @param parameter a leaf tensor
     * @param at its first position in the optimizer's order of numbers
     */
    default void applyTo(Tensor parameter, int at) {
        if (parameter.grad == null) {
            parameter.grad = new double[parameter.size()];
        }
        parameter.settleGrad();
        if (parameter.data != null) {
            update(parameter.data, parameter.grad, at);
        } else {
            update(parameter.floats, parameter.grad, at);
        }
    }
}
