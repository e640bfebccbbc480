package dev.jgrad.tensor;

/**
 * The optimizers' steps over a float32 parameter, in float32 arithmetic as PyTorch (1.13) computes them for a
 * float32 tensor: {@link PlainSteps}, the oracle, everywhere, and the JVM's vector loops ({@code VectorSteps},
 * registered by {@code JvmKernels.install()}) once warm, with the same operations in the same order, so the same
 * bits. The gradient is read as double and rounded once to float32 (gradients are doubles whatever the dtype:
 * see {@link Tensor}). Where a single float32 product wrote it (a weight's gradient from one use) it holds a
 * float32 number and the rounding is exact: PyTorch's float32 gradient. Where backward summed several terms in
 * double (a bias's column sums, a parameter used twice) it is that sum rounded once, where PyTorch's float32
 * gradient rounds at each addition: as close or closer to the exact sum, not always the same bits.
 */
interface FloatSteps {
    /**
     * Adam's step over every number, each operation rounded to float32 in this order: with ĝ = (float) g,
     * g' = ĝ + decay·p and p' = p (decoupled: g' = ĝ and p' = p·decay), m ← m·β₁ + c₁·g',
     * v ← v·β₂ + (c₂·g')·g', p ← p' − (step·m) / (√v / root + ε): PyTorch's
     * {@code param.addcdiv_(exp_avg, denom, value=-step_size)} is p + ((−step)·m) / denom, the same bits.
     */
    void adam(float[] p, double[] g, float[] m, float[] v, FloatAdam c);

    /** SGD's step without momentum over every number: p ← p − rate · ((float) g + decay·p). */
    void sgd(float[] p, double[] g, float rate, float decay);
}
