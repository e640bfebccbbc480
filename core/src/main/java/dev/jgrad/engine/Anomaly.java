package dev.jgrad.engine;

/**
 * A scope in which the first operation, forward or backward, that produces NaN or ±infinity throws
 * an {@link ArithmeticException} naming the operation and its inputs' labels and values, instead of
 * letting the NaN spread silently into every weight:
 * <pre>{@code
 * try (Anomaly scope = Anomaly.detect()) {
 *     loss.backward();
 * }
 * }</pre>
 * Outside such a scope arithmetic follows IEEE 754, as PyTorch does: log(0) = −∞, log(−1) = NaN.
 */
public final class Anomaly implements AutoCloseable {
    private final Runnable exit;

    private Anomaly(Runnable exit) {
        this.exit = exit;
    }

    /**
     * Opens an anomaly-detecting scope on this thread; close it to leave.
     *
     * @return the open scope
     */
    public static Anomaly detect() {
        return new Anomaly(GradMode.enterAnomaly());
    }

    /** {@return whether an anomaly scope is open on this thread (the tensor engine checks under the same scope)} */
    public static boolean isActive() {
        return GradMode.anomalyScope();
    }

    @Override
    public void close() {
        exit.run();
    }
}
