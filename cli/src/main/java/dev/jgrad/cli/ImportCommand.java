package dev.jgrad.cli;

import dev.jgrad.data.Task;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.OnnxImport;
import dev.jgrad.nn.Network;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgrad import}: an ONNX MLP (PyTorch's or jgrad's own) as a model.json that predict and export read. */
@Command(name = "import", sortOptions = false,
        description = {"Read an ONNX MLP as a jgrad model file: one that PyTorch's torch.onnx.export writes for an nn.Sequential",
            "of Linear, ReLU, Tanh and Sigmoid (Gemm, or MatMul + Add; float32 or float64), or one that jgrad export wrote.",
            "A final Softmax, or Sigmoid of one output, makes a classifier; without one, one output is a regression (see --task).",
            "Anything else (a convolution, a residual Add, an op jgrad lacks) is refused, naming the node and its op."},
        footer = {"", "Example:",
            "  jgrad import --onnx mlp.onnx --out out/imported/model.json"})
final class ImportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--onnx", required = true, paramLabel = "FILE", description = "The ONNX model to read.")
    Path onnx;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The model.json to write.")
    Path out;

    @Option(names = "--task", paramLabel = "T",
            description = "classification or regression (default: as the graph says: a final Softmax or Sigmoid, or more than one output, is a classifier).")
    String task;

    @Override
    public Integer call() throws IOException {
        Task t = task == null ? null : Task.CHOICES.parse(task);
        if (onnx.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out is the --onnx file; give another name");
        }
        Memory.checkFile(onnx);
        ModelFile model = OnnxImport.read(onnx, t);
        model.save(out);
        spec.commandLine().getErr().println("wrote " + out + " (" + describe(model) + ")");
        return 0;
    }

    /** "MLP 2 → 8 relu → 3, a cross-entropy classifier of 3 classes". */
    private static String describe(ModelFile model) {
        StringBuilder shape = new StringBuilder("MLP ").append(model.network().inputs());
        for (Network.Dense l : model.network().layers()) {
            shape.append(" → ").append(l.outputs()).append(' ').append(l.activation().id());
        }
        return shape + (model.task() == Task.REGRESSION ? ", a regression" : ", a " + model.loss().id() + " classifier of "
                + model.classes().size() + " classes");
    }
}
