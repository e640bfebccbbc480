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
     * Adam's step over a float32 parameter by the JVM's vector loop, once one is registered and warm
     * ({@code JvmKernels.install()}), else nothing: then the caller runs its own loop. Its bits are those of
     * the float64 rule on each number widened, rounded once: with c₁ = 1 − β₁ and c₂ = 1 − β₂,
     * g' = g + decay·p (decoupled: g' = g and p' = p·decay), m ← β₁m + c₁g', v ← β₂v + c₂g'g',
     * p ← p' − step · (m / (√v / root + ε)), each operation rounded in that order.
     *
     * @param p the parameter's numbers, updated in place
     * @param g its gradient
     * @param m the first moments, as long, updated
     * @param v the second moments, as long, updated
     * @param beta1 β₁
     * @param beta2 β₂
     * @param step the rate over the first moment's bias correction
     * @param root the square root of the second moment's bias correction
     * @param eps ε
     * @param decay the L2 weight decay λ, or decoupled, the factor 1 − ηλ applied to p
     * @param decoupled whether the decay is decoupled (AdamW)
     * @return whether the step was taken
     */
    static boolean adam(float[] p, double[] g, double[] m, double[] v, double beta1, double beta2, double step, double root,
            double eps, double decay, boolean decoupled) {
        FloatSteps loops = Kernels.steps();
        if (loops == null) {
            return false;
        }
        loops.adam(p, g, m, v, beta1, beta2, step, root, eps, decay, decoupled);
        return true;
    }

    /**
     * SGD's step without momentum over a float32 parameter, p ← p − rate · (g + decay·p) on each number widened,
     * rounded once, by the JVM's vector loop once one is registered and warm, else nothing (as {@link #adam}).
     *
     * @param p the parameter's numbers, updated in place
     * @param g its gradient
     * @param rate the learning rate
     * @param decay the weight decay λ
     * @return whether the step was taken
     */
    static boolean sgd(float[] p, double[] g, double rate, double decay) {
        FloatSteps loops = Kernels.steps();
        if (loops == null) {
            return false;
        }
        loops.sgd(p, g, rate, decay);
        return true;
    }

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
