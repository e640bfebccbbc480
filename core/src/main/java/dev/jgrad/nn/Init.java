package dev.jgrad.nn;

import dev.jgrad.base.Choices;
import dev.jgrad.base.Named;
import dev.jgrad.base.Rng;
import java.util.List;

/** How a neuron's weights start (biases start at 0). Every draw comes from the generator passed in. */
public enum Init implements Named {
    /** micrograd's: uniform in [−1, 1), whatever the layer's size. */
    UNIFORM,
    /** Xavier/Glorot uniform: ±√(6 / (fan-in + fan-out)); keeps tanh and sigmoid layers' variance steady. */
    XAVIER,
    /** He (Kaiming) uniform, as PyTorch's kaiming_uniform_ for ReLU: ±√(6 / fan-in). */
    HE;

    /** One weight for a neuron with {@code fanIn} inputs in a layer of {@code fanOut} neurons. */
    public double draw(int fanIn, int fanOut, Rng random) {
        double bound = switch (this) {
            case UNIFORM -> 1;
            case XAVIER -> Math.sqrt(6.0 / (fanIn + fanOut));
            case HE -> Math.sqrt(6.0 / fanIn);
        };
        return random.nextDouble(-bound, bound);
    }

    /** Every init by the name used on the command line. */
    public static final Choices<Init> CHOICES = Choices.of("init", List.of(values()));

    @Override
    public String description() {
        return switch (this) {
            case UNIFORM -> "uniform in [−1, 1), whatever the layer's size (micrograd's)";
            case XAVIER -> "Xavier/Glorot uniform, ±√(6 / (fan-in + fan-out)): for tanh and sigmoid";
            case HE -> "He (Kaiming) uniform, ±√(6 / fan-in): for relu";
        };
    }
}
