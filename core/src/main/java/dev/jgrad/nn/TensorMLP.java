package dev.jgrad.nn;

import dev.jgrad.data.Batch;
import dev.jgrad.engine.NoGrad;
import dev.jgrad.loss.Loss;
import dev.jgrad.loss.Penalty;
import dev.jgrad.optim.Parameters;
import dev.jgrad.tensor.Arena;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-layer perceptron on the tensor engine: one {@link Linear} per layer, so a batch of n
 * points is one matrix product per layer instead of n · width scalar graphs. Built from a
 * {@link Network}, it starts from the same weights as an {@link MLP} of that network, and trains to
 * the same numbers to rounding.
 *
 * <pre>{@code
 * TensorMLP model = new TensorMLP(Network.initialise(2, List.of(16, 16, 1), activations, Init.UNIFORM, new Rng(1337)));
 * Optimizer opt = new Sgd(model.trainable(), 1.0);
 * }</pre>
 */
public final class TensorMLP implements Model {
    private final int inputs;
    private final DType dtype;
    private final List<Linear> layers;
    private final List<Tensor> parameters;
    private final Parameters trainable;
    /** The last batch and its points as a tensor: full-batch training hands over the same batch every step. */
    private Batch batch;
    private Tensor points;
    /** float32: the array the batch's points are rounded into, reused from step to step. */
    private float[] rounded;

    /**
     * The network's architecture with a copy of its weights.
     *
     * @param network the architecture and weights; the weights are copied
     */
    public TensorMLP(Network network) {
        this(network, DType.FLOAT64);
    }

    /**
     * The network's architecture with a copy of its weights, computing in {@code dtype}.
     *
     * @param network the architecture and weights; the weights are copied
     * @param dtype how the numbers are stored
     */
    public TensorMLP(Network network, DType dtype) {
        this.inputs = network.inputs();
        this.dtype = dtype;
        List<Linear> ls = new ArrayList<>();
        List<Tensor> ps = new ArrayList<>();
        for (Network.Dense dense : network.layers()) {
            Linear l = new Linear(dense, dtype);
            ls.add(l);
            ps.addAll(l.parameters());
        }
        this.layers = List.copyOf(ls);
        this.parameters = List.copyOf(ps);
        this.trainable = Parameters.ofTensors(parameters);
    }

    /**
     * The outputs for a batch x of shape n × inputs: n × outputs, as a graph over the parameters.
     *
     * @param x the inputs, one row per point
     * @return the outputs, one row per point, in the graph
     */
    public Tensor forward(Tensor x) {
        for (Linear l : layers) {
            x = l.forward(x);
        }
        return x;
    }

    @Override
    public double[] predict(double... x) {
        if (x.length != inputs) {
            throw new IllegalArgumentException("this MLP takes " + inputs + " inputs, got " + x.length);
        }
        try (NoGrad scope = NoGrad.enter()) {
            return forward(Tensor.of(x, 1, x.length)).data();
        }
    }

    /**
     * Computed {@link #ROWS} points at a time, each block in an {@link Arena} step of its own, whose
     * arrays the next block reuses: a
     * whole training set at once (60,000 × 784 for Fashion-MNIST) made hundreds of megabytes of
     * activations per measurement and a copy of the set. Rows never depend on each other in a
     * product, so the numbers are the same bits as in one block.
     */
    @Override
    public double[] outputs(Batch batch) {
        int n = batch.size(), f = batch.features(), k = outputs();
        double[] all = new double[n * k];
        float[] floats = batch.floats();
        double[] points = floats == null ? batch.points() : null;
        int size = Math.min(n, ROWS) * f;
        double[] block = floats == null ? new double[size] : null;
        float[] blockFloats = floats == null ? null : new float[size];
        for (int from = 0; from < n; from += ROWS) {
            int rows = Math.min(ROWS, n - from);
            Tensor x;
            if (floats == null) {
                double[] xd = rows * f == size ? block : new double[rows * f];
                System.arraycopy(points, from * f, xd, 0, xd.length);
                x = Tensor.wrap(xd, rows, f);
            } else {
                float[] xf = rows * f == size ? blockFloats : new float[rows * f];
                System.arraycopy(floats, from * f, xf, 0, xf.length);
                x = Tensor.wrap(xf, rows, f);
            }
            try (NoGrad scope = NoGrad.enter(); Arena step = Arena.open()) {
                forward(x.to(dtype)).copyData(all, from * k);
            }
        }
        return all;
    }

    /** Points per block of {@link #outputs}: a few hundred kilobytes of activations per layer. */
    private static final int ROWS = 256;

    /**
     * The batch's mean loss plus the penalty, as a graph over the parameters (the scalar engine's order).
     *
     * @param batch the points and their labels (or targets)
     * @param loss how outputs and labels become the loss
     * @param penalty the weight penalty added to it
     * @return the loss, a 0-dimensional tensor in the graph
     */
    public Tensor loss(Batch batch, Loss loss, Penalty penalty) {
        return loss(forward(points(batch)), batch, loss, penalty);
    }

    private Tensor loss(Tensor out, Batch batch, Loss loss, Penalty penalty) {
        Tensor data = batch.targets() != null ? loss.regressionMean(out, batch.targets()) : loss.mean(out, batch.labels(), batch.weights());
        return penalty.addTo(data, parameters);
    }

    /** {@link #loss} and backward in one {@link Arena} step: the next step reuses its arrays. */
    @Override
    public double forwardBackward(Batch batch, Loss loss, Penalty penalty) {
        return forwardBackward(batch, loss, penalty, null);
    }

    /** {@link #forwardBackward(Batch, Loss, Penalty)}, the outputs (unless null) copied out before the step ends. */
    @Override
    public double forwardBackward(Batch batch, Loss loss, Penalty penalty, double[] outputs) {
        try (Arena step = Arena.open()) {
            Tensor out = forward(points(batch));
            Tensor total = loss(out, batch, loss, penalty);
            total.backward();
            if (outputs != null) {
                out.copyData(outputs, 0);
            }
            return total.item();
        }
    }

    /**
     * The batch's points as a tensor of this model's dtype: wrapped as they are when the batch holds that dtype
     * (a float32 batch, {@link dev.jgrad.data.FloatPoints}, for a float32 model), else converted.
     */
    private Tensor points(Batch b) {
        if (b != batch) {
            batch = b;
            float[] f = b.floats();
            points = dtype == DType.FLOAT64 || f == null ? converted(b) : Tensor.wrap(f, b.size(), b.features());
        }
        return points;
    }

    private Tensor converted(Batch b) {
        return dtype == DType.FLOAT64 ? Tensor.wrap(b.points(), b.size(), b.features()) : rounded(b);
    }

    /** The batch's points rounded to float32 into an array kept for the next batch of the same size. */
    private Tensor rounded(Batch b) {
        double[] x = b.points();
        if (rounded == null || rounded.length != x.length) {
            rounded = new float[x.length];
        }
        for (int i = 0; i < x.length; i++) {
            rounded[i] = (float) x[i];
        }
        return Tensor.wrap(rounded, b.size(), b.features());
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public Network network() {
        return new Network(inputs, layers.stream().map(Linear::dense).toList());
    }

    @Override
    public Parameters trainable() {
        return trainable;
    }

    /**
     * Each layer's weight (inputs × outputs), then its bias.
     *
     * @return the parameters, layer by layer
     */
    public List<Tensor> parameters() {
        return parameters;
    }

    /** {@return the layers, input side first} */
    public List<Linear> layers() {
        return layers;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int outputs() {
        return layers.get(layers.size() - 1).outputs();
    }

    @Override
    public String toString() {
        return "TensorMLP " + network();
    }
}
