package dev.jgrad.app;

import dev.jgrad.base.Choices;
import dev.jgrad.base.Named;
import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Engine;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.Model;
import dev.jgrad.nn.Network;
import dev.jgrad.optim.Schedule;
import dev.jgrad.optim.Sgd;
import dev.jgrad.tensor.DType;
import dev.jgrad.train.Learner;
import java.util.List;

/**
 * The benchmark workloads of shared/bench/README.md, each one full-batch training step, built from
 * a seed so that {@code jgrad bench} and the JMH benchmarks time exactly the same work.
 */
public enum Workload implements Named {
    /** W1: 200 circle points, 2 → 9 tanh → 1 tanh, MSE, SGD 0.05. */
    CIRCLE_9("circle-9", "W1: 200 circle points, 2 → 9 tanh → 1 tanh, MSE, SGD 0.05", false),
    /** W2: micrograd's demo, moons(100, 0.1), 2 → 16 relu → 16 relu → 1, hinge + 1e-4·L2, SGD 1.0 with linear decay. */
    MOONS_16X16("moons-16x16", "W2: micrograd's demo, 100 moons, 2 → 16 relu → 16 relu → 1, hinge + L2, SGD", false),
    /** W3: 1,000 circle points, 2 → 64 tanh → 64 tanh → 1 tanh, MSE, SGD 0.05. */
    CIRCLE_64X64("circle-64x64", "W3: 1,000 circle points, 2 → 64 tanh → 64 tanh → 1 tanh, MSE, SGD 0.05", true),
    /** W4: 128 Gaussian points of 784 features, 10 classes, 784 → 128 relu → 10, cross-entropy, SGD 0.1 (He init: the scale does not change the work). */
    MLP_784_128_10("mlp-784-128-10", "W4: 128 Gaussian points of 784 features, 784 → 128 relu → 10, cross-entropy", true);

    /** Every workload by its name in shared/bench. */
    public static final Choices<Workload> CHOICES = Choices.of("workload", List.of(values()));

    private final String id;
    private final String description;
    private final boolean tensorOnly;

    Workload(String id, String description, boolean tensorOnly) {
        this.id = id;
        this.description = description;
        this.tensorOnly = tensorOnly;
    }

    /** The name in shared/bench: circle-9, moons-16x16, circle-64x64, mlp-784-128-10. */
    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    /** Whether the scalar engine can run it in reasonable time (W3 and W4 build millions of nodes a step). */
    public boolean feasibleOn(Engine engine) {
        return engine == Engine.TENSOR || !tensorOnly;
    }

    public Dataset data(long seed) {
        Rng random = new Rng(seed);
        return switch (this) {
            case CIRCLE_9 -> Datasets.circle(200, 0, random);
            case MOONS_16X16 -> Datasets.moons(100, 0.1, random);
            case CIRCLE_64X64 -> Datasets.circle(1000, 0, random);
            case MLP_784_128_10 -> gaussian(128, 784, 10, random);
        };
    }

    /** A learner for this workload's model on {@code engine}, weights drawn from {@code seed}. */
    public Learner learner(Engine engine, long seed) {
        return learner(engine, DType.FLOAT64, seed);
    }

    /** {@link #learner(Engine, long)} with the tensor engine's numbers in {@code dtype}. */
    public Learner learner(Engine engine, DType dtype, long seed) {
        Rng random = new Rng(seed);
        Network start = switch (this) {
            case CIRCLE_9 -> network(2, List.of(9, 1), Activation.TANH, Activation.TANH, Init.UNIFORM, random);
            case MOONS_16X16 -> network(2, List.of(16, 16, 1), Activation.RELU, Activation.LINEAR, Init.UNIFORM, random);
            case CIRCLE_64X64 -> network(2, List.of(64, 64, 1), Activation.TANH, Activation.TANH, Init.UNIFORM, random);
            case MLP_784_128_10 -> network(784, List.of(128, 10), Activation.RELU, Activation.LINEAR, Init.HE, random);
        };
        Model model = engine.build(start, dtype);
        return switch (this) {
            case CIRCLE_9, CIRCLE_64X64 -> new Learner(model, Loss.MSE, 0, new Sgd(model.trainable(), 0.05));
            case MOONS_16X16 -> new Learner(model, Loss.HINGE, 1e-4,
                    new Sgd(model.trainable(), 1.0).schedule(Schedule.linear(0.1, 100)));
            case MLP_784_128_10 -> new Learner(model, Loss.CROSS_ENTROPY, 0, new Sgd(model.trainable(), 0.1));
        };
    }

    private static Network network(int inputs, List<Integer> sizes, Activation hidden, Activation output, Init init, Rng random) {
        return Network.initialise(inputs, sizes, Network.activations(sizes.size(), hidden, output), init, random);
    }

    private static Dataset gaussian(int n, int features, int classes, Rng random) {
        double[][] x = new double[n][features];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < features; j++) {
                x[i][j] = gauss(random);
            }
            y[i] = random.nextInt(classes);
        }
        return new Dataset("gaussian-" + features, x, y, classes);
    }

    private static double gauss(Rng random) {
        double u = 1 - random.nextDouble(), v = random.nextDouble();
        return Math.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
    }
}
