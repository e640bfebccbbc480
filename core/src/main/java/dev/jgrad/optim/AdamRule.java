package dev.jgrad.optim;

/**
 * Adam's rule, shared by {@link Adam} (weight decay added to the gradient, as L2) and
 * {@link AdamW} (weight decay applied to the parameter, decoupled), written in PyTorch's (1.13) order
 * of operations so that results agree with it to the last bits:
 * m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; p ← p − (η / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε).
 */
abstract class AdamRule extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;
    private final double[] m;
    private final double[] v;

    AdamRule(Parameters parameters, double rate, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        super(parameters, rate);
        this.beta1 = check("beta1", beta1, 0, 1);
        this.beta2 = check("beta2", beta2, 0, 1);
        if (!(eps > 0) || Double.isInfinite(eps)) {
            // 0 / (√0 + eps) where a gradient has always been 0: with eps = 0 that step is NaN.
            throw new IllegalArgumentException("eps must be a finite number > 0, got " + eps);
        }
        this.eps = eps;
        this.weightDecay = check("weight decay", weightDecay, 0, Double.MAX_VALUE);
        this.decoupled = decoupled;
        this.m = new double[parameters.size()];
        this.v = new double[parameters.size()];
    }

    @Override
    protected final void update(double[] p, double[] g, double rate, long t) {
        double correction1 = 1 - StrictMath.pow(beta1, t);
        double correction2Sqrt = Math.sqrt(1 - StrictMath.pow(beta2, t));
        double stepSize = rate / correction1;
        for (int i = 0; i < p.length; i++) {
            double gi = g[i];
            if (decoupled) {
                p[i] *= 1 - rate * weightDecay;
            } else {
                gi += weightDecay * p[i];
            }
            m[i] = m[i] * beta1 + (1 - beta1) * gi;
            v[i] = v[i] * beta2 + (1 - beta2) * gi * gi;
            p[i] -= stepSize * (m[i] / (Math.sqrt(v[i]) / correction2Sqrt + eps));
        }
    }
}
