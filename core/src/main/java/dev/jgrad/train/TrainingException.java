package dev.jgrad.train;

/** Training could not go on: the loss stopped being a finite number. The message names where. */
public final class TrainingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Training stopped.
     *
     * @param message one line naming the epoch and step
     */
    public TrainingException(String message) {
        super(message);
    }
}
