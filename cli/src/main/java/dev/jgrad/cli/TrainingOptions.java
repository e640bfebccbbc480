package dev.jgrad.cli;

import dev.jgrad.data.Preprocessing;
import dev.jgrad.data.Scaling;
import dev.jgrad.data.Task;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.optim.OptimizerKind;
import dev.jgrad.optim.ScheduleKind;
import dev.jgrad.tensor.DType;
import dev.jgrad.train.ClassWeight;
import dev.jgrad.train.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * {@code jgrad train}'s options on the model and its training (the network, the loss, the optimizer and its schedule,
 * the epochs and batches, the seed, the validation split, the engine, the scaling): what becomes a {@link TrainingConfig}.
 */
final class TrainingOptions {
    @Option(names = "--hidden", split = ",", paramLabel = "N", description = "Hidden layer sizes, e.g. 16,16, or none "
            + "for a linear model (default: 16,16).")
    List<String> hidden = List.of("16", "16");

    @Option(names = "--activation", paramLabel = "F[,F...]", description = "Hidden activation: tanh, relu, sigmoid, linear; one for every "
            + "hidden layer, or one per hidden layer (tanh,relu) (default: ${DEFAULT-VALUE}).")
    String activation = "relu";

    @Option(names = "--output-activation", paramLabel = "F", description = "Output activation (default: ${DEFAULT-VALUE}).")
    String outputActivation = "linear";

    @Option(names = "--init", paramLabel = "I", description = "Weight init: pytorch (nn.Linear's: weights and biases ±1/√fan-in), uniform (micrograd's ±1, biases 0), xavier, he (default: ${DEFAULT-VALUE}).")
    String init = "pytorch";

    @Option(names = "--loss", paramLabel = "L", description = "Loss: mse, hinge, bce, cross-entropy (default: bce for 2 classes, cross-entropy for more, mse for regression).")
    String loss;

    @Option(names = "--l1", paramLabel = "BETA", description = "Add BETA·Σ|p| to the loss (default: ${DEFAULT-VALUE}).")
    double l1 = 0;

    @Option(names = "--l2", paramLabel = "ALPHA", description = "Add ALPHA·Σp² to the loss (default: ${DEFAULT-VALUE}).")
    double l2 = 0;

    @Option(names = "--optimizer", paramLabel = "O", description = "sgd, adam, adamw (default: ${DEFAULT-VALUE}).")
    String optimizer = "adam";

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (default: 0.1 for sgd, 0.01 for adam and adamw).")
    Double lr;

    @Option(names = "--momentum", paramLabel = "M", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    double momentum = 0;

    @Option(names = "--weight-decay", paramLabel = "W", description = "Weight decay (default: 0, or 0.01 for adamw).")
    Double weightDecay;

    @Option(names = "--schedule", paramLabel = "S",
            description = "Learning-rate schedule over the whole run: constant; linear (down to 0.1×, micrograd's); "
                    + "step (halved every quarter); cosine (down to 0) (default: ${DEFAULT-VALUE}).")
    String schedule = "constant";

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs = 100;

    @Option(names = "--batch", paramLabel = "B", description = "Points per update: 1 (per sample), a size, or full (default: ${DEFAULT-VALUE}).")
    String batch = "full";

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the data, split, weights and shuffling (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--val", paramLabel = "FRACTION", description = "Fraction held out for validation, in [0, 1) (default: ${DEFAULT-VALUE}).")
    double val = 0.2;

    @Option(names = "--class-weight", paramLabel = "W", description = "none, or balanced: each point's loss times "
            + "n / (classes · its class's count) in the training split, as scikit-learn's (default: ${DEFAULT-VALUE}); "
            + "model.json records the weights.")
    String classWeight = "none";

    @Option(names = "--early-stop", paramLabel = "PATIENCE", description = "Stop when the validation loss has not fallen "
            + "for PATIENCE epochs, keeping the weights of its best epoch (default: 0, never); small data wants it.")
    int earlyStop;

    @Option(names = "--engine", paramLabel = "E", description = {"auto, tensor (batched) or scalar (one Value per number, as "
            + "micrograd) (default: ${DEFAULT-VALUE}: scalar for --batch 1 with at most " + TrainingConfig.AUTO_SCALAR_UP_TO + " parameters, "
            + "where the tensor engine's fixed cost per step outweighs its few multiply-adds; tensor otherwise; the choice is printed).", "Both engines give the same model to rounding."})
    String engine = "auto";

    @Option(names = "--dtype", paramLabel = "D", description = "The tensor engine's numbers: float64 or float32 (half the "
            + "memory, faster products; needs --engine tensor or auto, which then picks tensor) (default: ${DEFAULT-VALUE}).")
    String dtype = "float64";

    @Option(names = "--scale", paramLabel = "S", description = "Feature (and regression target) scaling, fitted on the "
            + "training split and saved in model.json for predict: standard, minmax, none (default: standard for --csv, "
            + "none for built-in data, whose pictures are in data coordinates).")
    String scale;

    /**
     * The options as one checked configuration for data of that task, read from a file ({@code csv}: scaled by default) or
     * generated; {@code preprocessing} is asked for in its turn, so the first bad option is the one named.
     */
    TrainingConfig config(Task task, boolean csv, Supplier<Preprocessing> preprocessing) {
        return TrainingConfig.builder()
                .task(task)
                .hidden(hiddenSizes())
                .activations(activations())
                .outputActivation(Activation.CHOICES.parse(outputActivation))
                .init(Init.CHOICES.parse(init))
                .loss(loss == null ? null : Loss.CHOICES.parse(loss))
                .l1(l1)
                .l2(l2)
                .optimizer(OptimizerKind.CHOICES.parse(optimizer))
                .learningRate(lr)
                .momentum(momentum)
                .weightDecay(weightDecay)
                .schedule(ScheduleKind.CHOICES.parse(schedule))
                .epochs(epochs)
                .batchSize(Options.batchSize(batch))
                .seed(seed)
                .validation(val)
                .earlyStop(earlyStop)
                .scaling(scale != null ? Scaling.CHOICES.parse(scale) : csv ? Scaling.STANDARD : Scaling.NONE)
                .engine(engine.equalsIgnoreCase("auto") ? null : EngineChoice.named(engine))
                .preprocessing(preprocessing.get())
                .classWeight(ClassWeight.CHOICES.parse(classWeight))
                .dtype(dtype())
                .build();
    }

    /** {@code --activation}: one activation, or one per hidden layer, comma-separated. */
    private List<Activation> activations() {
        List<Activation> a = new java.util.ArrayList<>();
        for (String id : activation.split(",", -1)) {
            a.add(Activation.CHOICES.parse(id.trim()));
        }
        return a;
    }

    /** {@code --hidden}: sizes, or "none" for no hidden layer. */
    private List<Integer> hiddenSizes() {
        if (hidden.size() == 1 && hidden.get(0).equalsIgnoreCase("none")) {
            return List.of();
        }
        List<Integer> sizes = new ArrayList<>();
        for (String h : hidden) {
            try {
                sizes.add(Integer.parseInt(h.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--hidden takes sizes such as 16,16 or none; '" + h + "' is not a size");
            }
        }
        return sizes;
    }

    private DType dtype() {
        try {
            return DType.parse(dtype);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--dtype must be float64 or float32, got '" + dtype + "'");
        }
    }
}
