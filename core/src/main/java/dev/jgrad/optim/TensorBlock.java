package dev.jgrad.optim;

import dev.jgrad.tensor.Tensor;

/** Tensors as one block: each is copied with one arraycopy, so a step costs what the update costs. */
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

    @Override
    public void zeroGrad() {
        for (Tensor t : tensors) {
            t.zeroGrad();
        }
    }
}
