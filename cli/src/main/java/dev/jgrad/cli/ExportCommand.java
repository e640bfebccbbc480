package dev.jgrad.cli;

import dev.jgrad.io.ModelFile;
import dev.jgrad.io.OnnxExport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgrad export}: a saved model as an ONNX file that runs predict's whole pipeline. */
@Command(name = "export", sortOptions = false,
        description = {"Write a model saved by jgrad train as an ONNX model (opset 13) that ONNX Runtime and other engines run.",
            "The graph is predict's whole pipeline: the --features functions, the scaler, the layers, and the outputs",
            "'label' (int64 class index) and 'probabilities' (or 'scores' for mse and hinge), or 'value' for regression.",
            "Its input is 'features': one row per point, the raw columns predict reads, in the model's order."},
        footer = {"", "Example:",
            "  jgrad export --model out/flowers/model.json --onnx out/flowers/model.onnx"})
final class ExportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model.json written by jgrad train.")
    Path model;

    @Option(names = "--onnx", required = true, paramLabel = "FILE", description = "The ONNX file to write.")
    Path onnx;

    @Option(names = "--dtype", paramLabel = "T", defaultValue = "float64",
            description = "float64 (jgrad's own numbers) or float32 (default: ${DEFAULT-VALUE}).")
    String dtype;

    @Override
    public Integer call() throws IOException {
        OnnxExport.Dtype type = OnnxExport.Dtype.CHOICES.parse(dtype);
        Memory.checkFile(model);
        ModelFile saved = ModelFile.load(model);
        try {
            OnnxExport.write(saved, type, VersionCommand.version(), onnx);
        } catch (IllegalArgumentException e) {
            throw new IOException(model + ": " + e.getMessage(), e);
        }
        spec.commandLine().getErr().println("wrote " + onnx + " (" + type.id() + ", input 'features', opset 13)");
        return 0;
    }
}
