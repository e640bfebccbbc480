package dev.jgrad.nn;

import dev.jgrad.data.Scorer;
import dev.jgrad.engine.NoGrad;
import dev.jgrad.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link MLP} on the tensor engine: one {@link Linear} per layer, so a batch of n points is one
 * matrix product per layer instead of n · width scalar graphs. Built from a scalar MLP, it has the
 * same activations and the same starting weights (so the same seed and init give the same model in
 * both engines); {@link #toMLP()} goes back, for model files and graph pictures.
 *
 * <pre>{@code
 * TensorMLP model = new TensorMLP(new MLP(2, List.of(16, 16, 1), Activation.RELU, new Rng(1337)));
 * Optimizer opt = new Sgd(Trainable.ofTensors(model.parameters()), 1.0);
 * }</pre>
 */
public final class TensorMLP {
    private final int inputs;
    private final List<Linear> layers;
    private final List<Tensor> parameters;

    /** The tensor twin of {@code model}, with a copy of its current weights. */
    public TensorMLP(MLP model) {
        this.inputs = model.inputs();
        List<Linear> ls = new ArrayList<>();
        List<Tensor> ps = new ArrayList<>();
        for (Layer layer : model.layers()) {
            int n = layer.outputs(), in = layer.inputs();
            double[][] w = new double[n][in];
            double[] b = new double[n];
            for (int o = 0; o < n; o++) {
                var p = layer.neurons().get(o).parameters();
                for (int i = 0; i < in; i++) {
                    w[o][i] = p.get(i).data();
                }
                b[o] = p.get(in).data();
            }
            Linear l = new Linear(w, b, layer.activation());
            ls.add(l);
            ps.addAll(l.parameters());
        }
        this.layers = List.copyOf(ls);
        this.parameters = List.copyOf(ps);
    }

    /** The outputs for a batch x of shape n × inputs: n × outputs, as a graph over the parameters. */
    public Tensor forward(Tensor x) {
        for (Linear l : layers) {
            x = l.forward(x);
        }
        return x;
    }

    /** The outputs for one point, without a graph. */
    public double[] predict(double... x) {
        if (x.length != inputs) {
            throw new IllegalArgumentException("this MLP takes " + inputs + " inputs, got " + x.length);
        }
        try (NoGrad scope = NoGrad.enter()) {
            return forward(Tensor.of(x, 1, x.length)).data();
        }
    }

    /** The first output at (x, y) minus {@code threshold}, for pictures (as {@link MLP#scorer}). */
    public Scorer scorer(double threshold) {
        if (inputs != 2) {
            throw new IllegalStateException("a scorer needs a model of 2 inputs; this one takes " + inputs);
        }
        return (x, y) -> predict(x, y)[0] - threshold;
    }

    /** The scalar engine's MLP with the current weights. */
    public MLP toMLP() {
        return new MLP(inputs, layers.stream().map(Linear::toLayer).toList());
    }

    /** Each layer's weight (inputs × outputs), then its bias. */
    public List<Tensor> parameters() {
        return parameters;
    }

    public List<Linear> layers() {
        return layers;
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return layers.get(layers.size() - 1).outputs();
    }

    @Override
    public String toString() {
        return toMLP().toString().replaceFirst("^MLP", "TensorMLP");
    }
}
