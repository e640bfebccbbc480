package dev.jgrad.optim;

import dev.jgrad.tensor.FloatAdam;
import dev.jgrad.tensor.InPlace;

/**
 * Adam's rule, shared by {@link Adam} (weight decay added to the gradient, as L2) and
 * {@link AdamW} (weight decay applied to the parameter, decoupled), written in PyTorch's (1.13) order
 * of operations so that results agree with it to the last bits:
 * m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; p ← p − (η / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε).
 *
 * <p>A tensor's parameters are updated in place, one pass over each array, with moments of their
 * own per tensor: every array read at the same index, no offset, so that HotSpot 17 vectorises the
 * loop (an offset into one flat array of moments stopped it, and the step took 1.8× as long).
 *
 * <p>float32 parameters are stepped as PyTorch steps a float32 tensor: moments in float32, the rule in
 * float32 arithmetic, its coefficients worked out in double once per step and rounded to float32
 * ({@link FloatAdam}); only the gradient is accumulated in double by backward, and read rounded once
 * ({@link InPlace#adam}). The gathered path ({@link #update(double[], double[], double, long)}, for numbers
 * joined by {@link Parameters#concat}) sees doubles only and computes in double whatever the dtype.
 */
abstract class AdamRule<T extends AdamRule<T>> extends Optimizer {
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double eps = 1e-8;
    private double weightDecay;
    private final boolean decoupled;
    /** The gathered path's moments, one flat pair over all the numbers; made at its first step. */
    private double[] m;
    private double[] v;
    /**
     * The in-place path's moments: a pair per tensor, in the order the tensors come ({@link #cursor}); float32
     * tensors' in float32, in the order they come among themselves ({@link #floatCursor}).
     */
    private final java.util.List<double[][]> moments = new java.util.ArrayList<>();
    private final java.util.List<float[][]> floatMoments = new java.util.ArrayList<>();
    private int cursor;
    private int floatCursor;
    /** This step's coefficients, set by {@link #prepare}. */
    private double rate;
    private double stepSize;
    private double correction2Sqrt;
    /** This step's coefficients for float32 parameters, rounded from the ones above. */
    private FloatAdam floats;
    private final InPlace inPlace = new InPlace() {
        @Override
        public void update(double[] p, double[] g, int at) {
            double[][] mv = next(p.length);
            run(p, g, mv[0], mv[1]);
        }

        @Override
        public void update(float[] p, double[] g, int at) {
            InPlace.adam(p, g, nextFloats(p.length), floats);
        }
    };

    AdamRule(Parameters parameters, double rate, double weightDecay, boolean decoupled) {
        super(parameters, rate);
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
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
        if (m == null) {
            m = new double[p.length];
            v = new double[p.length];
        }
        prepare(rate, t);
        run(p, g, m, v);
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
        this.floats = FloatAdam.of(beta1, beta2, stepSize, correction2Sqrt, eps,
                decoupled ? 1 - rate * weightDecay : weightDecay, decoupled);
        this.cursor = 0;
        this.floatCursor = 0;
    }

    /** The next tensor's moments, made zero at the first step. */
    private double[][] next(int n) {
        if (cursor == moments.size()) {
            moments.add(new double[][] {new double[n], new double[n]});
        }
        return moments.get(cursor++);
    }

    /** The next float32 tensor's moments, made zero at the first step, and a slot for the plain loops' room ({@link InPlace#adam}). */
    private float[][] nextFloats(int n) {
        if (floatCursor == floatMoments.size()) {
            floatMoments.add(new float[][] {new float[n], new float[n], null});
        }
        return floatMoments.get(floatCursor++);
    }

    // The loops below are the rule written out: coefficients in locals and every array at index i, the
    // shape HotSpot vectorises. Decoupled decay has a loop of its own, since "g + 0·p" is not g for an
    // infinite p or a gradient of −0.

    private void run(double[] p, double[] g, double[] m, double[] v) {
        double b1 = beta1, b2 = beta2, c1 = 1 - beta1, c2 = 1 - beta2, step = stepSize, root = correction2Sqrt, e = eps;
        if (decoupled) {
            double shrink = 1 - rate * weightDecay;
            for (int i = 0; i < p.length; i++) {
                double pi = p[i] * shrink, gi = g[i];
                double mi = m[i] = m[i] * b1 + c1 * gi;
                double vi = v[i] = v[i] * b2 + c2 * gi * gi;
                p[i] = pi - step * (mi / (Math.sqrt(vi) / root + e));
            }
        } else {
            double wd = weightDecay;
            for (int i = 0; i < p.length; i++) {
                double gi = g[i] + wd * p[i];
                double mi = m[i] = m[i] * b1 + c1 * gi;
                double vi = v[i] = v[i] * b2 + c2 * gi * gi;
                p[i] = p[i] - step * (mi / (Math.sqrt(vi) / root + e));
            }
        }
    }
}
