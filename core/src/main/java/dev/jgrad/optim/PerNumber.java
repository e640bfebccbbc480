package dev.jgrad.optim;

import dev.jgrad.tensor.InPlace;

/**
 * An update rule written once per number, {@link #next}, run over float64 arrays directly and over
 * float32 ones a chunk at a time: each chunk widened into a small array of doubles, updated there,
 * rounded back, while it is in cache. Converting in the same loop as Adam's division and square
 * root made it 5–6× slower than the double loop on this AVX-512 machine with HotSpot 17 (not with
 * {@code -XX:UseAVX=2}: the EVEX conversions seem to carry a dependency on their destination register
 * from one iteration to the next); in loops of their own the conversions cost a few percent. The
 * bits are the same: the widening is exact and each result is rounded once.
 */
abstract class PerNumber implements InPlace {
    private static final int CHUNK = 256;
    private final double[] chunk = new double[CHUNK];

    /**
     * A parameter's new value.
     *
     * @param p its current value
     * @param g its gradient
     * @param i its position among all the optimizer's numbers (for the rule's state)
     * @return its value after this step
     */
    abstract double next(double p, double g, int i);

    @Override
    public final void update(double[] p, double[] g, int at) {
        for (int i = 0; i < p.length; i++) {
            p[i] = next(p[i], g[i], at + i);
        }
    }

    /**
     * Steps a float32 parameter in one pass by a JVM vector loop ({@link InPlace#sgd}), where the rule has one and it
     * is ready; false: the chunks below.
     */
    boolean inOnePass(float[] p, double[] g) {
        return false;
    }

    @Override
    public final void update(float[] p, double[] g, int at) {
        if (inOnePass(p, g)) {
            return;
        }
        double[] c = chunk;
        for (int from = 0; from < p.length; from += CHUNK) {
            int n = Math.min(CHUNK, p.length - from);
            for (int i = 0; i < n; i++) {
                c[i] = p[from + i];
            }
            for (int i = 0; i < n; i++) {
                c[i] = next(c[i], g[from + i], at + from + i);
            }
            for (int i = 0; i < n; i++) {
                p[from + i] = (float) c[i];
            }
        }
    }
}
