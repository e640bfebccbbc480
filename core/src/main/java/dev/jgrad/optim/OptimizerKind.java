package dev.jgrad.optim;

import dev.jgrad.base.Choices;
import dev.jgrad.base.Named;
import java.util.List;

/**
 * The optimizers a user names ({@code --optimizer sgd|adam|adamw}), with the defaults jgrad train
 * uses for them: one place that knows how a name becomes an {@link Optimizer}.
 */
public enum OptimizerKind implements Named {
    /** {@link Sgd}: plain, or with momentum and weight decay; default learning rate 0.1. */
    SGD,
    /** {@link Adam} with PyTorch's β and ε; default learning rate 0.01. */
    ADAM,
    /** {@link AdamW} with PyTorch's β and ε; default learning rate 0.01 and weight decay 0.01. */
    ADAMW;

    /** Every optimizer by the name used on the command line and in model files. */
    public static final Choices<OptimizerKind> CHOICES = Choices.of("optimizer", List.of(values()));

    @Override
    public String description() {
        return switch (this) {
            case SGD -> "stochastic gradient descent with momentum and weight decay, as PyTorch's SGD";
            case ADAM -> "Adam, β = (0.9, 0.999), ε = 1e-8; weight decay, if any, as L2 in the gradient";
            case ADAMW -> "AdamW: Adam with decoupled weight decay";
        };
    }

    /**
     * 0.1 for sgd, 0.01 for Adam's kind: Adam's steps are already scaled by the gradients' size.
     *
     * @return the learning rate {@code jgrad train} uses when none is given
     */
    public double defaultLearningRate() {
        return this == SGD ? 0.1 : 0.01;
    }

    /**
     * 0.01 for adamw (PyTorch's default, and the point of choosing it), else 0.
     *
     * @return the weight decay {@code jgrad train} uses when none is given
     */
    public double defaultWeightDecay() {
        return this == ADAMW ? AdamW.DEFAULT_WEIGHT_DECAY : 0;
    }

    /**
     * This optimizer over {@code parameters}; Adam and AdamW with β = (0.9, 0.999) and ε = 1e-8.
     *
     * @param parameters the numbers to update
     * @param learningRate the base rate, a finite number > 0
     * @param momentum sgd's μ in [0, 1); 0 for adam and adamw
     * @param weightDecay λ ≥ 0
     * @return a new optimizer, before its first step
     * @throws IllegalArgumentException for momentum other than 0 with adam or adamw, or any setting
     *     the optimizer itself refuses
     */
    public Optimizer create(Parameters parameters, double learningRate, double momentum, double weightDecay) {
        if (momentum != 0 && this != SGD) {
            throw new IllegalArgumentException("momentum applies to sgd only; adam and adamw have their own");
        }
        return switch (this) {
            case SGD -> new Sgd(parameters, learningRate).momentum(momentum).weightDecay(weightDecay);
            case ADAM -> new Adam(parameters, learningRate).weightDecay(weightDecay);
            case ADAMW -> new AdamW(parameters, learningRate).weightDecay(weightDecay);
        };
    }
}
