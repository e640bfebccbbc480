package dev.jgrad.tensor;

/**
 * A primitive operation, tinygrad-style: {@link #forward()} computes the output's data from the
 * inputs and keeps what the derivative needs; {@link #backward} turns the output's gradient into one
 * gradient per input (null where that input needs none). One instance per node, so saved state is
 * safe. Returned gradients may alias {@code g}: the engine adds them, never keeps them.
 *
 * <p>float32: an operation that overrides {@link #forwardFloats()} (the matrix product, reshape,
 * expand, add, relu: each float32 result the rounded double one) computes in float32 itself. Every
 * other one computes in double on its inputs widened exactly ({@link #data(int)}), and its result
 * is rounded once to float32: for sums, exponentials and
 * logarithms that is accumulating in double, as PyTorch does for reductions, and the same bits
 * everywhere, since the widening is exact and the double arithmetic is.
 */
abstract class Function {
    Tensor[] in;
    int[] shape;
    double[] out;
    /** float32 inputs widened to double while this node's graph lives; null for float64. */
    double[][] wide;
    /**
     * Gradients a float32 backward computed in float32 (a product's), which {@link #backward} may leave
     * here instead of widening them: Backward adds each into its input's gradient as it reads it. For
     * the inputs whose entry in backward's result is null; null when there are none.
     */
    float[][] floatGrads;

    abstract String name();

    abstract double[] forward();

    abstract double[][] backward(double[] g);

    /** The float32 output computed in float32, or null: computed by {@link #forward()} in double. */
    float[] forwardFloats() {
        return null;
    }

    final boolean needs(int i) {
        return in[i].requiresGrad;
    }

    /**
     * Where a product may write input i's gradient directly ({@link Backward#into}), or null: never for an input
     * that is also another input of this node (x·x), whose two shares must be added.
     */
    final double[] into(int i) {
        for (int j = 0; j < in.length; j++) {
            if (j != i && in[j] == in[i]) {
                return null;
            }
        }
        return Backward.into(in[i]);
    }

    final double[] data(int i) {
        return wide != null ? wide[i] : in[i].data;
    }
}
