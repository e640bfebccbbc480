package dev.jgrad.loss;

import dev.jgrad.tensor.Tensor;
import java.util.function.IntToDoubleFunction;

/** Constants and composites the tensor versions of the losses share. */
final class TensorLosses {
    private TensorLosses() {
    }

    /** One number per label, as an n × 1 column. */
    static Tensor column(int[] labels, IntToDoubleFunction f) {
        double[] d = new double[labels.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = f.applyAsDouble(labels[i]);
        }
        return Tensor.of(d, d.length, 1);
    }

    /** The 0/1 targets of squared error: the label itself for one output, one-hot rows for more. */
    static Tensor targets(int outputs, int[] labels) {
        if (outputs == 1) {
            return column(labels, y -> y);
        }
        double[] d = new double[labels.length * outputs];
        for (int i = 0; i < labels.length; i++) {
            d[i * outputs + labels[i]] = 1;
        }
        return Tensor.of(d, labels.length, outputs);
    }

    /**
     * log(1 + eᵘ) as u·m + log(1 + e^(u − 2u·m)) with the constant mask m = [u > 0]: the scalar
     * engine's branch by sign, entry by entry, so e^x never sees a positive x and the gradient at 0
     * is exactly ½.
     */
    static Tensor softplus(Tensor u) {
        double[] mask = u.data();
        for (int i = 0; i < mask.length; i++) {
            mask[i] = mask[i] > 0 ? 1 : 0;
        }
        Tensor positive = u.mul(Tensor.of(mask, u.shape()));
        return positive.add(u.sub(positive.mul(2)).exp().add(1).log());
    }
}
