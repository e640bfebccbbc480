package dev.jgrad.train;

/**
 * An epoch's training figures gathered from its updates, as PyTorch users report them: the mean of
 * the batch losses (each computed before its update, weighted by the batch's size) and the share
 * of points classified right by the outputs those losses came from. It costs nothing beyond the
 * updates, where measuring the whole training set after the epoch costs another pass over it.
 */
final class Running {
    private double losses;
    private int points;
    private int correct;
    private double[] outputs = new double[0];

    /** An array for a batch's outputs, kept from step to step. */
    double[] outputs(int length) {
        if (outputs.length != length) {
            outputs = new double[length];
        }
        return outputs;
    }

    void add(double batchLoss, int batchSize, int batchCorrect) {
        losses += batchLoss * batchSize;
        points += batchSize;
        correct += batchCorrect;
    }

    /** The mean of the batch losses over the points seen since the last {@link #reset}. */
    double loss() {
        return losses / points;
    }

    double accuracy() {
        return (double) correct / points;
    }

    void reset() {
        losses = 0;
        points = 0;
        correct = 0;
    }
}
