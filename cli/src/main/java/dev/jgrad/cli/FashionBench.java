package dev.jgrad.cli;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.FloatPoints;
import dev.jgrad.data.Shuffle;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Engine;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.Model;
import dev.jgrad.nn.Network;
import dev.jgrad.optim.Adam;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.JvmKernels;
import dev.jgrad.train.Learner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * W5 of shared/bench: Fashion-MNIST's 60,000 training images, 784 → 128 relu → 10, cross-entropy,
 * Adam 1e-3, batches of 128, features standardised on the training set: seconds per epoch of the
 * training loop alone, as bench/pytorch's torch_fmnist.py times PyTorch's. Reads the IDX files of
 * Debian's dataset-fashion-mnist when they are there, else Gaussian data of the same shapes, so that
 * the bench needs no download (the time per epoch is the same; the accuracy is not).
 */
final class FashionBench {
    static final Path IDX = Path.of("/usr/share/datasets/fashion-mnist");
    static final int BATCH = 128;
    static final int FEATURES = 784;
    static final int HIDDEN = 128;

    private FashionBench() {
    }

    /** The training set, standardised; {@code real} says whether it is Fashion-MNIST or stand-in data. */
    record Data(Dataset train, boolean real) {
    }

    static Data load(Path dir) throws IOException {
        Path images = dir.resolve("train-images-idx3-ubyte.gz"), labels = dir.resolve("train-labels-idx1-ubyte.gz");
        if (!Files.isReadable(images) || !Files.isReadable(labels)) {
            return new Data(standardised(gaussian(60_000, new Rng(5))), false);
        }
        byte[] x = gunzip(images), y = gunzip(labels);
        int n = (y.length - 8);
        double[][] points = new double[n][FEATURES];
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            classes[i] = y[8 + i];
            for (int j = 0; j < FEATURES; j++) {
                points[i][j] = x[16 + i * FEATURES + j] & 0xff;
            }
        }
        return new Data(standardised(new Dataset("fashion-mnist", points, classes, 10)), true);
    }

    /**
     * Starts the vector kernels' warm-up for W5's products (a step's first is {@code BATCH × FEATURES × HIDDEN}
     * multiply-adds): the network is known before its data, so the JIT compiles them while the data is read, as
     * {@code jgrad train} starts it before its first epoch, and the first epoch times training, not compilation.
     * {@code first}'s kernels warm first: the dtype whose epochs are timed first.
     */
    static void expect(DType first) {
        JvmKernels.expect((long) BATCH * FEATURES * HIDDEN, first);
    }

    /** Seconds of each epoch's training loop (shuffle and updates; no measuring pass). */
    static double[] epochs(Dataset train, DType dtype, int epochs, long seed) {
        Rng random = new Rng(seed);
        Network start = Network.initialise(FEATURES, List.of(HIDDEN, 10), Network.activations(2, Activation.RELU, Activation.LINEAR),
                Init.PYTORCH, random);
        Model model = Engine.TENSOR.build(start, dtype);
        Learner learner = new Learner(model, Loss.CROSS_ENTROPY, 0, new Adam(model.trainable(), 1e-3));
        int n = train.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] seconds = new double[epochs];
        // one set of arrays for every full batch, as the Trainer gathers: a new 128 × 784 array a step cost
        // more than the gather's copy (allocating, zeroing and collecting 800 kB a step); float32 gathers from
        // the points rounded once, as PyTorch's script indexes a float32 tensor made before its loop
        FloatPoints rows = dtype == DType.FLOAT32 ? new FloatPoints(train) : null;
        double[] x = rows == null ? new double[BATCH * train.features()] : null;
        float[] xf = rows == null ? null : new float[BATCH * train.features()];
        int[] y = new int[BATCH];
        for (int e = 0; e < epochs; e++) {
            long t0 = System.nanoTime();
            Shuffle.shuffle(order, random);
            for (int from = 0; from < n; from += BATCH) {
                int to = Math.min(n, from + BATCH);
                learner.step(to - from < BATCH ? train.batch(order, from, to)
                        : rows == null ? train.batch(order, from, to, x, y, null) : rows.batch(order, from, to, xf, y, null));
            }
            seconds[e] = (System.nanoTime() - t0) / 1e9;
        }
        return seconds;
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static Dataset gaussian(int n, Rng random) {
        double[][] x = new double[n][FEATURES];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < FEATURES; j++) {
                x[i][j] = random.nextDouble(0, 255);
            }
            y[i] = random.nextInt(10);
        }
        return new Dataset("gaussian-784", x, y, 10);
    }

    /** (x − mean) / std per feature, fitted on these points (a constant feature keeps std 1), as torch_fmnist.py. */
    private static Dataset standardised(Dataset d) {
        int n = d.size(), f = d.features();
        double[] mean = new double[f], sd = new double[f];
        for (double[] p : d.points()) {
            for (int j = 0; j < f; j++) {
                mean[j] += p[j] / n;
            }
        }
        for (double[] p : d.points()) {
            for (int j = 0; j < f; j++) {
                sd[j] += (p[j] - mean[j]) * (p[j] - mean[j]) / n;
            }
        }
        for (double[] p : d.points()) {
            for (int j = 0; j < f; j++) {
                p[j] = (p[j] - mean[j]) / (sd[j] == 0 ? 1 : Math.sqrt(sd[j]));
            }
        }
        return d;
    }
}
