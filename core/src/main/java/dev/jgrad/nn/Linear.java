package dev.jgrad.nn;

import dev.jgrad.tensor.Tensor;
import java.util.List;

/**
 * A dense layer on the tensor engine: {@code act(x W + b)} for a batch x of shape n × inputs. W is
 * stored inputs × outputs, so the forward product reads both operands row by row; column o of W
 * holds the weights of the scalar engine's neuron o.
 */
public final class Linear {
    private final Tensor weight;
    private final Tensor bias;
    private final Activation activation;

    /** A layer from the weights of neurons ({@code weights[o][i]}: neuron o, input i) and their biases. */
    public Linear(double[][] weights, double[] biases, Activation activation) {
        int outputs = weights.length, inputs = weights[0].length;
        if (biases.length != outputs) {
            throw new IllegalArgumentException(outputs + " neurons but " + biases.length + " biases");
        }
        double[] w = new double[inputs * outputs];
        for (int o = 0; o < outputs; o++) {
            if (weights[o].length != inputs) {
                throw new IllegalArgumentException("neuron " + o + " has " + weights[o].length + " weights, neuron 0 has " + inputs);
            }
            for (int i = 0; i < inputs; i++) {
                w[i * outputs + o] = weights[o][i];
            }
        }
        this.weight = Tensor.of(w, inputs, outputs).requireGrad();
        this.bias = Tensor.of(biases, outputs).requireGrad();
        this.activation = activation;
    }

    /** act(x W + b) for x of shape n × inputs: n × outputs. */
    public Tensor forward(Tensor x) {
        return activation.apply(x.matmul(weight).add(bias));
    }

    /** The weight (inputs × outputs), then the bias. */
    public List<Tensor> parameters() {
        return List.of(weight, bias);
    }

    public Tensor weight() {
        return weight;
    }

    public Tensor bias() {
        return bias;
    }

    public int inputs() {
        return weight.shape()[0];
    }

    public int outputs() {
        return weight.shape()[1];
    }

    public Activation activation() {
        return activation;
    }

    /** The scalar engine's layer with these weights, e.g. to save it as a model file or draw its graph. */
    public Layer toLayer() {
        int in = inputs(), out = outputs();
        double[] w = weight.data(), b = bias.data();
        List<Neuron> neurons = new java.util.ArrayList<>(out);
        for (int o = 0; o < out; o++) {
            double[] row = new double[in];
            for (int i = 0; i < in; i++) {
                row[i] = w[i * out + o];
            }
            neurons.add(new Neuron(row, b[o], activation));
        }
        return new Layer(neurons);
    }
}
