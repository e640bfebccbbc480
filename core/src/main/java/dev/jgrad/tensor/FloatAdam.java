package dev.jgrad.tensor;

/**
 * Adam's update of a float32 parameter in one pass, for the JVM's vector loop ({@code VectorAdam}, registered
 * by {@code JvmKernels.install()}): each number widened to double, the rule in double in PyTorch's order (see
 * Adam's own loops, a layer up, are the oracle), the result rounded once to float32. The plain
 * loops need a pass to widen and one to round each chunk (HotSpot 17 vectorises no conversion between float
 * and double); a vector converts in registers, which makes a float32 step as fast as a float64 one.
 */
interface FloatAdam {
    /**
     * One step over every number: with c₁ = 1 − β₁ and c₂ = 1 − β₂, g' = g + decay·p (decoupled: g' = g and
     * p' = p·decay), m ← β₁m + c₁g', v ← β₂v + c₂g'g', p ← p' − step · (m / (√v / root + ε)).
     */
    void update(float[] p, double[] g, double[] m, double[] v, double beta1, double beta2, double step, double root,
            double eps, double decay, boolean decoupled);
}
