package dev.jgrad.data;

/**
 * A table cannot be used as it is: missing values where none may be, a category the model never
 * saw under a strict reading, text where a number belongs. The message is one line, naming the
 * columns and the first line of each problem.
 */
public final class TableException extends RuntimeException {
    /** Serialisable as every exception; the form is this class's first. */
    private static final long serialVersionUID = 1L;

    /**
     * A problem with a table.
     *
     * @param message one line naming the columns and the first line of each problem
     */
    public TableException(String message) {
        super(message);
    }
}
