package dev.jgrad.tensor;

/**
 * A primitive operation, tinygrad-style: {@link #forward()} computes the output's data from the
 * inputs and keeps what the derivative needs; {@link #backward} turns the output's gradient into one
 * gradient per input (null where that input needs none). One instance per node, so saved state is
 * safe. Returned gradients may alias {@code g}: the engine adds them, never keeps them.
 */
abstract class Function {
    Tensor[] in;
    int[] shape;
    double[] out;

    abstract String name();

    abstract double[] forward();

    abstract double[][] backward(double[] g);

    final boolean needs(int i) {
        return in[i].requiresGrad;
    }

    final double[] data(int i) {
        return in[i].data;
    }
}
