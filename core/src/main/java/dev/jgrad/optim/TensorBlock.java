package dev.jgrad.optim;

import dev.jgrad.tensor.InPlace;
import dev.jgrad.tensor.Tensor;

/**
 * Tensors as one block: each is copied with one arraycopy when an optimizer gathers, and jgrad's own
 * rules update each in place ({@link #update}).
 */
final class TensorBlock implements Parameters {
    private final Tensor[] tensors;
    private final int size;

    TensorBlock(Tensor[] tensors) {
        this.tensors = tensors;
        int n = 0;
        for (Tensor t : tensors) {
            n += t.size();
        }
        this.size = n;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void readData(double[] to, int at) {
        for (Tensor t : tensors) {
            t.copyData(to, at);
            at += t.size();
        }
    }

    @Override
    public void readGrad(double[] to, int at) {
        for (Tensor t : tensors) {
            t.copyGrad(to, at);
            at += t.size();
        }
    }

    @Override
    public void writeData(double[] from, int at) {
        for (Tensor t : tensors) {
            t.setData(from, at);
            at += t.size();
        }
    }

    /** Runs {@code rule} over each tensor's own arrays, in order. */
    void update(InPlace rule) {
        int at = 0;
        for (Tensor t : tensors) {
            rule.applyTo(t, at);
            at += t.size();
        }
    }

    @Override
    public void zeroGrad() {
        for (Tensor t : tensors) {
            t.zeroGrad();
        }
    }
}
