package dev.jgrad.optim;

import dev.jgrad.engine.Value;
import java.util.List;

/** Adam (Kingma and Ba) as PyTorch's {@code torch.optim.Adam}; weight decay, if any, is L2 added to the gradient. */
public final class Adam extends AdamRule {
    public Adam(Parameters parameters, double learningRate, double beta1, double beta2, double eps, double weightDecay) {
        super(parameters, learningRate, beta1, beta2, eps, weightDecay, false);
    }

    public Adam(List<Value> parameters, double learningRate, double beta1, double beta2, double eps, double weightDecay) {
        this(Parameters.of(parameters), learningRate, beta1, beta2, eps, weightDecay);
    }

    /** PyTorch's defaults: β = (0.9, 0.999), ε = 1e-8, no weight decay. */
    public Adam(List<Value> parameters, double learningRate) {
        this(parameters, learningRate, 0.9, 0.999, 1e-8, 0);
    }

    /** PyTorch's defaults: β = (0.9, 0.999), ε = 1e-8, no weight decay. */
    public Adam(Parameters parameters, double learningRate) {
        this(parameters, learningRate, 0.9, 0.999, 1e-8, 0);
    }
}
