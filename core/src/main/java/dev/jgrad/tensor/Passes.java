package dev.jgrad.tensor;

/**
 * The elementwise passes around a layer's products ({@link Affine}) and the widening of a float32
 * gradient ({@link Backward}): {@link PlainPasses}, the browser's loops and the oracle, and the JVM's
 * vector loops ({@code VectorPasses}, registered by {@code JvmKernels.install()}), which convert between
 * float and double in registers (HotSpot 17 vectorises no such conversion, nor Math.max, nor a select).
 * Every implementation computes each number with the same operations in the same order: the same bits.
 * Rows are {@code n} numbers wide; a pass over rows [from, to) touches c[from·n, to·n).
 */
interface Passes {
    /** c = max(c + b[j], 0) (Math.max's bits: NaN stays, −0 becomes +0) on rows [from, to). */
    void biasRelu(double[] c, double[] b, int from, int to, int n);

    /** {@link #biasRelu(double[], double[], int, int, int)} in float32: the sum and max in float. */
    void biasRelu(float[] c, float[] b, int from, int to, int n);

    /** c = {@link Elementwise#tanh}(c + b[j]) on rows [from, to). */
    void biasTanh(double[] c, double[] b, int from, int to, int n);

    /** {@link #biasTanh(double[], double[], int, int, int)} in float32: the sum in float, tanh in double rounded once. */
    void biasTanh(float[] c, float[] b, int from, int to, int n);

    /**
     * Relu's backward: dz = o > 0 ? g : +0 (o relu's output, NaN gating to +0), into dz (float64) or rounded into dzf
     * (float32; the other null), each column's dz summed into sums[j] row after row from row 0.
     */
    void reluSlopes(double[] o, double[] g, double[] dz, double[] sums, int n);

    /** {@link #reluSlopes(double[], double[], double[], double[], int)} for float32 outputs o, dz rounded into dzf. */
    void reluSlopes(float[] o, double[] g, float[] dzf, double[] sums, int n);

    /** Tanh's backward: dz = (1 − o·o)·g (float32's o widened), into dz or rounded into dzf, summed as relu's. */
    void tanhSlopes(double[] o, double[] g, double[] dz, double[] sums, int n);

    /** {@link #tanhSlopes(double[], double[], double[], double[], int)} for float32 outputs o, dz rounded into dzf. */
    void tanhSlopes(float[] o, double[] g, float[] dzf, double[] sums, int n);

    /** d[i] = 0 + g[i] (add false: −0 becomes +0) or d[i] += g[i], each g widened exactly. */
    void widen(double[] d, float[] g, boolean add);
}
