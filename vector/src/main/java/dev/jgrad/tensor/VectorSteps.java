package dev.jgrad.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The optimizers' float32 steps ({@link FloatSteps}) with the Vector API: a vector of floats half the width of the
 * double one is widened in registers, updated by the rule's operations in its order, rounded back and stored, so
 * a step makes one pass over the arrays instead of the plain loops' three per chunk (widen, update, round). Each
 * lane is the plain rule's arithmetic (lanewise IEEE operations, no fused multiply-add), so the bits are the
 * same ({@code VectorStepsTest}).
 */
final class VectorSteps implements FloatSteps {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));

    @Override
    public void adam(float[] p, double[] g, double[] m, double[] v, double beta1, double beta2, double step, double root,
            double eps, double decay, boolean decoupled) {
        double c1 = 1 - beta1, c2 = 1 - beta2;
        int n = p.length, i = 0;
        for (; i <= n - D.length(); i += D.length()) {
            DoubleVector pw = (DoubleVector) FloatVector.fromArray(F, p, i).convertShape(VectorOperators.F2D, D, 0);
            DoubleVector gi = DoubleVector.fromArray(D, g, i);
            DoubleVector pi = pw;
            if (decoupled) {
                pi = pw.mul(decay);
            } else {
                gi = gi.add(pw.mul(decay));
            }
            DoubleVector mi = DoubleVector.fromArray(D, m, i).mul(beta1).add(gi.mul(c1));
            DoubleVector vi = DoubleVector.fromArray(D, v, i).mul(beta2).add(gi.mul(c2).mul(gi));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            DoubleVector r = pi.sub(mi.div(vi.sqrt().div(root).add(eps)).mul(step));
            ((FloatVector) r.convertShape(VectorOperators.D2F, F, 0)).intoArray(p, i);
        }
        adamTail(p, g, m, v, beta1, beta2, step, root, eps, decay, decoupled, i);
    }

    /** Numbers [from, n) one at a time: the ragged tail. */
    private static void adamTail(float[] p, double[] g, double[] m, double[] v, double beta1, double beta2, double step,
            double root, double eps, double decay, boolean decoupled, int from) {
        double c1 = 1 - beta1, c2 = 1 - beta2;
        for (int i = from; i < p.length; i++) {
            double pw = p[i], gi = decoupled ? g[i] : g[i] + decay * pw, pi = decoupled ? pw * decay : pw;
            double mi = m[i] = m[i] * beta1 + c1 * gi;
            double vi = v[i] = v[i] * beta2 + c2 * gi * gi;
            p[i] = (float) (pi - step * (mi / (Math.sqrt(vi) / root + eps)));
        }
    }

    @Override
    public void sgd(float[] p, double[] g, double rate, double decay) {
        int n = p.length, i = 0;
        for (; i <= n - D.length(); i += D.length()) {
            DoubleVector pw = (DoubleVector) FloatVector.fromArray(F, p, i).convertShape(VectorOperators.F2D, D, 0);
            DoubleVector d = DoubleVector.fromArray(D, g, i).add(pw.mul(decay));
            ((FloatVector) pw.sub(d.mul(rate)).convertShape(VectorOperators.D2F, F, 0)).intoArray(p, i);
        }
        for (; i < n; i++) {
            double pw = p[i];
            p[i] = (float) (pw - rate * (g[i] + decay * pw));
        }
    }

    /**
     * Runs the loops on a few thousand numbers until Adam's has once taken under 6 ns a number (compiled it takes
     * about 2, with 256- or 512-bit vectors alike: the divisions and square roots bound it), or 30 s have gone by,
     * then lets optimizers use them: before the JIT's optimising compiler has them, every vector operation is an
     * object, and a step of W5's 101,770 parameters took 0.1–0.4 s instead of 0.2 ms (then 1.3 ms for a while,
     * partly compiled). The best time so far, so that a loaded machine does not keep it spinning once compiled;
     * not a ratio to the scalar form, which is slow too until compiled (it let cold loops through). Timed only to
     * choose when: both forms give the same bits.
     */
    static void warmUp() {
        int n = 4096;
        float[] p = new float[n];
        double[] g = new double[n], m = new double[n], v = new double[n];
        java.util.Arrays.fill(g, 0.5);
        VectorSteps loops = new VectorSteps();
        long deadline = System.nanoTime() + 30_000_000_000L;
        long best = Long.MAX_VALUE;
        while (best >= 2 * 6L * n && System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            loops.adam(p, g, m, v, 0.9, 0.999, 1e-3, 0.5, 1e-8, 0, false);
            loops.adam(p, g, m, v, 0.9, 0.999, 1e-3, 0.5, 1e-8, 0.99, true);
            best = Math.min(best, System.nanoTime() - t0);
            loops.sgd(p, g, 1e-3, 0);
        }
        Kernels.stepsWarmed();
    }
}
