package dev.jgrad.nn;

import dev.jgrad.data.Batch;
import dev.jgrad.data.Scorer;
import dev.jgrad.loss.Loss;
import dev.jgrad.loss.Penalty;
import dev.jgrad.optim.Parameters;
import dev.jgrad.tensor.DType;

/**
 * A network that an engine runs: the seam between training and the engines. {@link MLP} builds it
 * from {@link dev.jgrad.engine.Value}s (one node per number: the engine that draws graphs and
 * teaches), {@link TensorMLP} from tensors (one node per layer operation: the fast one); a third
 * engine plugs in by implementing these methods and an {@link Engine} that builds it from a
 * {@link Network}. Both read back the same description ({@link #network()}), so model files,
 * pictures and the CLI never ask which engine trained a model.
 */
public interface Model {
    /** {@return how many numbers a point has} */
    int inputs();

    /** {@return how many numbers the model gives for a point: one, or one per class} */
    int outputs();

    /** {@return how the engine stores the numbers: float64 unless a tensor model was built in float32} */
    default DType dtype() {
        return DType.FLOAT64;
    }

    /** {@return the architecture and the current weights, as plain numbers} */
    Network network();

    /** {@return the numbers training adjusts, as an optimizer updates them} */
    Parameters trainable();

    /**
     * The outputs for one point, computed without a graph.
     *
     * @param x one number per input
     * @return the outputs
     */
    double[] predict(double... x);

    /**
     * The outputs for every point of {@code batch}, without a graph: row-major, {@code batch.size()}
     * rows of {@link #outputs()} numbers. By default {@link #predict} point by point; an engine that
     * runs a whole batch at once overrides it, with the same bits.
     *
     * @param batch the points
     * @return the outputs, row-major
     */
    default double[] outputs(Batch batch) {
        int k = outputs();
        double[] out = new double[batch.size() * k];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(predict(batch.point(i)), 0, out, i * k, k);
        }
        return out;
    }

    /**
     * One training step's way down and back: the forward pass over {@code batch}, the mean of
     * {@code loss} over it plus {@code penalty} as this engine's graph, and backward through it, which
     * adds every parameter's gradient into {@link #trainable()}. Returns the loss; the weights are
     * left for an optimizer to move.
     *
     * @param batch the points and their labels (or, for regression, targets)
     * @param loss how outputs and labels become the loss
     * @param penalty the weight penalty added to it
     * @return the batch's loss, penalty included, before any update
     */
    double forwardBackward(Batch batch, Loss loss, Penalty penalty);

    /**
     * The model's decision at (x, y) as pictures draw it: the loss's {@link Loss#margin margin} of
     * the outputs, positive for class 1, read from the weights at the moment of each call.
     *
     * @param loss the loss the model was trained with, which reads its outputs
     * @return the scorer
     * @throws IllegalStateException for a model that does not take 2 inputs
     */
    default Scorer scorer(Loss loss) {
        if (inputs() != 2) {
            throw new IllegalStateException("a scorer needs a model of 2 inputs; this one takes " + inputs());
        }
        return (x, y) -> loss.margin(predict(x, y));
    }
}
