package dev.jgrad.data;

/**
 * A table cannot be used as it is: missing values where none may be, a category the model never
 * saw under a strict reading, text where a number belongs. The message is one line, naming the
 * columns and the first line of each problem.
 */
public final class TableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TableException(String message) {
        super(message);
    }
}
