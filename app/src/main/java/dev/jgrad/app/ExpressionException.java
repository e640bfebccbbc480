package dev.jgrad.app;

/** A bad expression, or a variable without a value; the message is one line a user can act on. */
public final class ExpressionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int column;

    ExpressionException(String message, int column) {
        super(column > 0 ? "column " + column + ": " + message : message);
        this.column = column;
    }

    /** The 1-based column the problem was found at, or 0 when it is not about a place in the text. */
    public int column() {
        return column;
    }
}
