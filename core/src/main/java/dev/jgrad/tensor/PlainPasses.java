package dev.jgrad.tensor;

/**
 * {@link Passes} in plain loops: the browser's, the JVM's until the vector loops are compiled, and the
 * oracle of every other implementation. The float32 forms that convert run each conversion in a loop of its
 * own: a float↔double conversion inside a longer loop writes only part of its register, so each entry
 * waited on the one before (five times slower than float64's loop).
 */
final class PlainPasses implements Passes {

    @Override
    public void biasRelu(double[] c, double[] b, int from, int to, int n) {
        for (int row = from * n; row < to * n; row += n) {
            for (int j = 0; j < n; j++) {
                c[row + j] = Math.max(c[row + j] + b[j], 0);
            }
        }
    }

    @Override
    public void biasRelu(float[] c, float[] b, int from, int to, int n) {
        for (int row = from * n; row < to * n; row += n) {
            for (int j = 0; j < n; j++) {
                c[row + j] = Math.max(c[row + j] + b[j], 0f);
            }
        }
    }

    @Override
    public void biasTanh(double[] c, double[] b, int from, int to, int n) {
        for (int row = from * n; row < to * n; row += n) {
            for (int j = 0; j < n; j++) {
                c[row + j] = Elementwise.tanh(c[row + j] + b[j]);
            }
        }
    }

    /** In three loops (widen the float sum, tanh, narrow) over a double copy, for the reason above. */
    @Override
    public void biasTanh(float[] c, float[] b, int from, int to, int n) {
        int start = from * n, end = to * n;
        double[] t = Arena.doubles(end - start);
        for (int i = start, j = 0; i < end; i++, j = j + 1 == n ? 0 : j + 1) {
            t[i - start] = c[i] + b[j];
        }
        for (int i = 0; i < t.length; i++) {
            t[i] = Elementwise.tanh(t[i]);
        }
        for (int i = start; i < end; i++) {
            c[i] = (float) t[i - start];
        }
    }

    @Override
    public void reluSlopes(double[] o, double[] g, double[] dz, double[] sums, int n) {
        ReluGate.pass(o, g, dz);
        sumColumns(dz, n, sums);
    }

    @Override
    public void reluSlopes(float[] o, double[] g, float[] dzf, double[] sums, int n) {
        double[] v = Arena.doubles(g.length);
        ReluGate.pass(o, g, v);
        narrow(v, dzf);
        sumColumns(v, n, sums);
    }

    @Override
    public void tanhSlopes(double[] o, double[] g, double[] dz, double[] sums, int n) {
        for (int row = 0; row < g.length; row += n) {
            for (int j = 0, i = row; j < n; j++, i++) {
                double v = (1 - o[i] * o[i]) * g[i];
                dz[i] = v;
                sums[j] += v;
            }
        }
    }

    @Override
    public void tanhSlopes(float[] o, double[] g, float[] dzf, double[] sums, int n) {
        double[] v = Arena.doubles(g.length);
        for (int i = 0; i < g.length; i++) {
            double x = o[i];
            v[i] = (1 - x * x) * g[i];
        }
        narrow(v, dzf);
        sumColumns(v, n, sums);
    }

    @Override
    public void widen(double[] d, float[] g, boolean add) {
        if (add) {
            for (int i = 0; i < d.length; i++) {
                d[i] += g[i];
            }
        } else {
            for (int i = 0; i < d.length; i++) {
                d[i] = 0d + g[i];
            }
        }
    }

    /** sums[j] += v[i] over v's rows in order, as the composite's expand sums them. */
    static void sumColumns(double[] v, int n, double[] sums) {
        for (int row = 0; row < v.length; row += n) {
            for (int j = 0, i = row; j < n; j++, i++) {
                sums[j] += v[i];
            }
        }
    }

    private static void narrow(double[] v, float[] f) {
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
    }
}
