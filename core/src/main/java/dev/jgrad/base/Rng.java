package dev.jgrad.base;

/**
 * jgrad's seeded random generator: SplitMix64 (Steele, Lea and Flood, the algorithm behind
 * {@code java.util.Rng}), written out so that a seed draws the same numbers on every
 * JVM and in the browser, where the JDK's generators do not exist. Every draw of data, initial
 * weights and shuffles comes from one of these, passed in; nothing in jgrad draws from a hidden one.
 *
 * <p>Not thread-safe: give each thread its own, from {@link #split()}.
 */
public final class Rng {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;
    /** A second Gaussian from the last polar draw, or NaN. */
    private double spareGaussian = Double.NaN;

    /**
     * A generator whose draws are fixed by its seed.
     *
     * @param seed any long; the same seed gives the same draws on every JVM and in the browser
     */
    public Rng(long seed) {
        this.state = seed;
    }

    /** {@return 64 random bits} */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** {@return a draw uniform in [0, 1), a multiple of 2⁻⁵³} */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /**
     * {@return a draw uniform in [lo, hi)}
     *
     * @param lo the least value
     * @param hi the bound, never returned; hi − lo must be finite and positive
     * @throws IllegalArgumentException for an empty, reversed or infinite range
     */
    public double nextDouble(double lo, double hi) {
        if (!(lo < hi) || Double.isInfinite(hi - lo)) {
            throw new IllegalArgumentException("need finite lo < hi, got [" + lo + ", " + hi + ")");
        }
        double r = lo + (hi - lo) * nextDouble();
        return r < hi ? r : below(hi);
    }

    /**
     * {@return a draw uniform in 0 … bound − 1, without the bias of a plain remainder}
     *
     * @param bound how many values there are to draw from, ≥ 1
     * @throws IllegalArgumentException for a bound below 1
     */
    public int nextInt(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be at least 1, got " + bound);
        }
        long limit = Long.MAX_VALUE - Long.MAX_VALUE % bound;
        long r = nextLong() >>> 1;
        while (r >= limit) {
            r = nextLong() >>> 1;
        }
        return (int) (r % bound);
    }

    /**
     * {@return a standard normal draw} By Marsaglia's polar method. {@link StrictMath} makes the logarithm the
     * same on every JVM and CPU (and the browser's fdlibm-derived one).
     */
    public double nextGaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double g = spareGaussian;
            spareGaussian = Double.NaN;
            return g;
        }
        double u, v, s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double scale = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * scale;
        return u * scale;
    }

    /** {@return a new generator seeded from this one's stream} A seed split this way gives independent streams. */
    public Rng split() {
        return new Rng(nextLong());
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The largest double below {@code x} (Math.nextDown, which the browser's class library may lack). */
    private static double below(double x) {
        long bits = Double.doubleToRawLongBits(x);
        if (x == 0) {
            return -Double.MIN_VALUE;
        }
        return Double.longBitsToDouble(x > 0 ? bits - 1 : bits + 1);
    }
}
