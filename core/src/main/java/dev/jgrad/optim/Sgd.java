package dev.jgrad.optim;

import dev.jgrad.engine.Value;
import java.util.List;

/**
 * Stochastic gradient descent with PyTorch's momentum and weight decay:
 * g ← g + λ·p; b ← g on the first step, then b ← μ·b + g; p ← p − η·b.
 * With μ = λ = 0 this is micrograd's {@code p.data -= lr * p.grad}.
 */
public final class Sgd extends Optimizer {
    private final double momentum;
    private final double weightDecay;
    private final double[] buffer;

    public Sgd(Parameters parameters, double learningRate, double momentum, double weightDecay) {
        super(parameters, learningRate);
        this.momentum = check("momentum", momentum, 0, 1);
        this.weightDecay = check("weight decay", weightDecay, 0, Double.MAX_VALUE);
        this.buffer = momentum > 0 ? new double[parameters.size()] : null;
    }

    public Sgd(List<Value> parameters, double learningRate, double momentum, double weightDecay) {
        this(Parameters.of(parameters), learningRate, momentum, weightDecay);
    }

    public Sgd(List<Value> parameters, double learningRate) {
        this(parameters, learningRate, 0, 0);
    }

    public Sgd(Parameters parameters, double learningRate) {
        this(parameters, learningRate, 0, 0);
    }

    @Override
    protected void update(double[] p, double[] g, double rate, long t) {
        for (int i = 0; i < p.length; i++) {
            double d = g[i] + weightDecay * p[i];
            if (buffer != null) {
                d = buffer[i] = t == 1 ? d : momentum * buffer[i] + d;
            }
            p[i] -= rate * d;
        }
    }
}
