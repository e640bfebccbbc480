package dev.jgrad.optim;

import java.util.List;

/** Blocks laid end to end. */
final class Concat implements Parameters {
    private final List<Parameters> blocks;
    private final int size;

    Concat(List<Parameters> blocks) {
        this.blocks = blocks;
        this.size = blocks.stream().mapToInt(Parameters::size).sum();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void readData(double[] to, int at) {
        for (Parameters b : blocks) {
            b.readData(to, at);
            at += b.size();
        }
    }

    @Override
    public void readGrad(double[] to, int at) {
        for (Parameters b : blocks) {
            b.readGrad(to, at);
            at += b.size();
        }
    }

    @Override
    public void writeData(double[] from, int at) {
        for (Parameters b : blocks) {
            b.writeData(from, at);
            at += b.size();
        }
    }

    @Override
    public void zeroGrad() {
        for (Parameters b : blocks) {
            b.zeroGrad();
        }
    }
}
