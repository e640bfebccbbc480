package dev.jgrad.tensor;

/**
 * Optimizers' steps over a float32 parameter in one pass, for the JVM's vector loops ({@code VectorSteps},
 * registered by {@code JvmKernels.install()}): each number widened to double, the rule in double in its
 * optimizer's order (Adam's and SGD's own loops, a layer up, are the oracles), the result rounded once to
 * float32. The plain loops need a pass to widen and one to round each chunk (HotSpot 17
 * vectorises no conversion between float and double); a vector converts in registers, which makes a float32
 * step cost what a float64 one does.
 */
interface FloatSteps {
    /**
     * Adam's step over every number: with c₁ = 1 − β₁ and c₂ = 1 − β₂, g' = g + decay·p (decoupled: g' = g
     * and p' = p·decay), m ← β₁m + c₁g', v ← β₂v + c₂g'g', p ← p' − step · (m / (√v / root + ε)).
     */
    void adam(float[] p, double[] g, double[] m, double[] v, double beta1, double beta2, double step, double root,
            double eps, double decay, boolean decoupled);

    /** SGD's step without momentum over every number: p ← p − rate · (g + decay·p). */
    void sgd(float[] p, double[] g, double rate, double decay);
}
