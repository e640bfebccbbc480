package dev.jgrad.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The layers' elementwise passes ({@link Passes}) with the Vector API: relu's max and gate as a lanewise max and
 * a blend with +0 (no branch to mispredict), tanh with every lane through both of its formulas and the answer
 * blended, and float32's conversions in registers. Each lane computes the plain loop's operations in its order
 * (lanewise IEEE operations, no fused multiply-add), so the bits are {@link PlainPasses}' ({@code VectorPassesTest});
 * a row's ragged end runs the plain loop.
 */
final class VectorPasses implements Passes {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /**
     * Floats of D's shape, twice its lanes: a vector of them is widened in two halves and two of doubles are rounded
     * into one. No other float shape: with half-width float vectors for the conversions, the Vector API's shared
     * loads and stores saw two vector classes, and C2 left the product kernel's packing of B
     * ({@code VectorFloatGemm.wholePanels}) boxing every vector (1.8 GB of garbage over six W5 epochs).
     */
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int HALF = D.length();

    @Override
    public void biasRelu(double[] c, double[] b, int from, int to, int n) {
        int end = n - n % D.length();
        for (int row = from * n; row < to * n; row += n) {
            for (int j = 0; j < end; j += D.length()) {
                DoubleVector.fromArray(D, c, row + j).add(DoubleVector.fromArray(D, b, j)).max(0.0).intoArray(c, row + j);
            }
            for (int j = end; j < n; j++) {
                c[row + j] = Math.max(c[row + j] + b[j], 0);
            }
        }
    }

    @Override
    public void biasRelu(float[] c, float[] b, int from, int to, int n) {
        int end = n - n % F.length();
        for (int row = from * n; row < to * n; row += n) {
            for (int j = 0; j < end; j += F.length()) {
                FloatVector.fromArray(F, c, row + j).add(FloatVector.fromArray(F, b, j)).max(0f).intoArray(c, row + j);
            }
            for (int j = end; j < n; j++) {
                c[row + j] = Math.max(c[row + j] + b[j], 0f);
            }
        }
    }

    /**
     * A row a whole number of vectors wide in one pass; any other, the bias first, then tanh over the block as one run
     * of numbers, so that only the block's last few take the scalar tanh: row by row, the post's 9-unit layer took one
     * scalar tanh a row, a fifth of W1's step. Either way each number is tanh(c + b), the same bits.
     */
    @Override
    public void biasTanh(double[] c, double[] b, int from, int to, int n) {
        if (n % D.length() != 0) {
            addBias(c, b, from, to, n);
            tanh(c, from * n, to * n);
            return;
        }
        for (int row = from * n; row < to * n; row += n) {
            for (int j = 0; j < n; j += D.length()) {
                tanh(DoubleVector.fromArray(D, c, row + j).add(DoubleVector.fromArray(D, b, j))).intoArray(c, row + j);
            }
        }
    }

    /** Rows [from, to) of c (n wide) += b. */
    private static void addBias(double[] c, double[] b, int from, int to, int n) {
        int end = n - n % D.length();
        for (int row = from * n; row < to * n; row += n) {
            for (int j = 0; j < end; j += D.length()) {
                DoubleVector.fromArray(D, c, row + j).add(DoubleVector.fromArray(D, b, j)).intoArray(c, row + j);
            }
            for (int j = end; j < n; j++) {
                c[row + j] += b[j];
            }
        }
    }

    /**
     * The float sums widened into a double block, tanh over it, rounded back: three short vector loops. In one loop
     * the conversions and tanh made a method too big for the JIT to compile whole, and some of its vector operations
     * ran as objects (four times slower than the plain loops).
     */
    @Override
    public void biasTanh(float[] c, float[] b, int from, int to, int n) {
        int start = from * n, length = (to - from) * n, end = n - n % F.length();
        double[] t = Arena.doubles(length);
        for (int row = 0; row < length; row += n) {
            for (int j = 0; j < end; j += F.length()) {
                FloatVector sum = FloatVector.fromArray(F, c, start + row + j).add(FloatVector.fromArray(F, b, j));
                widen(sum, 0).intoArray(t, row + j);
                widen(sum, 1).intoArray(t, row + j + HALF);
            }
            for (int j = end; j < n; j++) {
                t[row + j] = c[start + row + j] + b[j];
            }
        }
        tanh(t, length);
        narrow(t, c, start);
    }

    /** c[at, at + t.length) = t rounded. */
    private static void narrow(double[] t, float[] c, int at) {
        int whole = t.length - t.length % F.length();
        for (int i = 0; i < whole; i += F.length()) {
            narrow(DoubleVector.fromArray(D, t, i), DoubleVector.fromArray(D, t, i + HALF)).intoArray(c, at + i);
        }
        for (int i = whole; i < t.length; i++) {
            c[at + i] = (float) t[i];
        }
    }

    /** t[0, length) = tanh(t). */
    private static void tanh(double[] t, int length) {
        tanh(t, 0, length);
    }

    /** t[from, to) = tanh(t). */
    private static void tanh(double[] t, int from, int to) {
        int i = from;
        for (; i <= to - D.length(); i += D.length()) {
            tanh(DoubleVector.fromArray(D, t, i)).intoArray(t, i);
        }
        for (; i < to; i++) {
            t[i] = Elementwise.tanh(t[i]);
        }
    }

    @Override
    public void reluSlopes(double[] o, double[] g, double[] dz, double[] sums, int n) {
        DoubleVector zero = DoubleVector.zero(D);
        int end = n - n % D.length();
        for (int row = 0; row < g.length; row += n) {
            for (int j = 0; j < end; j += D.length()) {
                VectorMask<Double> on = DoubleVector.fromArray(D, o, row + j).compare(VectorOperators.GT, 0.0);
                DoubleVector v = zero.blend(DoubleVector.fromArray(D, g, row + j), on);
                v.intoArray(dz, row + j);
                DoubleVector.fromArray(D, sums, j).add(v).intoArray(sums, j);
            }
            for (int j = end, i = row + end; j < n; j++, i++) {
                double v = o[i] > 0 ? g[i] : 0;
                dz[i] = v;
                sums[j] += v;
            }
        }
    }

    @Override
    public void reluSlopes(float[] o, double[] g, float[] dzf, double[] sums, int n) {
        int end = n - n % F.length();
        for (int row = 0; row < g.length; row += n) {
            for (int j = 0; j < end; j += F.length()) {
                FloatVector x = FloatVector.fromArray(F, o, row + j);
                DoubleVector lo = reluSlope(widen(x, 0), g, row + j), hi = reluSlope(widen(x, 1), g, row + j + HALF);
                narrow(lo, hi).intoArray(dzf, row + j);
                addInto(sums, j, lo);
                addInto(sums, j + HALF, hi);
            }
            for (int j = end, i = row + end; j < n; j++, i++) {
                double v = o[i] > 0 ? g[i] : 0;
                dzf[i] = (float) v;
                sums[j] += v;
            }
        }
    }

    @Override
    public void tanhSlopes(double[] o, double[] g, double[] dz, double[] sums, int n) {
        int end = n - n % D.length();
        for (int row = 0; row < g.length; row += n) {
            for (int j = 0; j < end; j += D.length()) {
                DoubleVector x = DoubleVector.fromArray(D, o, row + j);
                DoubleVector v = DoubleVector.broadcast(D, 1.0).sub(x.mul(x)).mul(DoubleVector.fromArray(D, g, row + j));
                v.intoArray(dz, row + j);
                DoubleVector.fromArray(D, sums, j).add(v).intoArray(sums, j);
            }
            for (int j = end, i = row + end; j < n; j++, i++) {
                double v = (1 - o[i] * o[i]) * g[i];
                dz[i] = v;
                sums[j] += v;
            }
        }
    }

    @Override
    public void tanhSlopes(float[] o, double[] g, float[] dzf, double[] sums, int n) {
        int end = n - n % F.length();
        for (int row = 0; row < g.length; row += n) {
            for (int j = 0; j < end; j += F.length()) {
                FloatVector x = FloatVector.fromArray(F, o, row + j);
                DoubleVector lo = tanhSlope(widen(x, 0), g, row + j), hi = tanhSlope(widen(x, 1), g, row + j + HALF);
                narrow(lo, hi).intoArray(dzf, row + j);
                addInto(sums, j, lo);
                addInto(sums, j + HALF, hi);
            }
            for (int j = end, i = row + end; j < n; j++, i++) {
                double x = o[i];
                double v = (1 - x * x) * g[i];
                dzf[i] = (float) v;
                sums[j] += v;
            }
        }
    }

    @Override
    public void widen(double[] d, float[] g, boolean add) {
        int end = d.length - d.length % F.length();
        for (int i = 0; i < end; i += F.length()) {
            FloatVector f = FloatVector.fromArray(F, g, i);
            (add ? DoubleVector.fromArray(D, d, i) : DoubleVector.zero(D)).add(widen(f, 0)).intoArray(d, i);
            (add ? DoubleVector.fromArray(D, d, i + HALF) : DoubleVector.zero(D)).add(widen(f, 1)).intoArray(d, i + HALF);
        }
        for (int i = end; i < d.length; i++) {
            d[i] = add ? d[i] + g[i] : 0d + g[i];
        }
    }

    /** Relu's dz from its output o (widened) and g[i …): g where o > 0, else +0 (NaN too). */
    private static DoubleVector reluSlope(DoubleVector o, double[] g, int i) {
        return DoubleVector.zero(D).blend(DoubleVector.fromArray(D, g, i), o.compare(VectorOperators.GT, 0.0));
    }

    /** Tanh's dz from its output o (widened) and g[i …): (1 − o·o)·g. */
    private static DoubleVector tanhSlope(DoubleVector o, double[] g, int i) {
        return DoubleVector.broadcast(D, 1.0).sub(o.mul(o)).mul(DoubleVector.fromArray(D, g, i));
    }

    /** sums[j …) += v. */
    private static void addInto(double[] sums, int j, DoubleVector v) {
        DoubleVector.fromArray(D, sums, j).add(v).intoArray(sums, j);
    }

    /**
     * The lower (part 0) or upper (part 1) half of f's lanes, widened exactly. The upper half is moved down as ints,
     * then converted as part 0: until compiled, the Vector API's Java fallback of a conversion of another part, or of
     * a lane shift of floats, gives every NaN the canonical bits (a negative NaN came out positive).
     */
    private static DoubleVector widen(FloatVector f, int part) {
        FloatVector half = part == 0 ? f : f.reinterpretAsInts().slice(HALF).reinterpretAsFloats();
        return (DoubleVector) half.convertShape(VectorOperators.F2D, D, 0);
    }

    /** lo's and hi's lanes rounded to float, side by side: each converted as part 0 (upper lanes +0), hi's moved up as ints. */
    private static FloatVector narrow(DoubleVector lo, DoubleVector hi) {
        IntVector l = ((FloatVector) lo.convertShape(VectorOperators.D2F, F, 0)).reinterpretAsInts();
        IntVector h = ((FloatVector) hi.convertShape(VectorOperators.D2F, F, 0)).reinterpretAsInts().unslice(HALF);
        return l.or(h).reinterpretAsFloats();
    }

    private static final double INV_LN2 = 1.4426950408889634, LN2_HI = 0.6931471803691238, LN2_LO = 1.9082149292705877e-10;
    private static final double ROUND = 0x1.8p52;
    /** {@link Elementwise#expOfNonPositive}'s Taylor coefficients, from r¹³'s down to r⁰'s. */
    private static final double[] TAYLOR = {1.6059043836821613e-10, 2.08767569878681e-09, 2.505210838544172e-08,
        2.755731922398589e-07, 2.7557319223985893e-06, 2.48015873015873e-05, 1.984126984126984e-04, 1.388888888888889e-03,
        8.333333333333333e-03, 4.1666666666666664e-02, 0.16666666666666666, 0.5, 1, 1};

    /**
     * {@link Elementwise#tanh} lane by lane: both formulas on every lane, each lane's operands blended before the
     * one division. The one difference of form is 2^k: made from its bits and multiplied in, where the scalar code divides by a power of two made from
     * ints; both scale exactly (the result is normal for the lanes that keep it), so the bits agree.
     */
    static DoubleVector tanh(DoubleVector x) {
        DoubleVector ax = x.abs();
        DoubleVector y = x.mul(x);
        DoubleVector p = y.mul(36.0).add(6930.0).mul(y).add(270270.0).mul(y).add(2027025.0);
        DoubleVector q = y.add(630.0).mul(y).add(51975.0).mul(y).add(945945.0).mul(y).add(2027025.0);
        DoubleVector e = expOfNonPositive(ax.mul(-2.0));
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        // one division for both formulas: x·p / q on the small lanes, ±(1 − e) / (1 + e) on the others (−a/b is −(a/b))
        VectorMask<Double> small = ax.compare(VectorOperators.LT, 0.55), negative = x.compare(VectorOperators.LT, 0.0);
        DoubleVector a = one.sub(e);
        DoubleVector v = a.blend(a.neg(), negative).blend(x.mul(p), small).div(one.add(e).blend(q, small));
        return v.blend(one.blend(one.neg(), negative), ax.compare(VectorOperators.GT, 20.0));
    }

    private static DoubleVector expOfNonPositive(DoubleVector t) {
        DoubleVector k = t.mul(INV_LN2).add(ROUND).sub(ROUND);
        DoubleVector r = t.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
        DoubleVector p = r.mul(TAYLOR[0]).add(TAYLOR[1]);
        p = r.mul(p).add(TAYLOR[2]);
        p = r.mul(p).add(TAYLOR[3]);
        p = r.mul(p).add(TAYLOR[4]);
        p = r.mul(p).add(TAYLOR[5]);
        p = r.mul(p).add(TAYLOR[6]);
        p = r.mul(p).add(TAYLOR[7]);
        p = r.mul(p).add(TAYLOR[8]);
        p = r.mul(p).add(TAYLOR[9]);
        p = r.mul(p).add(TAYLOR[10]);
        p = r.mul(p).add(TAYLOR[11]);
        p = r.mul(p).add(TAYLOR[12]);
        p = r.mul(p).add(TAYLOR[13]);
        // k + 1023 + 2⁵² holds the integer k + 1023 in its low bits (exactly: k is an integer in [−59, 0] in the lanes kept)
        LongVector biased = k.add(1023.0 + 0x1p52).viewAsIntegralLanes().sub(Double.doubleToRawLongBits(0x1p52));
        return p.mul(biased.lanewise(VectorOperators.LSHL, 52).viewAsFloatingLanes());
    }
}
