package dev.jgrad.data;

/**
 * Training values whose statistics overflow (values near ±1.8e308: a spread of Infinity), so that they cannot be
 * scaled: a problem of the data, not of a setting. The message names the feature by its number, as a library caller
 * knows it; {@link #named} names it as the user who gave the columns does.
 */
public final class ScaleOverflow extends ArithmeticException {
    private static final long serialVersionUID = 1;
    private static final String HINT = " (values too large to scale: divide them by a power of ten)";

    /** The feature, from 0, or -1 for a regression target. */
    private final int feature;
    /** What is wrong with its statistics, after its name. */
    private final String problem;

    private ScaleOverflow(String message, int feature, String problem) {
        super(message);
        this.feature = feature;
        this.problem = problem;
    }

    /** Feature {@code j}'s statistics, {@code problem} as {@link Scaler} words it after the feature's name. */
    static ScaleOverflow feature(int j, String problem) {
        return new ScaleOverflow("feature " + (j + 1) + problem + HINT, j, problem);
    }

    /** The regression target's statistics (a one-feature scaler's feature 1). */
    static ScaleOverflow target(String problem) {
        return new ScaleOverflow("the regression target: feature 1" + problem + HINT, -1, problem);
    }

    /**
     * {@return the feature, from 0, or -1 for the regression target}
     */
    public int feature() {
        return feature;
    }

    /**
     * The same problem with the feature named {@code name} (a column's name, say), or this one for a regression target.
     *
     * @param name what the feature is called where the user gave it
     * @return the exception naming it
     */
    public ScaleOverflow named(String name) {
        return feature < 0 ? this : new ScaleOverflow(name + problem + HINT, feature, problem);
    }
}
