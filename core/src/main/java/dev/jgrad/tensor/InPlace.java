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
     * doubles whatever the dtype (see {@link Tensor}); jgrad's rules round each to float32 once and compute
     * in float32, as PyTorch does for a float32 tensor ({@link #adam}, {@link #sgd}).
     *
     * @param data the parameter's numbers, updated in place
     * @param grad its gradient, as long (zeros before any backward)
     * @param at the parameter's first position in the optimizer's order of numbers (for its state)
     */
    void update(float[] data, double[] grad, int at);

    /**
     * Adam's step over a float32 parameter with float32 moments, in float32 arithmetic in PyTorch's order (see
     * {@link FloatAdam} for the coefficients' rounding): with ĝ the gradient rounded to float32,
     * g' = ĝ + decay·p (decoupled: g' = ĝ and p' = p·decay), m ← m·β₁ + c₁·g', v ← v·β₂ + (c₂·g')·g',
     * p ← p' − (step·m) / (√v / root + ε), each operation rounded in that order. By the JVM's vector loop once one
     * is registered and warm ({@code JvmKernels.install()}), else by plain loops: the same bits.
     *
     * <p>The moments are float32, as PyTorch keeps them for a float32 parameter: v's (1−β₂)g² terms are rounded
     * against β₂v as there, and the float64 rule's bits on the widened numbers are not promised.
     *
     * @param p the parameter's numbers, updated in place
     * @param g its gradient
     * @param state the first and second moments, each as long as p, updated; a third slot, null at first, where the
     *     plain loops keep room for the gradient rounded to float32 (made at their first use, kept for the next steps)
     * @param c this step's coefficients
     */
    static void adam(float[] p, double[] g, float[][] state, FloatAdam c) {
        FloatSteps loops = Loops.steps();
        if (loops != null) {
            loops.adam(p, g, state[0], state[1], c);
            return;
        }
        if (state[2] == null) {
            state[2] = new float[p.length];
        }
        PlainSteps.adam(p, g, state[0], state[1], c, state[2]);
    }

    /**
     * SGD's step over a float32 parameter in float32 arithmetic, as PyTorch's: with ĝ the gradient rounded to
     * float32, d = ĝ + decay·p; with momentum (a buffer b as long as p) b ← d on the first step, else
     * b ← b·μ + d, and d = b; p ← p − rate·d. Without momentum by the JVM's vector loop once one is registered and
     * warm, else (and with momentum always) by plain loops: the same bits.
     *
     * @param p the parameter's numbers, updated in place
     * @param g its gradient
     * @param buffer the momentum buffer, updated; null without momentum
     * @param first whether this is the first step (the buffer takes d as it is)
     * @param rate the learning rate, rounded to float32
     * @param decay the weight decay λ, rounded to float32
     * @param momentum μ, rounded to float32
     */
    static void sgd(float[] p, double[] g, float[] buffer, boolean first, float rate, float decay, float momentum) {
        if (buffer != null) {
            PlainSteps.sgd(p, g, buffer, first, rate, decay, momentum);
            return;
        }
        FloatSteps loops = Loops.steps();
        (loops != null ? loops : PlainSteps.LOOPS).sgd(p, g, rate, decay);
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
