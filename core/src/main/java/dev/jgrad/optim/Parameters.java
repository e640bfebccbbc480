package dev.jgrad.optim;

import dev.jgrad.engine.Value;
import dev.jgrad.tensor.Tensor;
import java.util.List;

/**
 * A block of trainable numbers and their gradients, as an optimizer sees it: {@link #size()}
 * numbers that it reads together with their gradients, updates, and writes back.
 *
 * <p>This is what lets one optimizer serve both engines. An optimizer gathers every block into one
 * flat {@code double[]} of data and one of gradients, runs its update rule as a single tight loop
 * over those arrays, and scatters the data back. A scalar {@link Value} is a block of size 1
 * ({@link #of(Value)}); a model's parameter list is one block ({@link #of(List)}), which reads its
 * values in list order. A tensor with flat {@code double[] data} and {@code grad} arrays adapts with
 * three {@code System.arraycopy} calls and an {@code Arrays.fill}:
 * <pre>{@code
 * Parameters t = new Parameters() {
 *     public int size() { return data.length; }
 *     public void readData(double[] to, int at) { System.arraycopy(data, 0, to, at, data.length); }
 *     public void readGrad(double[] to, int at) { System.arraycopy(grad, 0, to, at, grad.length); }
 *     public void writeData(double[] from, int at) { System.arraycopy(from, at, data, 0, data.length); }
 *     public void zeroGrad() { Arrays.fill(grad, 0); }
 * };
 * }</pre>
 * Blocks join with {@link #concat(List)}; the order of the numbers is the order of the blocks, and
 * an optimizer's state (momenta, Adam's moments) is kept per position, so it must not change
 * between steps.
 */
public interface Parameters {
    /**
     * How many numbers the block holds.
     *
     * @return how many numbers the block holds
     */
    int size();

    /**
     * Copies the numbers into {@code to[at … at + size)}.
     *
     * @param to the array to fill
     * @param at where in it the block's first number goes
     */
    void readData(double[] to, int at);

    /**
     * Copies their gradients into {@code to[at … at + size)}.
     *
     * @param to the array to fill
     * @param at where in it the block's first gradient goes
     */
    void readGrad(double[] to, int at);

    /**
     * Replaces the numbers with {@code from[at … at + size)}.
     *
     * @param from the array holding the new numbers
     * @param at where in it the block's first number is
     */
    void writeData(double[] from, int at);

    /** Sets every gradient to 0. */
    void zeroGrad();

    /**
     * One scalar parameter: a block of size 1.
     *
     * @param v a scalar parameter, a graph leaf
     * @return a block of size 1 that reads and writes it
     */
    static Parameters of(Value v) {
        return of(List.of(v));
    }

    /**
     * A list of scalar parameters as one block, in list order.
     *
     * @param values scalar parameters, graph leaves
     * @return one block over them (the list is copied; the values are not)
     */
    static Parameters of(List<Value> values) {
        return new ValueBlock(values.toArray(new Value[0]));
    }

    /**
     * Tensors (a tensor model's parameters) as one block, in list order, each row-major.
     *
     * @param tensors tensors whose gradients backward fills
     * @return one block over all their entries
     */
    static Parameters ofTensors(List<Tensor> tensors) {
        return new TensorBlock(tensors.toArray(new Tensor[0]));
    }

    /**
     * Blocks one after another, as one block.
     *
     * @param blocks the blocks, in order
     * @return one block reading and writing them in turn
     */
    static Parameters concat(List<? extends Parameters> blocks) {
        return new Concat(List.copyOf(blocks));
    }
}
