package dev.jgrad.tensor;

/**
 * The pointwise primitives, each beside its local derivative. Inputs already share one shape.
 * Exponentials and logarithms come from {@link StrictMath}, whose results Java fixes to the bit;
 * {@link Math}'s may differ by an ulp between JVMs and CPUs (HotSpot's intrinsics), and a seed
 * must give the same numbers everywhere (docs/performance.md has the cost).
 */
final class Elementwise {
    private Elementwise() {
    }

    /** out = −a;  da = −g. */
    static final class Neg extends Function {
        String name() { return "neg"; }

        double[] forward() {
            double[] a = data(0), o = Arena.doubles(a.length);
            for (int i = 0; i < o.length; i++) {
                o[i] = -a[i];
            }
            return o;
        }

        double[][] backward(double[] g) {
            double[] d = Arena.doubles(g.length);
            for (int i = 0; i < d.length; i++) {
                d[i] = -g[i];
            }
            return new double[][] {d};
        }
    }

    /** out = eᵃ;  da = out · g. */
    static final class Exp extends Function {
        String name() { return "exp"; }

        double[] forward() {
            double[] a = data(0), o = Arena.doubles(a.length);
            for (int i = 0; i < o.length; i++) {
                o[i] = StrictMath.exp(a[i]);
            }
            return o;
        }

        double[][] backward(double[] g) {
            double[] d = Arena.doubles(g.length);
            for (int i = 0; i < d.length; i++) {
                d[i] = out[i] * g[i];
            }
            return new double[][] {d};
        }
    }

    /** out = ln a;  da = g / a. As in PyTorch, log 0 = −∞ and log of a negative is NaN. */
    static final class Log extends Function {
        String name() { return "log"; }

        double[] forward() {
            double[] a = data(0), o = Arena.doubles(a.length);
            for (int i = 0; i < o.length; i++) {
                o[i] = StrictMath.log(a[i]);
            }
            return o;
        }

        double[][] backward(double[] g) {
            double[] a = data(0), d = Arena.doubles(g.length);
            for (int i = 0; i < d.length; i++) {
                d[i] = g[i] / a[i];
            }
            return new double[][] {d};
        }
    }

    /** out = 1 / a;  da = −g / a² = −g · out². Makes div a composite. */
    static final class Reciprocal extends Function {
        String name() { return "reciprocal"; }

        double[] forward() {
            double[] a = data(0), o = Arena.doubles(a.length);
            for (int i = 0; i < o.length; i++) {
                o[i] = 1 / a[i];
            }
            return o;
        }

        double[][] backward(double[] g) {
            double[] d = Arena.doubles(g.length);
            for (int i = 0; i < d.length; i++) {
                d[i] = -g[i] * out[i] * out[i];
            }
            return new double[][] {d};
        }
    }

    /**
     * out = max(0, a);  da = g where a > 0, else 0 (0 at the kink, as PyTorch). Math.max, not a
     * branch: signs are random, and a mispredicted branch per entry cost more than the rest.
     */
    static final class Relu extends Function {
        String name() { return "relu"; }

        double[] forward() {
            double[] a = data(0), o = Arena.doubles(a.length);
            for (int i = 0; i < o.length; i++) {
                o[i] = Math.max(a[i], 0);
            }
            return o;
        }

        /** In float32 itself: max(a, 0) is exact, the bits of the double path rounded, one pass fewer. */
        @Override
        float[] forwardFloats() {
            float[] a = in[0].floats, o = Arena.floats(a.length);
            for (int i = 0; i < o.length; i++) {
                o[i] = Math.max(a[i], 0f);
            }
            return o;
        }

        double[][] backward(double[] g) {
            double[] d = Arena.doubles(g.length);
            if (in[0].floats != null) {
                ReluGate.pass(in[0].floats, g, d);
            } else {
                ReluGate.pass(data(0), g, d);
            }
            return new double[][] {d};
        }
    }

    /**
     * out = tanh a;  da = (1 − out²) · g. Computed by {@link #tanh(double)}, within 6 ulp of
     * {@link Math#tanh} at under half its cost: tanh is most of a small tanh network's step.
     */
    static final class Tanh extends Function {
        String name() { return "tanh"; }

        double[] forward() {
            double[] a = data(0), o = Arena.doubles(a.length);
            for (int i = 0; i < o.length; i++) {
                o[i] = tanh(a[i]);
            }
            return o;
        }

        double[][] backward(double[] g) {
            double[] d = Arena.doubles(g.length);
            for (int i = 0; i < d.length; i++) {
                d[i] = (1 - out[i] * out[i]) * g[i];
            }
            return new double[][] {d};
        }
    }

    /** out = a + b;  da = g, db = g. */
    static final class Add extends Function {
        String name() { return "add"; }

        double[] forward() {
            double[] a = data(0), b = data(1), o = Arena.doubles(a.length);
            for (int i = 0; i < o.length; i++) {
                o[i] = a[i] + b[i];
            }
            return o;
        }

        /**
         * In float32 itself: a float sum is the exact sum rounded once, and so is the double sum of
         * two floats rounded to float (a double holds more than twice a float's digits), so the bits
         * are the double path's, without widening both inputs and narrowing the result.
         */
        @Override
        float[] forwardFloats() {
            float[] a = in[0].floats, b = in[1].floats, o = Arena.floats(a.length);
            for (int i = 0; i < o.length; i++) {
                o[i] = a[i] + b[i];
            }
            return o;
        }

        double[][] backward(double[] g) {
            return new double[][] {needs(0) ? g : null, needs(1) ? g : null};
        }
    }

    /** out = a · b;  da = b · g, db = a · g. */
    static final class Mul extends Function {
        String name() { return "mul"; }

        double[] forward() {
            double[] a = data(0), b = data(1), o = Arena.doubles(a.length);
            for (int i = 0; i < o.length; i++) {
                o[i] = a[i] * b[i];
            }
            return o;
        }

        double[][] backward(double[] g) {
            return new double[][] {needs(0) ? times(data(1), g) : null, needs(1) ? times(data(0), g) : null};
        }

        private static double[] times(double[] x, double[] g) {
            double[] d = Arena.doubles(g.length);
            for (int i = 0; i < d.length; i++) {
                d[i] = x[i] * g[i];
            }
            return d;
        }
    }

    /**
     * tanh x: below |x| = 0.55 the 8th convergent of Lambert's continued fraction,
     * x·P(x²)/Q(x²) (truncation error under 1e-18 there; all coefficients positive, so it evaluates
     * without cancellation); above, (1 − e)/(1 + e) with e = e^−2|x| ≤ 1/3, which cannot cancel
     * either. Built from exactly rounded operations only ({@link #expOfNonPositive}), so its bits are
     * the same on every JVM.
     */
    static double tanh(double x) {
        double ax = Math.abs(x);
        if (ax < 0.55) {
            double y = x * x;
            double p = 2027025 + y * (270270 + y * (6930 + y * 36));
            double q = 2027025 + y * (945945 + y * (51975 + y * (630 + y)));
            return x * p / q;
        }
        // x is not 0 here, so its sign is x < 0: Math.copySign reads the bits through a long, which TeaVM makes a BigInt
        if (ax > 20) {
            return x < 0 ? -1 : 1;
        }
        double e = expOfNonPositive(-2 * ax);
        double v = (1 - e) / (1 + e);
        return x < 0 ? -v : v;
    }

    private static final double INV_LN2 = 1.4426950408889634, LN2_HI = 0.6931471803691238, LN2_LO = 1.9082149292705877e-10;
    /** 1.5·2⁵²: y + it − it is y rounded to an integer, half to even (Math.rint), for |y| < 2⁵¹, in doubles alone. */
    private static final double ROUND = 0x1.8p52;
    /**
     * e^t for t in [−41, 0], within 2 ulp of {@link StrictMath#exp}, from exactly rounded operations
     * only, so the same bits on every JVM: t = k·ln 2 + r with |r| ≤ ln 2 / 2 (ln 2 in two parts, as
     * fdlibm, so r is exact to the last bit), e^r by its Taylor series to r¹³ (truncation under
     * 1e-17), times 2^k. No call and no branch: tanh's cost (docs/performance.md). k is rounded and 2^k made
     * in doubles and ints, the same bits as Math.rint and 2^k built from its bits: TeaVM's Math.rint goes through a
     * long and rounds halves away from 0, and its longs are JavaScript BigInts: a few of them per call made the
     * tensor engine's tanh several times slower in the browser. Outside [−41, 0] its answer is wrong, not refused.
     * Written to stay small in JavaScript: r · p (not p · r, the same bits) and no table, so that tanh with this
     * inlined compiles under V8's bytecode limit for inlining (460 bytes), and V8 inlines tanh into its callers
     * rather than call it and box each double it returns.
     */
    static double expOfNonPositive(double t) {
        double k = t * INV_LN2 + ROUND - ROUND;
        double r = (t - k * LN2_HI) - k * LN2_LO;
        double p = 1.6059043836821613e-10;
        p = r * p + 2.08767569878681e-09;
        p = r * p + 2.505210838544172e-08;
        p = r * p + 2.755731922398589e-07;
        p = r * p + 2.7557319223985893e-06;
        p = r * p + 2.48015873015873e-05;
        p = r * p + 1.984126984126984e-04;
        p = r * p + 1.388888888888889e-03;
        p = r * p + 8.333333333333333e-03;
        p = r * p + 4.1666666666666664e-02;
        p = r * p + 0.16666666666666666;
        p = r * p + 0.5;
        p = r * p + 1;
        p = r * p + 1;
        // 2^k, k in −59 … 0 here, as two exact factors built from ints: no table, whose class initialiser TeaVM checks on
        // every call, and no long
        int j = (int) -k;
        return p * (j < 30 ? 1 : 0x1p-30) / (1 << (j < 30 ? j : j - 30));
    }
}
