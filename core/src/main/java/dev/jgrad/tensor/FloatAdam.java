package dev.jgrad.tensor;

/**
 * Adam's coefficients for one step over float32 parameters, each worked out in double once per step and
 * rounded once to float32, as PyTorch rounds the Python numbers it multiplies a float32 tensor by
 * ({@code exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)}: β₁ and 1 − β₁ each rounded from double).
 *
 * @param beta1 β₁
 * @param c1 1 − β₁
 * @param beta2 β₂
 * @param c2 1 − β₂
 * @param step the rate over the first moment's bias correction, η / (1 − β₁ᵗ)
 * @param root the square root of the second moment's bias correction, √(1 − β₂ᵗ)
 * @param eps ε
 * @param decay the L2 weight decay λ added to the gradient, or, decoupled, the factor 1 − ηλ applied to p
 * @param decoupled whether the decay is decoupled (AdamW)
 */
public record FloatAdam(float beta1, float c1, float beta2, float c2, float step, float root, float eps, float decay,
        boolean decoupled) {
    /**
     * The coefficients from their float64 values, each rounded to nearest float32.
     *
     * @param beta1 β₁
     * @param beta2 β₂
     * @param step η / (1 − β₁ᵗ)
     * @param root √(1 − β₂ᵗ)
     * @param eps ε
     * @param decay λ, or decoupled 1 − ηλ
     * @param decoupled whether the decay is decoupled
     * @return the rounded coefficients
     */
    public static FloatAdam of(double beta1, double beta2, double step, double root, double eps, double decay,
            boolean decoupled) {
        return new FloatAdam((float) beta1, (float) (1 - beta1), (float) beta2, (float) (1 - beta2), (float) step,
                (float) root, (float) eps, (float) decay, decoupled);
    }
}
