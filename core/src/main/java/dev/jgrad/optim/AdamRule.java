package dev.jgrad.optim;

import dev.jgrad.tensor.InPlace;

/**
 * Adam's rule, shared by {@link Adam} (weight decay added to the gradient, as L2) and
 * {@link AdamW} (weight decay applied to the parameter, decoupled), written in PyTorch's (1.13) order
 * of operations so that results agree with it to the last bits:
 * m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; p ← p − (η / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε).
 *
 * <p>A tensor's parameters are updated in place, one pass over each array. float32 ones too, but
 * wider: each number is widened to double, the moments are kept in double, and the result is
 * rounded once to float32. That is where float32 training accumulates in double, as the gradients
 * do: a moment in float32 would lose v's small (1−β₂)g² terms against β₂v, and the bits are the
 * float64 rule's on the widened numbers, whatever the engine.
 */
abstract class AdamRule<T extends AdamRule<T>> extends Optimizer {
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double eps = 1e-8;
    private double weightDecay;
    private final boolean decoupled;
    private final double[] m;
    private final double[] v;
    /** This step's coefficients, set by {@link #prepare}. */
    private double rate;
    private double stepSize;
    private double correction2Sqrt;
    private final PerNumber inPlace = new PerNumber() {
        @Override
        double next(double p, double g, int i) {
            return updated(p, g, i);
        }
    };

    AdamRule(Parameters parameters, double rate, double weightDecay, boolean decoupled) {
        super(parameters, rate);
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
        this.m = new double[parameters.size()];
        this.v = new double[parameters.size()];
    }

    /**
     * The moments' decay rates β₁ and β₂, each in [0, 1), set before the first step; returns this optimizer.
     *
     * @param beta1 β₁, the first moment's decay (PyTorch's 0.9)
     * @param beta2 β₂, the second moment's decay (PyTorch's 0.999)
     * @return this optimizer
     * @throws IllegalArgumentException for a β outside [0, 1)
     * @throws IllegalStateException after the first step
     */
    public final T betas(double beta1, double beta2) {
        beforeFirstStep("betas");
        this.beta1 = check("beta1", beta1, 0, 1);
        this.beta2 = check("beta2", beta2, 0, 1);
        return self();
    }

    /**
     * ε, a finite number > 0 added to the step's denominator, set before the first step; returns this optimizer.
     *
     * @param eps ε (PyTorch's 1e-8)
     * @return this optimizer
     * @throws IllegalArgumentException for ε ≤ 0, NaN or ∞
     * @throws IllegalStateException after the first step
     */
    public final T eps(double eps) {
        beforeFirstStep("eps");
        if (!(eps > 0) || Double.isInfinite(eps)) {
            // 0 / (√0 + eps) where a gradient has always been 0: with eps = 0 that step is NaN.
            throw new IllegalArgumentException("eps must be a finite number > 0, got " + eps);
        }
        this.eps = eps;
        return self();
    }

    /**
     * Weight decay λ ≥ 0 (L2 in the gradient for Adam, decoupled for AdamW), set before the first step; returns this optimizer.
     *
     * @param weightDecay λ
     * @return this optimizer
     * @throws IllegalArgumentException for a negative or NaN λ
     * @throws IllegalStateException after the first step
     */
    public final T weightDecay(double weightDecay) {
        beforeFirstStep("weight decay");
        this.weightDecay = check("weight decay", weightDecay, 0, Double.MAX_VALUE);
        return self();
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    @Override
    protected final void update(double[] p, double[] g, double rate, long t) {
        prepare(rate, t);
        inPlace.update(p, g, 0);
    }

    @Override
    final InPlace inPlace(double rate, long t) {
        prepare(rate, t);
        return inPlace;
    }

    private void prepare(double rate, long t) {
        this.rate = rate;
        this.stepSize = rate / (1 - StrictMath.pow(beta1, t));
        this.correction2Sqrt = Math.sqrt(1 - StrictMath.pow(beta2, t));
    }

    /** Parameter {@code p} at position i after this step, its moments updated. */
    private double updated(double p, double g, int i) {
        if (decoupled) {
            p *= 1 - rate * weightDecay;
        } else {
            g += weightDecay * p;
        }
        double mi = m[i] = m[i] * beta1 + (1 - beta1) * g;
        double vi = v[i] = v[i] * beta2 + (1 - beta2) * g * g;
        return p - stepSize * (mi / (Math.sqrt(vi) / correction2Sqrt + eps));
    }
}
