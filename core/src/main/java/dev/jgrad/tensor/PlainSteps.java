package dev.jgrad.tensor;

/**
 * The optimizers' float32 steps as plain loops ({@link FloatSteps}): the oracle for the vector loops, and the
 * loops in use until those are warm and always in the browser. Every array is read at index i and each number's
 * operations come in the rule's order, the shape HotSpot vectorises.
 */
final class PlainSteps implements FloatSteps {
    static final PlainSteps LOOPS = new PlainSteps();

    private PlainSteps() {
    }

    @Override
    public void adam(float[] p, double[] g, float[] m, float[] v, FloatAdam c) {
        adam(p, g, m, v, c, 0);
    }

    /** Adam's step over numbers [from, p.length): all of them, or a vector loop's ragged tail. */
    static void adam(float[] p, double[] g, float[] m, float[] v, FloatAdam c, int from) {
        float b1 = c.beta1(), c1 = c.c1(), b2 = c.beta2(), c2 = c.c2(), step = c.step(), root = c.root(), e = c.eps();
        float decay = c.decay();
        // Decoupled decay has a loop of its own, since "g + 0·p" is not g for an infinite p or a gradient of −0.
        if (c.decoupled()) {
            for (int i = from; i < p.length; i++) {
                float pi = p[i] * decay, gi = (float) g[i];
                float mi = m[i] = m[i] * b1 + c1 * gi;
                float vi = v[i] = v[i] * b2 + c2 * gi * gi;
                p[i] = pi - step * mi / ((float) Math.sqrt(vi) / root + e);
            }
        } else {
            for (int i = from; i < p.length; i++) {
                float pi = p[i], gi = (float) g[i] + decay * pi;
                float mi = m[i] = m[i] * b1 + c1 * gi;
                float vi = v[i] = v[i] * b2 + c2 * gi * gi;
                p[i] = pi - step * mi / ((float) Math.sqrt(vi) / root + e);
            }
        }
    }

    /**
     * Adam's step as {@link #adam(float[], double[], float[], float[], FloatAdam)} in two passes: the gradient rounded
     * into {@code rounded} (at least as long as p), then the rule over float arrays alone, which HotSpot 17
     * vectorises (it vectorises no conversion from double to float: in one pass a W5 step took 0.24 ms of CPU, in
     * two 0.10, the vector loop 0.06). The same operations on the same numbers: the same bits. The loops in use
     * until the vector ones are warm ({@link InPlace#adam}).
     */
    static void adam(float[] p, double[] g, float[] m, float[] v, FloatAdam c, float[] rounded) {
        for (int i = 0; i < p.length; i++) {
            rounded[i] = (float) g[i];
        }
        float b1 = c.beta1(), c1 = c.c1(), b2 = c.beta2(), c2 = c.c2(), step = c.step(), root = c.root(), e = c.eps();
        float decay = c.decay();
        if (c.decoupled()) {
            for (int i = 0; i < p.length; i++) {
                float pi = p[i] * decay, gi = rounded[i];
                float mi = m[i] = m[i] * b1 + c1 * gi;
                float vi = v[i] = v[i] * b2 + c2 * gi * gi;
                p[i] = pi - step * mi / ((float) Math.sqrt(vi) / root + e);
            }
        } else {
            for (int i = 0; i < p.length; i++) {
                float pi = p[i], gi = rounded[i] + decay * pi;
                float mi = m[i] = m[i] * b1 + c1 * gi;
                float vi = v[i] = v[i] * b2 + c2 * gi * gi;
                p[i] = pi - step * mi / ((float) Math.sqrt(vi) / root + e);
            }
        }
    }

    @Override
    public void sgd(float[] p, double[] g, float rate, float decay) {
        sgd(p, g, rate, decay, 0);
    }

    /** SGD's step without momentum over numbers [from, p.length). */
    static void sgd(float[] p, double[] g, float rate, float decay, int from) {
        for (int i = from; i < p.length; i++) {
            p[i] = p[i] - rate * ((float) g[i] + decay * p[i]);
        }
    }

    /**
     * SGD's step with momentum μ and its buffer b (as long as p): d = (float) g + decay·p; b ← d on the first step,
     * else b ← b·μ + d; p ← p − rate·b. Plain loops only: no vector form to agree with.
     */
    static void sgd(float[] p, double[] g, float[] b, boolean first, float rate, float decay, float momentum) {
        for (int i = 0; i < p.length; i++) {
            float d = (float) g[i] + decay * p[i];
            float bi = b[i] = first ? d : b[i] * momentum + d;
            p[i] = p[i] - rate * bi;
        }
    }
}
