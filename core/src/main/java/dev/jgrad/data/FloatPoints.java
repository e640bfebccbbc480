package dev.jgrad.data;

/**
 * A dataset's points rounded to float32 once, for a float32 model to gather its batches from: each
 * step then copies half the bytes a float64 gather reads, and rounds nothing. Rounding a number
 * once here or every time a batch holds it gives the same float, so training reads the same bits
 * either way. The copy costs half the points' memory again; the dataset is shared, not copied.
 *
 * <pre>{@code
 * FloatPoints rows = new FloatPoints(train);
 * Batch b = rows.batch(order, 0, 128, new float[128 * train.features()], new int[128], null);
 * }</pre>
 */
public final class FloatPoints {
    private final Dataset data;
    private final float[][] rows;

    /**
     * Rounds every point of {@code data} to float32 (to nearest).
     *
     * @param data the points, shared
     */
    public FloatPoints(Dataset data) {
        this.data = data;
        double[][] points = data.points();
        rows = new float[points.length][];
        for (int i = 0; i < points.length; i++) {
            float[] row = new float[points[i].length];
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) points[i][j];
            }
            rows[i] = row;
        }
    }

    /** {@return the dataset these points were rounded from} */
    public Dataset data() {
        return data;
    }

    /**
     * The points {@code order[from … to)} as {@link Dataset#batch(int[], int, int, double[], int[], double[])}
     * gathers them, in float32: the batch's {@link Batch#floats()} wraps {@code x}.
     *
     * @param order a permutation of the points' indices
     * @param from the first position in {@code order}
     * @param to the position after the last
     * @param x the features' array, {@code (to − from) × features} numbers, overwritten
     * @param y the classes' array, overwritten
     * @param t the targets' array (null for classification), overwritten
     * @return the batch, wrapping the caller's arrays
     */
    public Batch batch(int[] order, int from, int to, float[] x, int[] y, double[] t) {
        int n = to - from, f = data.features();
        data.checkArrays(n, x.length, y, t);
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[order[from + i]], 0, x, i * f, f);
        }
        data.gatherLabels(order, from, to, y, t);
        return new Batch(null, y, f, t, null, x);
    }
}
