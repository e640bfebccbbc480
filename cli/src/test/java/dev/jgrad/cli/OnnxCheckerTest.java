package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Scaler;
import dev.jgrad.data.Scaling;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.OnnxExport;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.Network;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX's own checker, {@code onnx.checker.check_model(full_check=True)} (with strict shape
 * inference), passes every kind of graph jgrad exports, in both dtypes. It runs Debian's
 * python3-onnx, once for all the files: CI installs it (.ci/run, with CI set, where its absence is
 * a failure); a developer machine without it skips.
 */
class OnnxCheckerTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String CHECK = "import sys, onnx\n"
            + "for f in sys.argv[1:]:\n"
            + "    onnx.checker.check_model(onnx.load(f), full_check=True)\n"
            + "print('checked', len(sys.argv) - 1)\n";

    @TempDir
    Path dir;

    @Test
    void onnxsCheckerPassesEveryKindOfExportedGraph() throws Exception {
        boolean available = Files.isExecutable(Path.of(PYTHON)) && python("-c", "import onnx").code() == 0;
        if (System.getenv("CI") != null) {
            assertThat(available).as("python3-onnx in CI").isTrue();
        }
        assumeTrue(available, "python3-onnx is not installed");
        List<String> args = new ArrayList<>(List.of("-c", CHECK));
        int n = 0;
        for (ModelFile model : models()) {
            for (OnnxExport.Dtype dtype : OnnxExport.Dtype.values()) {
                Path file = dir.resolve("m" + (n++) + ".onnx");
                OnnxExport.write(model, dtype, "test", file);
                args.add(file.toString());
            }
        }
        Result r = python(args.toArray(String[]::new));
        assertThat(r.code()).as(r.output()).isZero();
        assertThat(r.output()).isEqualTo("checked " + n + "\n");
    }

    /** Every activation, every loss, both tasks, feature functions, scalers and a target scaler. */
    private static List<ModelFile> models() {
        Rng rng = new Rng(17);
        Scaler standard = new Scaler(Scaling.STANDARD, new double[] {1, -2}, new double[] {0.5, 3}, List.of());
        Scaler three = new Scaler(Scaling.MINMAX, new double[] {0, 1, 2}, new double[] {1, 2, 4}, List.of());
        Scaler target = new Scaler(Scaling.STANDARD, new double[] {10}, new double[] {2.5}, List.of());
        return List.of(
                new ModelFile(net(2, 3, Activation.TANH, Activation.LINEAR, rng), standard, Map.of("loss", "cross-entropy")),
                new ModelFile(net(3, 1, Activation.RELU, Activation.SIGMOID, rng), three,
                        Map.of("loss", "bce", "transform", List.of("x1sq", "x1x2", "sinx2"))),
                new ModelFile(net(2, 1, Activation.SIGMOID, Activation.TANH, rng), Map.of("loss", "hinge")),
                new ModelFile(net(2, 1, Activation.LINEAR, Activation.RELU, rng), Map.of("loss", "mse")),
                new ModelFile(net(2, 3, Activation.TANH, Activation.SIGMOID, rng), Map.of("loss", "mse")),
                new ModelFile(net(2, 1, Activation.TANH, Activation.LINEAR, rng), standard, target, Map.of()),
                new ModelFile(net(2, 1, Activation.RELU, Activation.LINEAR, rng), Scaler.none(2), Scaler.none(1), Map.of()));
    }

    private static Network net(int inputs, int outputs, Activation hidden, Activation output, Rng rng) {
        return Network.initialise(inputs, List.of(4, outputs), List.of(hidden, output), Init.XAVIER, rng);
    }

    private record Result(int code, String output) {
    }

    private static Result python(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(p.exitValue(), output);
    }
}
