package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.cli.MainTest.Run;
import dev.jgrad.data.Task;
import dev.jgrad.io.Json;
import dev.jgrad.io.ModelFile;
import dev.jgrad.nn.Predictor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PyTorch's own ONNX exports (made by src/test/resources/onnx/make_fixtures.py, committed with the
 * predictions PyTorch gave) import and predict PyTorch's numbers; what is not an MLP is refused
 * with one line naming the node and its op.
 */
class ImportCommandTest {
    /** float32 weights and arithmetic in PyTorch, float64 in jgrad: about 1e-7 apart. */
    private static final double TOLERANCE = 1e-6;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "binary_f32, 'MLP 2 → 8 relu → 1 linear, a bce classifier of 2 classes'",
        "multiclass_f32, 'MLP 2 → 16 tanh → 3 linear, a cross-entropy classifier of 3 classes'",
        "logits_f64, 'MLP 2 → 6 relu → 6 tanh → 3 linear, a cross-entropy classifier of 3 classes'",
        "regression_f32, 'MLP 3 → 8 sigmoid → 1 linear, a regression'",
        "matmul_f32, 'MLP 3 → 5 tanh → 1 linear, a regression'"})
    void pytorchsMlpsImportAndPredictAsPyTorchDid(String name, String described) throws IOException {
        Path model = importFixture(name);
        Predictor p = ModelFile.load(model).predictor();
        Map<?, ?> expected = (Map<?, ?>) predictions().get(name);
        List<?> inputs = (List<?>) expected.get("inputs"), outputs = (List<?>) expected.get("outputs");
        double max = 0;
        for (int i = 0; i < inputs.size(); i++) {
            double[] x = numbers(inputs.get(i)), torch = numbers(outputs.get(i));
            double[] jgrad = p.task() == Task.REGRESSION ? new double[] {p.value(x)} : p.probabilities(x);
            if (torch.length == 1 && jgrad.length == 2) {
                jgrad = new double[] {jgrad[1]};
            }
            assertThat(jgrad).hasSameSizeAs(torch);
            for (int k = 0; k < torch.length; k++) {
                max = Math.max(max, Math.abs(jgrad[k] - torch[k]) / Math.max(1, Math.abs(torch[k])));
            }
        }
        System.out.printf("onnx import | %-15s | max diff from PyTorch %.3g over %d rows%n", name, max, inputs.size());
        assertThat(max).isLessThanOrEqualTo(TOLERANCE);
        assertThat(MainTest.run("import", "--onnx", fixture(name).toString(), "--out", model.toString()).err())
                .isEqualTo("wrote " + model + " (" + described + ")" + System.lineSeparator());
    }

    /** The imported model is an ordinary model file: predict reads its CSV rows by position and prints PyTorch's probabilities. */
    @Test
    void predictReadsTheImportedModel() throws IOException {
        Path model = importFixture("binary_f32");
        Map<?, ?> expected = (Map<?, ?>) predictions().get("binary_f32");
        Path csv = dir.resolve("rows.csv");
        double[] x = numbers(((List<?>) expected.get("inputs")).get(0));
        Files.writeString(csv, "x1,x2\n" + x[0] + "," + x[1] + "\n");
        Run r = MainTest.run("predict", "--model", model.toString(), "--input", csv.toString(), "--proba");
        assertThat(r.code()).as(r.err()).isZero();
        String[] row = r.out().lines().toList().get(1).split(",");
        double torch = numbers(((List<?>) expected.get("outputs")).get(0))[0];
        assertThat(Double.parseDouble(row[row.length - 1])).isCloseTo(torch, org.assertj.core.data.Offset.offset(TOLERANCE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "refused_conv     | cannot import node '/0/Conv' (Conv): jgrad imports MLPs: Gemm (or MatMul + Add) layers with Relu,"
            + " Tanh or Sigmoid after them, and Softmax or Sigmoid at the end",
        "refused_residual | cannot import node '/Add' (Add): it adds two computed tensors (a residual connection), which an MLP does not have"})
    void whatIsNotAnMlpIsRefusedNamingTheNodeAndItsOp(String name, String why) {
        Path out = dir.resolve("model.json");
        Run r = MainTest.run("import", "--onnx", fixture(name).toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("jgrad: " + fixture(name) + ": " + why + System.lineSeparator());
        assertThat(out).doesNotExist();
    }

    @Test
    void taskSaysWhatALinearOutputIs() throws IOException {
        Path out = dir.resolve("model.json");
        Run r = MainTest.run("import", "--onnx", fixture("regression_f32").toString(), "--out", out.toString(), "--task", "classification");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(ModelFile.load(out).task()).isEqualTo(Task.CLASSIFICATION);
        Run bad = MainTest.run("import", "--onnx", fixture("regression_f32").toString(), "--out", out.toString(), "--task", "ranking");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().lines()).hasSize(1);
    }

    @Test
    void aFileThatIsNotOnnxIsOneLineAndWritesNothing() throws IOException {
        Path junk = dir.resolve("junk.onnx");
        Files.writeString(junk, "{\"format\": \"jgrad-model\"}");
        Path out = dir.resolve("model.json");
        Run r = MainTest.run("import", "--onnx", junk.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("jgrad: " + junk + ": not a valid ONNX file: ");
        assertThat(out).doesNotExist();
        Run directory = MainTest.run("import", "--onnx", dir.toString(), "--out", out.toString());
        assertThat(directory.code()).isEqualTo(1);
        assertThat(directory.err()).isEqualTo("jgrad: " + dir + ": a directory, not an ONNX file" + System.lineSeparator());
    }

    private Path importFixture(String name) {
        Path model = dir.resolve(name + ".json");
        Run r = MainTest.run("import", "--onnx", fixture(name).toString(), "--out", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return model;
    }

    static Path fixture(String name) {
        return Path.of("src/test/resources/onnx", name + ".onnx");
    }

    private static Map<?, ?> predictions() throws IOException {
        try (InputStream in = ImportCommandTest.class.getResourceAsStream("/onnx/predictions.json")) {
            return (Map<?, ?>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static double[] numbers(Object list) {
        return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }
}
