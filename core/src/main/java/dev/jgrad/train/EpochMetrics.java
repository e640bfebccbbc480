package dev.jgrad.train;

/**
 * What one epoch achieved, measured after its last update: the mean loss and the accuracy over the
 * whole training set and over the validation set (NaN when there is none). Epochs count from 1.
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy) {

    /** Whether a validation set was measured. */
    public boolean hasValidation() {
        return !Double.isNaN(valAccuracy);
    }
}
