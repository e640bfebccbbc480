package dev.jgrad.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The optimizers' float32 steps ({@link FloatSteps}) with the Vector API, a full vector of floats at a time (16
 * lanes with AVX-512): the gradient's two vectors of doubles are rounded to float in registers and joined, and
 * the rule runs in float lanes. Each lane is {@link PlainSteps}'s arithmetic (lanewise IEEE operations in its
 * order, no fused multiply-add), so the bits are the same ({@code VectorStepsTest}); the ragged tail is the plain
 * loop's.
 */
final class VectorSteps implements FloatSteps {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Doubles in a vector of the same bits: half of F's lanes. */
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int HALF = D.length();
    /** F's upper half, where the second vector of gradients lands. */
    private static final VectorMask<Float> UPPER = F.indexInRange(-HALF, HALF);

    /** g[i …) rounded to float32, F's lanes of it. */
    private static FloatVector grad(double[] g, int i) {
        FloatVector lo = (FloatVector) DoubleVector.fromArray(D, g, i).convertShape(VectorOperators.D2F, F, 0);
        FloatVector hi = (FloatVector) DoubleVector.fromArray(D, g, i + HALF).convertShape(VectorOperators.D2F, F, -1);
        return lo.blend(hi, UPPER);
    }

    @Override
    public void adam(float[] p, double[] g, float[] m, float[] v, FloatAdam c) {
        float b1 = c.beta1(), c1 = c.c1(), b2 = c.beta2(), c2 = c.c2(), step = c.step(), root = c.root(), e = c.eps();
        float decay = c.decay();
        boolean decoupled = c.decoupled();
        int n = p.length, i = 0;
        for (; i <= n - F.length(); i += F.length()) {
            FloatVector pi = FloatVector.fromArray(F, p, i), gi = grad(g, i);
            if (decoupled) {
                pi = pi.mul(decay);
            } else {
                gi = gi.add(pi.mul(decay));
            }
            FloatVector mi = FloatVector.fromArray(F, m, i).mul(b1).add(gi.mul(c1));
            FloatVector vi = FloatVector.fromArray(F, v, i).mul(b2).add(gi.mul(c2).mul(gi));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            pi.sub(mi.mul(step).div(vi.sqrt().div(root).add(e))).intoArray(p, i);
        }
        PlainSteps.adam(p, g, m, v, c, i);
    }

    @Override
    public void sgd(float[] p, double[] g, float rate, float decay) {
        int n = p.length, i = 0;
        for (; i <= n - F.length(); i += F.length()) {
            FloatVector pi = FloatVector.fromArray(F, p, i);
            pi.sub(grad(g, i).add(pi.mul(decay)).mul(rate)).intoArray(p, i);
        }
        PlainSteps.sgd(p, g, rate, decay, i);
    }

    /**
     * Runs the loops until Adam's has once taken under 6 ns a number (compiled it takes well under 1), or 30 s have
     * gone by, then lets optimizers use them ({@link Warming}).
     */
    static void warmUp() {
        Warming w = new Warming();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!w.round() && System.nanoTime() < deadline) {
            // until compiled
        }
        Loops.stepsWarmed();
    }

    /**
     * The loops run on a few thousand numbers, a round at a time, timed: before the JIT's optimising compiler has
     * them every vector operation is an object, and a step of W5's 101,770 parameters took 0.1–0.4 s instead of
     * 0.1 ms. The product kernel's warm-up runs a round beside each of its own ({@code JvmKernels.Warmup}), so that
     * both compile at once: the steps' loops are small and ready long before the products', which they used to
     * follow, leaving a first epoch's optimizer on plain loops (0.4 ms a step) for the products' warm-up and
     * their own. The best time so far, so that a loaded machine does not keep it spinning once compiled. Timed
     * only to choose when: both forms give the same bits.
     */
    static final class Warming {
        private static final int N = 4096;
        private final float[] p = new float[N];
        private final float[] m = new float[N];
        private final float[] v = new float[N];
        private final double[] g = new double[N];
        private final VectorSteps loops = new VectorSteps();
        private final FloatAdam l2 = FloatAdam.of(0.9, 0.999, 1e-3, 0.5, 1e-8, 0, false);
        private final FloatAdam decoupled = FloatAdam.of(0.9, 0.999, 1e-3, 0.5, 1e-8, 0.99, true);
        private long best = Long.MAX_VALUE;

        Warming() {
            java.util.Arrays.fill(g, 0.5);
        }

        /** One round; true (and the loops handed to optimizers) once Adam's has once run under 6 ns a number. */
        boolean round() {
            long t0 = System.nanoTime();
            loops.adam(p, g, m, v, l2);
            loops.adam(p, g, m, v, decoupled);
            best = Math.min(best, System.nanoTime() - t0);
            loops.sgd(p, g, 1e-3f, 0);
            if (best < 2 * 6L * N) {
                Loops.stepsWarmed();
                return true;
            }
            return false;
        }
    }
}
