package dev.jgrad.optim;

/**
 * AdamW (Loshchilov and Hutter) as PyTorch's {@code torch.optim.AdamW}: each step first shrinks
 * the parameters, p ← p·(1 − η·λ), then takes Adam's step without weight decay in the gradient.
 * PyTorch's defaults: β = (0.9, 0.999), ε = 1e-8, λ = 0.01.
 */
public final class AdamW extends AdamRule<AdamW> {
    /** λ when none is set: PyTorch's default, read by {@link OptimizerKind#defaultWeightDecay()} too. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.01;

    /**
     * AdamW over {@code parameters} at {@code learningRate} (a finite number > 0), with PyTorch's defaults.
     *
     * @param parameters the numbers to update, at least one
     * @param learningRate η, a finite number > 0
     * @throws IllegalArgumentException for a rate that is not, or for no parameters
     */
    public AdamW(Parameters parameters, double learningRate) {
        super(parameters, learningRate, DEFAULT_WEIGHT_DECAY, true);
    }
}
