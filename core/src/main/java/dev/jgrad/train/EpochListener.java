package dev.jgrad.train;

/**
 * Called by the {@link Trainer} after every epoch, on the training thread, with that epoch's
 * metrics. The model holds the weights of that moment during the call, so a listener may score or
 * save it (the pictures snapshot decision boundaries this way; the CLI prints progress). A listener
 * that throws stops the training with its exception.
 */
@FunctionalInterface
public interface EpochListener {
    /**
     * Called once an epoch is measured.
     *
     * @param metrics the epoch's figures
     */
    void epochEnded(EpochMetrics metrics);
}
