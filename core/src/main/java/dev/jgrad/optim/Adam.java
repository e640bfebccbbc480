package dev.jgrad.optim;

/**
 * Adam (Kingma and Ba) as PyTorch's {@code torch.optim.Adam}, with its defaults β = (0.9, 0.999),
 * ε = 1e-8 and no weight decay; weight decay, if set, is L2 added to the gradient.
 *
 * <pre>{@code
 * Optimizer opt = new Adam(model.trainable(), 0.01).betas(0.8, 0.99).weightDecay(0.05);
 * }</pre>
 */
public final class Adam extends AdamRule<Adam> {
    /**
     * Adam over {@code parameters} at {@code learningRate} (a finite number > 0), with PyTorch's defaults.
     *
     * @param parameters the numbers to update, at least one
     * @param learningRate η, a finite number > 0
     * @throws IllegalArgumentException for a rate that is not, or for no parameters
     */
    public Adam(Parameters parameters, double learningRate) {
        super(parameters, learningRate, 0, false);
    }
}
