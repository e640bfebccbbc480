package dev.jgrad.optim;

import dev.jgrad.tensor.InPlace;

/**
 * Stochastic gradient descent with PyTorch's momentum and weight decay:
 * g ← g + λ·p; b ← g on the first step, then b ← μ·b + g; p ← p − η·b.
 * With μ = λ = 0 (the defaults) this is micrograd's {@code p.data -= lr * p.grad}.
 * float32 tensors are stepped in float32 arithmetic with float32 buffers, as PyTorch steps a float32 tensor
 * ({@link InPlace#sgd}); numbers gathered by {@link Parameters#concat} are stepped in double.
 *
 * <pre>{@code
 * Optimizer opt = new Sgd(model.trainable(), 0.1).momentum(0.9).weightDecay(1e-4);
 * }</pre>
 */
public final class Sgd extends Optimizer {
    private double momentum;
    private double weightDecay;
    /** float64 numbers' momentum buffer, one over all the numbers, indexed by position. */
    private double[] buffer;
    /** This step's rate and whether it is the first, set by {@link #prepare}. */
    private double rate;
    private boolean first;
    /** float32 tensors' momentum buffers, one per tensor in the order they come ({@link #floatCursor}). */
    private final java.util.List<float[]> floatBuffers = new java.util.ArrayList<>();
    private int floatCursor;
    private final InPlace inPlace = new InPlace() {
        @Override
        public void update(double[] p, double[] g, int at) {
            for (int i = 0; i < p.length; i++) {
                p[i] = updated(p[i], g[i], at + i);
            }
        }

        /** In float32 arithmetic, as PyTorch steps a float32 tensor ({@link InPlace#sgd}). */
        @Override
        public void update(float[] p, double[] g, int at) {
            InPlace.sgd(p, g, momentum > 0 ? nextBuffer(p.length) : null, first, (float) rate, (float) weightDecay,
                    (float) momentum);
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
        for (int i = 0; i < p.length; i++) {
            p[i] = updated(p[i], g[i], i);
        }
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
        this.floatCursor = 0;
    }

    /** The next float32 tensor's momentum buffer, made at the first step (which sets it whole). */
    private float[] nextBuffer(int n) {
        if (floatCursor == floatBuffers.size()) {
            floatBuffers.add(new float[n]);
        }
        return floatBuffers.get(floatCursor++);
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
