package dev.jgrad.nn;

import dev.jgrad.base.Choices;
import dev.jgrad.base.Named;
import dev.jgrad.base.Rng;
import java.util.List;

/**
 * How a layer's weights and biases start. Every draw comes from the generator passed in. Only
 * {@link #PYTORCH} draws biases; the others start them at 0 and draw nothing for them, so a seed
 * gives micrograd's uniform network exactly as before biases could be drawn.
 */
public enum Init implements Named {
    /**
     * PyTorch's {@code nn.Linear}: weights and biases uniform in ±1/√fan-in (its kaiming_uniform_
     * with a = √5 is that bound). The default of {@code jgrad train}: on real data it beats
     * micrograd's fixed range, which saturates tanh units once a layer has many inputs.
     */
    PYTORCH,
    /** micrograd's: uniform in [−1, 1), whatever the layer's size; biases 0. */
    UNIFORM,
    /** Xavier/Glorot uniform: ±√(6 / (fan-in + fan-out)); keeps tanh and sigmoid layers' variance steady. */
    XAVIER,
    /** He (Kaiming) uniform, as PyTorch's kaiming_uniform_ for ReLU: ±√(6 / fan-in). */
    HE;

    /**
     * One weight for a neuron with {@code fanIn} inputs in a layer of {@code fanOut} neurons.
     *
     * @param fanIn the neuron's inputs
     * @param fanOut the layer's neurons
     * @param random the generator it draws from
     * @return the weight
     */
    public double draw(int fanIn, int fanOut, Rng random) {
        double bound = switch (this) {
            case PYTORCH -> 1 / Math.sqrt(fanIn);
            case UNIFORM -> 1;
            case XAVIER -> Math.sqrt(6.0 / (fanIn + fanOut));
            case HE -> Math.sqrt(6.0 / fanIn);
        };
        return random.nextDouble(-bound, bound);
    }

    /** {@return whether {@link #bias} draws from the generator (else biases are 0 and nothing is drawn)} */
    public boolean drawsBiases() {
        return this == PYTORCH;
    }

    /**
     * One bias of a neuron with {@code fanIn} inputs: ±1/√fan-in for PyTorch's init, else 0 without a draw.
     *
     * @param fanIn the neuron's inputs
     * @param random the generator it draws from, if it draws
     * @return the bias
     */
    public double bias(int fanIn, Rng random) {
        if (!drawsBiases()) {
            return 0;
        }
        double bound = 1 / Math.sqrt(fanIn);
        return random.nextDouble(-bound, bound);
    }

    /** Every init by the name used on the command line. */
    public static final Choices<Init> CHOICES = Choices.of("init", List.of(values()));

    @Override
    public String description() {
        return switch (this) {
            case PYTORCH -> "PyTorch's nn.Linear: weights and biases uniform in ±1/√fan-in";
            case UNIFORM -> "uniform in [−1, 1), whatever the layer's size, biases 0 (micrograd's)";
            case XAVIER -> "Xavier/Glorot uniform, ±√(6 / (fan-in + fan-out)): for tanh and sigmoid";
            case HE -> "He (Kaiming) uniform, ±√(6 / fan-in): for relu";
        };
    }
}
