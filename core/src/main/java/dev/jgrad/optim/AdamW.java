package dev.jgrad.optim;

import dev.jgrad.engine.Value;
import java.util.List;

/**
 * AdamW (Loshchilov and Hutter) as PyTorch's {@code torch.optim.AdamW}: each step first shrinks
 * the parameters, p ← p·(1 − η·λ), then takes Adam's step without weight decay in the gradient.
 */
public final class AdamW extends AdamRule {
    public AdamW(Parameters parameters, double learningRate, double beta1, double beta2, double eps, double weightDecay) {
        super(parameters, learningRate, beta1, beta2, eps, weightDecay, true);
    }

    public AdamW(List<Value> parameters, double learningRate, double beta1, double beta2, double eps, double weightDecay) {
        this(Parameters.of(parameters), learningRate, beta1, beta2, eps, weightDecay);
    }

    /** PyTorch's defaults: β = (0.9, 0.999), ε = 1e-8, weight decay 0.01. */
    public AdamW(List<Value> parameters, double learningRate) {
        this(parameters, learningRate, 0.9, 0.999, 1e-8, 0.01);
    }

    /** PyTorch's defaults: β = (0.9, 0.999), ε = 1e-8, weight decay 0.01. */
    public AdamW(Parameters parameters, double learningRate) {
        this(parameters, learningRate, 0.9, 0.999, 1e-8, 0.01);
    }
}
