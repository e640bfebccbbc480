package dev.jgrad.train;

import dev.jgrad.data.Dataset;
import dev.jgrad.data.Scorer;
import dev.jgrad.engine.NoGrad;
import dev.jgrad.engine.Value;
import dev.jgrad.loss.Loss;
import dev.jgrad.loss.Losses;
import dev.jgrad.nn.MLP;
import dev.jgrad.optim.Optimizer;
import java.util.Arrays;
import java.util.List;

/**
 * An {@link MLP} trained on the scalar engine: each step builds the batch's graph (plus α·Σp² when
 * {@code l2 > 0}), runs backward through it and lets the optimizer update the parameters.
 */
public final class ScalarLearner implements Learner {
    private final MLP model;
    private final Loss loss;
    private final double l2;
    private final Optimizer optimizer;

    public ScalarLearner(MLP model, Loss loss, double l2, Optimizer optimizer) {
        this.model = model;
        this.loss = loss;
        this.l2 = Learner.checkL2(l2);
        this.optimizer = optimizer;
    }

    @Override
    public double step(Dataset data, int[] order, int from, int to) {
        Value total = Losses.batch(loss, model, data, order, from, to);
        if (l2 > 0) {
            total = total.add(Losses.l2(model.parameters(), l2));
        }
        optimizer.zeroGrad();
        total.backward();
        optimizer.step();
        return total.data();
    }

    @Override
    public Evaluation evaluate(Dataset data) {
        // Outputs come from plain doubles; only the loss of each is computed on (graph-free) values.
        double sum = 0;
        int correct = 0;
        try (NoGrad scope = NoGrad.enter()) {
            for (int i = 0; i < data.size(); i++) {
                double[] out = model.predict(data.points()[i]);
                sum += loss.sample(constants(out), data.labels()[i]).data();
                correct += loss.predict(out) == data.labels()[i] ? 1 : 0;
            }
            double penalty = l2 > 0 ? Losses.l2(model.parameters(), l2).data() : 0;
            return new Evaluation(sum / data.size() + penalty, (double) correct / data.size());
        }
    }

    private static List<Value> constants(double[] out) {
        Value[] v = new Value[out.length];
        for (int i = 0; i < out.length; i++) {
            v[i] = Value.of(out[i]);
        }
        return Arrays.asList(v);
    }

    @Override
    public Scorer scorer() {
        return Learner.scorer(model.inputs(), loss, model::predict);
    }

    public MLP model() {
        return model;
    }

    public Loss loss() {
        return loss;
    }
}
