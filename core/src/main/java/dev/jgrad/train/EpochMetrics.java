package dev.jgrad.train;

/**
 * What one epoch achieved, measured after its last update: the mean loss and the accuracy over the
 * whole training set and over the validation set (NaN when there is none). Epochs count from 1. A
 * regression run has no accuracy (NaN) but MSE, MAE and R² in the target's units.
 *
 * @param trainFit the regression figures on the training set, null for a classifier
 * @param valFit the regression figures on the validation set, null for a classifier or without one
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
        Regression trainFit, Regression valFit) {

    /**
     * A classifier's epoch.
     *
     * @param epoch the epoch, from 1
     * @param trainLoss the mean training loss, penalty included
     * @param trainAccuracy the training accuracy, in [0, 1]
     * @param valLoss the validation loss, NaN without validation
     * @param valAccuracy the validation accuracy, NaN without validation
     */
    public EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy) {
        this(epoch, trainLoss, trainAccuracy, valLoss, valAccuracy, null, null);
    }

    /** {@return whether a validation set was measured} */
    public boolean hasValidation() {
        return !Double.isNaN(valLoss);
    }

    /** {@return whether the run is a regression (its accuracy is NaN, its fit given)} */
    public boolean isRegression() {
        return trainFit != null;
    }
}
