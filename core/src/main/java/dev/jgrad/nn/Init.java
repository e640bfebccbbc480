package dev.jgrad.nn;

import dev.jgrad.base.Rng;
import java.util.Arrays;
import java.util.Locale;

/** How a neuron's weights start (biases start at 0). Every draw comes from the generator passed in. */
public enum Init {
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

    /** The lower-case name used on the command line: uniform, xavier, he. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The init called {@code id} (any case); the message lists the known ones. */
    public static Init parse(String id) {
        for (Init i : values()) {
            if (i.id().equalsIgnoreCase(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown init '" + id + "'; expected one of "
                + String.join(", ", Arrays.stream(values()).map(Init::id).toList()));
    }
}
