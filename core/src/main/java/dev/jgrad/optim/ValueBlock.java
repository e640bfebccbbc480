package dev.jgrad.optim;

import dev.jgrad.engine.Value;

/** Scalar values as one block: the loops run over an array, not one call per value. */
final class ValueBlock implements Parameters {
    private final Value[] values;

    ValueBlock(Value[] values) {
        this.values = values;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public void readData(double[] to, int at) {
        for (int i = 0; i < values.length; i++) {
            to[at + i] = values[i].data();
        }
    }

    @Override
    public void readGrad(double[] to, int at) {
        for (int i = 0; i < values.length; i++) {
            to[at + i] = values[i].grad();
        }
    }

    @Override
    public void writeData(double[] from, int at) {
        for (int i = 0; i < values.length; i++) {
            values[i].setData(from[at + i]);
        }
    }

    @Override
    public void zeroGrad() {
        for (Value v : values) {
            v.zeroGrad();
        }
    }
}
