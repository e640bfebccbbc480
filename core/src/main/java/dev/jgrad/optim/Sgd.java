package dev.jgrad.optim;

import dev.jgrad.tensor.InPlace;

/**
 * Stochastic gradient descent with PyTorch's momentum and weight decay:
 * g ← g + λ·p; b ← g on the first step, then b ← μ·b + g; p ← p − η·b.
 * With μ = λ = 0 (the defaults) this is micrograd's {@code p.data -= lr * p.grad}.
 *
 * <pre>{@code
 * Optimizer opt = new Sgd(model.trainable(), 0.1).momentum(0.9).weightDecay(1e-4);
 * }</pre>
 */
public final class Sgd extends Optimizer {
    private double momentum;
    private double weightDecay;
    private double[] buffer;
    /** This step's rate and whether it is the first, set by {@link #prepare}. */
    private double rate;
    private boolean first;
    /** float32 numbers are widened, updated in double and rounded once: the gathered loop's bits. */
    private final PerNumber inPlace = new PerNumber() {
        @Override
        double next(double p, double g, int i) {
            return updated(p, g, i);
        }

        @Override
        boolean inOnePass(float[] p, double[] g) {
            return buffer == null && InPlace.sgd(p, g, rate, weightDecay);
        }
    };

    /**
     * Plain SGD over {@code parameters} at {@code learningRate} (a finite number > 0): no momentum, no weight decay.
     *
     * @param parameters the numbers to update, at least one
     * @param learningRate η, a finite number > 0
     * @throws IllegalArgumentException for a rate that is not, or for no parameters
     */
    public Sgd(Parameters parameters, double learningRate) {
        super(parameters, learningRate);
    }

    /**
     * Momentum μ in [0, 1), set before the first step; returns this optimizer.
     *
     * @param momentum μ: how much of the last step's direction each step keeps
     * @return this optimizer
     * @throws IllegalArgumentException for μ outside [0, 1)
     * @throws IllegalStateException after the first step
     */
    public Sgd momentum(double momentum) {
        beforeFirstStep("momentum");
        this.momentum = check("momentum", momentum, 0, 1);
        return this;
    }

    /**
     * Weight decay λ ≥ 0, added to the gradient as L2 would be, set before the first step; returns this optimizer.
     *
     * @param weightDecay λ
     * @return this optimizer
     * @throws IllegalArgumentException for a negative or NaN λ
     * @throws IllegalStateException after the first step
     */
    public Sgd weightDecay(double weightDecay) {
        beforeFirstStep("weight decay");
        this.weightDecay = check("weight decay", weightDecay, 0, Double.MAX_VALUE);
        return this;
    }

    @Override
    protected void update(double[] p, double[] g, double rate, long t) {
        prepare(rate, t);
        inPlace.update(p, g, 0);
    }

    @Override
    InPlace inPlace(double rate, long t) {
        prepare(rate, t);
        return inPlace;
    }

    private void prepare(double rate, long t) {
        if (momentum > 0 && buffer == null) {
            buffer = new double[size()];
        }
        this.rate = rate;
        this.first = t == 1;
    }

    /** Parameter {@code p} at position i after this step, its momentum buffer updated. */
    private double updated(double p, double g, int i) {
        double d = g + weightDecay * p;
        if (buffer != null) {
            d = buffer[i] = first ? d : momentum * buffer[i] + d;
        }
        return p - rate * d;
    }
}
