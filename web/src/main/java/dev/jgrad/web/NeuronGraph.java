package dev.jgrad.web;

import dev.jgrad.engine.Value;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Layer;
import dev.jgrad.nn.MLP;
import dev.jgrad.nn.Neuron;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One neuron's graph for one sample, named as the post names its h1 neuron: inputs x1, x2… (the
 * features' own labels; for a neuron of hidden layer L ≥ 2, the previous layer's outputs h(L−1)_1,
 * h(L−1)_2…, numbered from 1), weights w1, w2…, bias b, products x1·w1…, their sum n, the activation's
 * output o. The output neuron's graph goes on to the sample's loss L ((o − y)² for MSE, as the post);
 * a hidden neuron's graph stops at o, and the gradient flowing into o is the real dLoss/do for the sample,
 * from a backward pass over the whole network on the scalar engine. Ids (in the SVG and for the gradient
 * check): x1… (hL_i… for hidden inputs), w1…, b, p1… for the products, n, o, y for the target's
 * constant, d for o − y, L, and v + the position in topological order for anything else.
 */
final class NeuronGraph implements GraphSvg.Names {
    private final Map<Value, String> ids = new IdentityHashMap<>();
    private final Map<Value, String> labels = new IdentityHashMap<>();
    private final Map<Value, GraphSvg.Kind> kinds = new IdentityHashMap<>();
    private final List<Value> parameters = new ArrayList<>();
    private final Value root;
    private final Value output;
    private final double seed;
    private final double fullLoss;
    private final List<Value> networkParameters;
    private final List<Value> inputs = new ArrayList<>();
    private final List<Value> networkInputs;

    /**
     * Builds the whole network's graph for the sample, runs its backward pass, then this neuron's graph.
     * layer: 1.. for hidden layers, the number of layers for the output layer.
     */
    NeuronGraph(MLP mlp, SampleLoss sampleLoss, List<String> featureNames, double[] features, int layer, int index) {
        Loss loss = sampleLoss.loss();
        List<Value> x = new ArrayList<>();
        for (double f : features) {
            x.add(Value.of(f));
        }
        networkInputs = x;
        List<List<Value>> outs = new ArrayList<>();
        List<Value> current = x;
        for (Layer l : mlp.layers()) {
            current = l.forward(current);
            outs.add(current);
        }
        Value total = sampleLoss.of(current);
        // The network's parameters outlive this graph: zero them, or a rebuild would add onto old grads.
        for (Value p : mlp.parameters()) {
            p.zeroGrad();
        }
        total.backward();
        fullLoss = total.data();
        Value neuronOut = outs.get(layer - 1).get(index);
        Neuron neuron = mlp.layers().get(layer - 1).neurons().get(index);
        networkParameters = neuron.parameters();
        List<Value> in = layer == 1 ? x : outs.get(layer - 2);
        boolean last = layer == mlp.layers().size();
        boolean withLoss = last && current.size() == 1;

        List<Value> terms = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            String xi = layer == 1 ? (i < featureNames.size() ? featureNames.get(i) : "x" + (i + 1)) : "h" + (layer - 1) + "_" + (i + 1);
            Value input = name(Value.of(in.get(i).data()), layer == 1 ? "x" + (i + 1) : "h" + (layer - 1) + "_" + (i + 1), xi, GraphSvg.Kind.INPUT);
            inputs.add(input);
            Value w = name(Value.of(networkParameters.get(i).data()), "w" + (i + 1), "w" + (i + 1), GraphSvg.Kind.PARAMETER);
            parameters.add(w);
            terms.add(name(input.mul(w), "p" + (i + 1), xi + "·w" + (i + 1), GraphSvg.Kind.PLAIN));
        }
        Value b = name(Value.of(networkParameters.get(in.size()).data()), "b", "b", GraphSvg.Kind.PARAMETER);
        parameters.add(b);
        terms.add(b);
        Value n = name(Value.sum(terms), "n", "n", GraphSvg.Kind.PLAIN);
        Activation activation = neuron.activation();
        Value o = activation.apply(n);
        // A linear neuron's output is its sum: then n is o.
        output = o == n ? name(n, "n", "n", GraphSvg.Kind.OUTPUT) : name(o, "o", "o", GraphSvg.Kind.OUTPUT);
        if (withLoss) {
            Value l = sampleLoss.of(List.of(output));
            root = name(l, "L", "L", GraphSvg.Kind.OUTPUT);
            seed = 1;
        } else {
            root = output;
            seed = neuronOut.grad();
        }
        int k = 0;
        for (Value v : root.topologicalOrder()) {
            if (!ids.containsKey(v)) {
                if (loss == Loss.MSE && withLoss && v.op().isEmpty()) {
                    name(v, "y", "−y", GraphSvg.Kind.PLAIN);
                } else if (loss == Loss.MSE && withLoss && v.op().equals("+")) {
                    name(v, "d", output == n ? "n − y" : "o − y", GraphSvg.Kind.PLAIN);
                } else {
                    name(v, "v" + k, "", GraphSvg.Kind.PLAIN);
                }
            }
            k++;
        }
    }

    private Value name(Value v, String id, String label, GraphSvg.Kind kind) {
        ids.put(v, id);
        labels.put(v, label);
        kinds.put(v, kind);
        return v;
    }

    @Override
    public String id(Value v) {
        return ids.get(v);
    }

    @Override
    public String label(Value v) {
        return labels.get(v);
    }

    @Override
    public GraphSvg.Kind kind(Value v) {
        return kinds.get(v);
    }

    Value root() {
        return root;
    }

    /** The neuron's output o (n for a linear neuron). */
    Value output() {
        return output;
    }

    /** The gradient seeded into the root: 1 for the loss, else dLoss/do from the whole network. */
    double seed() {
        return seed;
    }

    /** The sample's loss over the whole network, as this graph was built. */
    double fullLoss() {
        return fullLoss;
    }

    /** The panel's w1…wn, b. */
    List<Value> parameters() {
        return parameters;
    }

    /** The panel's input leaves, in order. */
    List<Value> inputs() {
        return inputs;
    }

    /** The same neuron's w1…wn, b in the whole network's graph, after its backward pass. */
    List<Value> networkParameters() {
        return networkParameters;
    }

    /** The whole network's input leaves (the features), after its backward pass. */
    List<Value> networkInputs() {
        return networkInputs;
    }
}
