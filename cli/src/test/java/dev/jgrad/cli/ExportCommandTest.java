package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.jgrad.base.Rng;
import dev.jgrad.cli.MainTest.Run;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.OnnxExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exported models run in ONNX Runtime and give predict's numbers: every activation, output
 * activation, loss, task, feature and scaling among the cases, on the training rows and on hostile
 * ones. Each case prints its largest difference (the table in the docs), and comes back from
 * {@code jgrad import} as the same model (exported again: the same bytes).
 */
class ExportCommandTest {
    private static final OrtEnvironment ORT = OrtEnvironment.getEnvironment();

    @TempDir
    Path dir;

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("multi-class ce tanh/linear standard", "spiral", 3,
                        List.of("--loss", "cross-entropy", "--activation", "tanh", "--output-activation", "linear", "--scale", "standard")),
                Arguments.of("binary bce relu/linear minmax all-features", "circle", 2,
                        List.of("--loss", "bce", "--activation", "relu", "--scale", "minmax", "--features", "x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2")),
                Arguments.of("binary hinge sigmoid/tanh none", "moons", 2,
                        List.of("--loss", "hinge", "--activation", "sigmoid", "--output-activation", "tanh", "--scale", "none")),
                Arguments.of("binary mse linear/sigmoid standard sin", "xor", 2,
                        List.of("--loss", "mse", "--activation", "linear", "--output-activation", "sigmoid", "--features", "x1x2,sinx2")),
                Arguments.of("multi-class mse tanh/relu minmax", "gauss", 3,
                        List.of("--loss", "mse", "--activation", "tanh", "--output-activation", "relu", "--scale", "minmax")),
                Arguments.of("binary ce sigmoid/sigmoid standard", "circle", 2,
                        List.of("--loss", "cross-entropy", "--activation", "sigmoid", "--output-activation", "sigmoid")),
                Arguments.of("regression tanh standard", "gaussian-mixture", 0,
                        List.of("--task", "regression", "--activation", "tanh", "--scale", "standard")),
                Arguments.of("regression relu none", "plane", 0,
                        List.of("--task", "regression", "--activation", "relu", "--scale", "none")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void onnxRuntimeGivesPredictsNumbers(String name, String data, int classes, List<String> options) throws Exception {
        Dataset d = Datasets.generate(data, 40, 0.1, Math.max(classes, 2), new Rng(7));
        Path model = train(d, options);
        ModelFile saved = ModelFile.load(model);
        double[][] rows = rows(d);
        for (OnnxExport.Dtype dtype : OnnxExport.Dtype.values()) {
            Path onnx = dir.resolve(dtype.id() + ".onnx");
            Run r = MainTest.run("export", "--model", model.toString(), "--onnx", onnx.toString(), "--dtype", dtype.id());
            assertThat(r.code()).as(r.err()).isZero();
            Comparison c = OnnxComparison.compare(saved.predictor(), Files.readAllBytes(onnx), rows, dtype);
            System.out.printf("onnx equality | %-45s | %s | max rel diff %.3g | rows %d (skipped %d) | label mismatches %d%n",
                    name, dtype.id(), c.maxDifference(), c.rows(), c.skipped(), c.labelMismatches());
            double tolerance = dtype == OnnxExport.Dtype.FLOAT64 ? 1e-12 : 1e-5;
            assertThat(c.maxDifference()).as(name + " " + dtype.id()).isLessThanOrEqualTo(tolerance);
            assertThat(c.labelMismatches()).as(name + " " + dtype.id()).isZero();
            assertThat(c.rows()).isGreaterThanOrEqualTo(d.size());
            assertRoundTrip(onnx, dtype);
        }
    }

    /** export → import → export gives the same bytes: the graph, the settings and the names all come back. */
    private void assertRoundTrip(Path onnx, OnnxExport.Dtype dtype) throws IOException {
        Path back = dir.resolve("back.json");
        Path again = dir.resolve("again.onnx");
        Run in = MainTest.run("import", "--onnx", onnx.toString(), "--out", back.toString());
        assertThat(in.code()).as(in.err()).isZero();
        Run out = MainTest.run("export", "--model", back.toString(), "--onnx", again.toString(), "--dtype", dtype.id());
        assertThat(out.code()).as(out.err()).isZero();
        assertThat(Files.readAllBytes(again)).as("export → import → export, " + dtype.id()).isEqualTo(Files.readAllBytes(onnx));
    }

    /** The exported file has the documented inputs, outputs and metadata, and the same model gives the same bytes. */
    @Test
    void theGraphIsNamedAsDocumentedAndExportIsDeterministic() throws Exception {
        Dataset d = Datasets.generate("gauss", 40, 0.1, 3, new Rng(3));
        Path model = train(d, List.of("--scale", "standard"));
        Path a = dir.resolve("a.onnx");
        Path b = dir.resolve("b.onnx");
        assertThat(MainTest.run("export", "--model", model.toString(), "--onnx", a.toString()).code()).isZero();
        assertThat(MainTest.run("export", "--model", model.toString(), "--onnx", b.toString()).code()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        try (OrtSession s = ORT.createSession(Files.readAllBytes(a), new OrtSession.SessionOptions())) {
            assertThat(s.getInputNames()).containsExactly("features");
            assertThat(s.getOutputNames()).containsExactly("label", "probabilities");
            Map<String, String> meta = s.getMetadata().getCustomMetadata();
            assertThat(meta).containsKeys("jgrad.version", "settings").containsEntry("classes", "[\"c0\", \"c1\", \"c2\"]");
            assertThat(s.getMetadata().getProducerName()).isEqualTo("jgrad");
        }
    }

    @Test
    void badDtypeIsAUsageErrorAndAMissingModelARuntimeOne() {
        Run bad = MainTest.run("export", "--model", "nowhere.json", "--onnx", dir.resolve("m.onnx").toString(), "--dtype", "float16");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("float16").doesNotContain("Exception");
        Run missing = MainTest.run("export", "--model", dir.resolve("nowhere.json").toString(), "--onnx", dir.resolve("m.onnx").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().lines()).hasSize(1);
        assertThat(dir.resolve("m.onnx")).doesNotExist();
    }

    private Path train(Dataset d, List<String> options) throws IOException {
        Path csv = dir.resolve("train.csv");
        StringBuilder s = new StringBuilder("a,b,y\n");
        for (int i = 0; i < d.size(); i++) {
            s.append(d.points()[i][0]).append(',').append(d.points()[i][1]).append(',')
                    .append(d.targets() != null ? Double.toString(d.targets()[i]) : "c" + d.labels()[i]).append('\n');
        }
        Files.writeString(csv, s);
        List<String> args = new ArrayList<>(List.of("train", "--csv", csv.toString(), "--label", "y", "--hidden", "5,4", "--epochs", "10",
                "--val", "0", "--progress", "none", "--out", dir.resolve("m").toString()));
        args.addAll(options);
        Run r = MainTest.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return dir.resolve("m/model.json");
    }

    /** The training rows, then hostile ones: ±1e300 in every combination, zeros. */
    private static double[][] rows(Dataset d) {
        List<double[]> rows = new ArrayList<>(List.of(d.points()));
        double[] hostile = {1e300, -1e300, 0, 1e15, -3.5};
        for (double x : hostile) {
            for (double y : hostile) {
                rows.add(new double[] {x, y});
            }
        }
        return rows.toArray(double[][]::new);
    }

    record Comparison(double maxDifference, int rows, int skipped, int labelMismatches) {
    }
}
