package dev.jgrad.engine;

/**
 * A scope in which new values record no inputs and no backward rule: results are constants. For
 * work that needs numbers, not gradients, such as scoring a grid of points for a picture:
 * <pre>{@code
 * try (NoGrad scope = NoGrad.enter()) {
 *     double s = model.score(x, y).data();
 * }
 * }</pre>
 * Scopes nest and belong to the thread that opened them.
 */
public final class NoGrad implements AutoCloseable {
    private final Runnable exit;

    private NoGrad(Runnable exit) {
        this.exit = exit;
    }

    /**
     * Opens a no-grad scope on this thread; close it (try-with-resources) to leave.
     *
     * @return the open scope
     */
    public static NoGrad enter() {
        return new NoGrad(GradMode.enterNoGrad());
    }

    /** {@return whether new values on this thread record their graph (false inside a scope)} */
    public static boolean isRecording() {
        return GradMode.recording();
    }

    @Override
    public void close() {
        exit.run();
    }
}
