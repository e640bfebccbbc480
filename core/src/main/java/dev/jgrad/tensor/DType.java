package dev.jgrad.tensor;

import java.util.Locale;

/**
 * How a tensor stores its numbers: {@code double[]} (the default, and the scalar engine's only kind)
 * or {@code float[]}, half the memory and twice the numbers per vector instruction, as PyTorch trains
 * by default. Every dtype gives the same bits on every run, kernel and thread count.
 */
public enum DType {
    /** 64-bit doubles: the default, and PyTorch's float64. */
    FLOAT64,
    /** 32-bit floats: half the memory; products and sums still in the order float64 uses. */
    FLOAT32;

    /** {@return the name users type and model files hold: "float64", "float32"} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The dtype named {@code id} (any case), or an error listing both.
     *
     * @param id "float64" or "float32", in any case, blanks around it ignored
     * @return the dtype
     * @throws IllegalArgumentException for any other name
     */
    public static DType parse(String id) {
        for (DType d : values()) {
            if (d.id().equalsIgnoreCase(id.trim())) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dtype '" + id + "': float64 or float32");
    }
}
