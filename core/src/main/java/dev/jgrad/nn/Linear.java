package dev.jgrad.nn;

import dev.jgrad.tensor.Affine;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Tensor;
import java.util.List;

/**
 * A dense layer on the tensor engine: {@code act(x W + b)} for a batch x of shape n × inputs. W is
 * stored inputs × outputs, so the forward product reads both operands row by row; column o of W
 * holds the weights of the network's neuron o.
 */
public final class Linear {
    private final Tensor weight;
    private final Tensor bias;
    private final Activation activation;

    /**
     * The layer {@code dense}, with a copy of its weights.
     *
     * @param dense the layer's description; its weights are copied
     */
    public Linear(Network.Dense dense) {
        this(dense, DType.FLOAT64);
    }

    /**
     * The layer {@code dense}, with a copy of its weights in {@code dtype} (float32 rounds each to nearest).
     *
     * @param dense the layer's description; its weights are copied
     * @param dtype how the weights are stored
     */
    public Linear(Network.Dense dense, DType dtype) {
        int outputs = dense.outputs(), inputs = dense.inputs();
        double[] w = new double[inputs * outputs];
        for (int o = 0; o < outputs; o++) {
            for (int i = 0; i < inputs; i++) {
                w[i * outputs + o] = dense.weights()[o][i];
            }
        }
        this.weight = Tensor.of(w, inputs, outputs).to(dtype).requireGrad();
        this.bias = Tensor.of(dense.biases(), outputs).to(dtype).requireGrad();
        this.activation = dense.activation();
    }

    /**
     * act(x W + b) for x of shape n × inputs: n × outputs. One fused node ({@link Affine}) where
     * the activation has one, the same bits as the composite with one pass less over the outputs.
     *
     * @param x the inputs, one row per point
     * @return the outputs, in the graph
     */
    public Tensor forward(Tensor x) {
        Affine fused = switch (activation) {
            case RELU -> Affine.RELU;
            case TANH -> Affine.TANH;
            case LINEAR -> Affine.IDENTITY;
            case SIGMOID -> null;
        };
        return fused != null ? fused.apply(x, weight, bias) : activation.apply(x.matmul(weight).add(bias));
    }

    /** {@return the weight (inputs × outputs), then the bias} */
    public List<Tensor> parameters() {
        return List.of(weight, bias);
    }

    /** {@return the weight matrix, inputs × outputs (row i: input i's weights)} */
    public Tensor weight() {
        return weight;
    }

    /** {@return the bias vector, one per output} */
    public Tensor bias() {
        return bias;
    }

    /** {@return how many inputs the layer reads} */
    public int inputs() {
        return weight.shape()[0];
    }

    /** {@return how many outputs the layer gives} */
    public int outputs() {
        return weight.shape()[1];
    }

    /** {@return the activation applied after x W + b} */
    public Activation activation() {
        return activation;
    }

    /** {@return this layer's current weights, neuron by neuron} */
    public Network.Dense dense() {
        int in = inputs(), out = outputs();
        double[] w = weight.data();
        double[][] rows = new double[out][in];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                rows[o][i] = w[i * out + o];
            }
        }
        return new Network.Dense(rows, bias.data(), activation);
    }
}
