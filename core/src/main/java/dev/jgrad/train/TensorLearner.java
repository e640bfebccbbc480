package dev.jgrad.train;

import dev.jgrad.data.Dataset;
import dev.jgrad.data.Scorer;
import dev.jgrad.engine.NoGrad;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.TensorMLP;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.tensor.Tensor;
import java.util.Arrays;

/**
 * A {@link TensorMLP} trained on the tensor engine: each step stacks the batch into one n × inputs
 * tensor, so the graph has a few nodes per layer whatever the batch size. Same losses, L2 term and
 * optimizers as {@link ScalarLearner}, the same numbers to rounding.
 */
public final class TensorLearner implements Learner {
    private final TensorMLP model;
    private final Loss loss;
    private final double l2;
    private final Optimizer optimizer;
    private Dataset batchData;
    private int[] batchOrder;
    private Tensor batchPoints;
    private int[] batchLabels;

    /** {@code optimizer} must update {@code model.parameters()} (see {@code Trainable.ofTensors}). */
    public TensorLearner(TensorMLP model, Loss loss, double l2, Optimizer optimizer) {
        this.model = model;
        this.loss = loss;
        this.l2 = Learner.checkL2(l2);
        this.optimizer = optimizer;
    }

    @Override
    public double step(Dataset data, int[] order, int from, int to) {
        Tensor total = loss(data, order, from, to);
        optimizer.zeroGrad();
        total.backward();
        optimizer.step();
        double value = total.item();
        total.release();
        return value;
    }

    /** The batch's mean loss plus α·Σp², as a graph over the parameters. */
    public Tensor loss(Dataset data, int[] order, int from, int to) {
        Tensor total = loss.batch(model.forward(batch(data, order, from, to)), batchLabels);
        return l2 > 0 ? total.add(penalty()) : total;
    }

    /**
     * The points {@code order[from … to)} as one n × features tensor, and their labels. Full-batch
     * training asks for the same batch every step, so the last one is kept and reused.
     */
    private Tensor batch(Dataset data, int[] order, int from, int to) {
        int n = to - from;
        if (data == batchData && Arrays.equals(order, from, to, batchOrder, 0, batchOrder.length)) {
            return batchPoints;
        }
        int f = data.features();
        double[] x = new double[n * f];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data.points()[order[from + i]], 0, x, i * f, f);
            labels[i] = data.labels()[order[from + i]];
        }
        batchData = data;
        batchOrder = Arrays.copyOfRange(order, from, to);
        batchPoints = Tensor.of(x, n, f);
        batchLabels = labels;
        return batchPoints;
    }

    private Tensor penalty() {
        Tensor sum = null;
        for (Tensor p : model.parameters()) {
            Tensor s = p.square().sum();
            sum = sum == null ? s : sum.add(s);
        }
        return sum.mul(l2);
    }

    @Override
    public Evaluation evaluate(Dataset data) {
        try (NoGrad scope = NoGrad.enter()) {
            Tensor out = model.forward(Tensor.of(flatten(data), data.size(), data.features()));
            double mean = loss.batch(out, data.labels()).item() + (l2 > 0 ? penalty().item() : 0);
            int k = model.outputs();
            double[] all = out.data();
            double[] row = new double[k];
            int correct = 0;
            for (int i = 0; i < data.size(); i++) {
                System.arraycopy(all, i * k, row, 0, k);
                correct += loss.predict(row) == data.labels()[i] ? 1 : 0;
            }
            return new Evaluation(mean, (double) correct / data.size());
        }
    }

    private static double[] flatten(Dataset data) {
        int f = data.features();
        double[] x = new double[data.size() * f];
        for (int i = 0; i < data.size(); i++) {
            System.arraycopy(data.points()[i], 0, x, i * f, f);
        }
        return x;
    }

    @Override
    public Scorer scorer() {
        return Learner.scorer(model.inputs(), loss, model::predict);
    }

    public TensorMLP model() {
        return model;
    }

    public Loss loss() {
        return loss;
    }
}
