package dev.jgrad.cli;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.jgrad.cli.ExportCommandTest.Comparison;
import dev.jgrad.data.Task;
import dev.jgrad.io.OnnxExport;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Predictor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** An exported model run by ONNX Runtime beside the {@link Predictor} predict uses, row by row. */
final class OnnxComparison {
    private static final OrtEnvironment ORT = OrtEnvironment.getEnvironment();

    private OnnxComparison() {
    }

    /**
     * The largest relative difference between ONNX Runtime's outputs and predict's, over the rows
     * predict scores (it refuses a row whose outputs are not finite): |a − b| / max(|a|, |b|, floor),
     * the floor 1e-290 in float64 (ONNX Runtime's exp(−1e30) is 5.6e-309, a subnormal, where jgrad's
     * is 0) and 1 in float32 (whose small probabilities underflow). In float32 predict is given the
     * rows rounded to float32, the numbers the model reads; ±1e300 becomes infinite and is skipped.
     */
    static Comparison compare(Predictor p, byte[] onnx, double[][] rows, OnnxExport.Dtype dtype) throws OrtException {
        return compare(p, onnx, rows, dtype, UnaryOperator.identity());
    }

    /**
     * As {@link #compare(Predictor, byte[], double[][], OnnxExport.Dtype)} for a model with preprocessing:
     * ONNX Runtime reads the raw rows (NaN for a missing cell), predict's {@link Predictor} the features
     * {@code preprocess} makes of them.
     */
    static Comparison compare(Predictor p, byte[] onnx, double[][] rows, OnnxExport.Dtype dtype, UnaryOperator<double[]> preprocess)
            throws OrtException {
        boolean wide = dtype == OnnxExport.Dtype.FLOAT64;
        List<double[]> kept = new ArrayList<>();
        List<double[]> features = new ArrayList<>();
        for (double[] row : rows) {
            double[] input = wide ? row : rounded(row);
            double[] f = preprocess.apply(input);
            if (finite(f) && finite(p.outputs(f))) {
                kept.add(input);
                features.add(f);
            }
        }
        double[][] x = kept.toArray(double[][]::new);
        double[][] fx = features.toArray(double[][]::new);
        double floor = wide ? 1e-290 : 1;
        double max = 0;
        int mismatches = 0;
        try (OrtSession s = ORT.createSession(onnx, new OrtSession.SessionOptions());
                OnnxTensor in = wide ? OnnxTensor.createTensor(ORT, x) : OnnxTensor.createTensor(ORT, narrow(x));
                OrtSession.Result r = s.run(Map.of("features", in))) {
            if (p.task() == Task.REGRESSION) {
                double[][] value = doubles(r.get("value").orElseThrow().getValue());
                for (int i = 0; i < x.length; i++) {
                    max = Math.max(max, difference(p.value(fx[i]), value[i][0], floor));
                }
                return new Comparison(max, x.length, rows.length - x.length, 0);
            }
            long[] label = (long[]) r.get("label").orElseThrow().getValue();
            boolean probabilities = p.loss().givesProbabilities();
            double[][] second = doubles(r.get(probabilities ? "probabilities" : "scores").orElseThrow().getValue());
            for (int i = 0; i < x.length; i++) {
                double[] out = p.outputs(fx[i]);
                mismatches += label[i] == p.loss().predict(out) ? 0 : 1;
                double[] expected = probabilities ? p.loss().probabilities(out) : out.length == 1 ? new double[] {p.loss().margin(out)} : out;
                for (int k = 0; k < expected.length; k++) {
                    max = Math.max(max, difference(expected[k], second[i][k], floor));
                }
            }
        }
        return new Comparison(max, x.length, rows.length - x.length, mismatches);
    }

    private static double difference(double a, double b, double floor) {
        return a == b ? 0 : Math.abs(a - b) / Math.max(floor, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static boolean finite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** The row as float32 holds it: predict is asked about the very numbers the float32 model reads. */
    private static double[] rounded(double[] row) {
        double[] r = new double[row.length];
        for (int j = 0; j < r.length; j++) {
            r[j] = (float) row[j];
        }
        return r;
    }

    private static float[][] narrow(double[][] x) {
        float[][] f = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            f[i] = new float[x[i].length];
            for (int j = 0; j < f[i].length; j++) {
                f[i][j] = (float) x[i][j];
            }
        }
        return f;
    }

    private static double[][] doubles(Object tensor) {
        if (tensor instanceof double[][] d) {
            return d;
        }
        float[][] f = (float[][]) tensor;
        double[][] d = new double[f.length][];
        for (int i = 0; i < f.length; i++) {
            d[i] = new double[f[i].length];
            for (int j = 0; j < f[i].length; j++) {
                d[i][j] = f[i][j];
            }
        }
        return d;
    }
}
