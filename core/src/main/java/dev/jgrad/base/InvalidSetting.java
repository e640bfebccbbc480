package dev.jgrad.base;

/**
 * A setting a user gave that cannot be used, named as users name it: the message reads
 * "{@code epochs must be ≥ 1, got 0}", so a front end can put its own spelling before it (the CLI's
 * {@code --epochs}, a page's label) and the user reads the problem in the terms they typed.
 */
public final class InvalidSetting extends IllegalArgumentException {
    /** Serialisable as every exception; the form is this class's first. */
    private static final long serialVersionUID = 1L;

    /** The setting's name, kept apart from the message so a front end can respell it. */
    private final String setting;

    /**
     * The message "{@code setting problem}".
     *
     * @param setting the setting's name as users know it, e.g. "epochs"
     * @param problem what is wrong with its value, e.g. "must be ≥ 1, got 0"
     */
    public InvalidSetting(String setting, String problem) {
        super(setting + " " + problem);
        this.setting = setting;
    }

    /** {@return the setting's name, e.g. "epochs"} */
    public String setting() {
        return setting;
    }

    /**
     * Checks a lower bound that the value may reach.
     *
     * @param setting the name the message gives
     * @param v the value given
     * @param lo the least value allowed
     * @return {@code v}, if {@code v ≥ lo} and finite
     * @throws InvalidSetting otherwise, naming the setting, the bound and the value
     */
    public static double atLeast(String setting, double v, double lo) {
        if (!(v >= lo) || Double.isInfinite(v)) {
            throw new InvalidSetting(setting, "must be ≥ " + shown(lo) + ", got " + shown(v));
        }
        return v;
    }

    /**
     * Checks a lower bound that the value must pass.
     *
     * @param setting the name the message gives
     * @param v the value given
     * @param lo the value that must be exceeded
     * @return {@code v}, if {@code v > lo} and finite
     * @throws InvalidSetting otherwise, naming the setting, the bound and the value
     */
    public static double above(String setting, double v, double lo) {
        if (!(v > lo) || Double.isInfinite(v)) {
            throw new InvalidSetting(setting, "must be > " + shown(lo) + ", got " + shown(v));
        }
        return v;
    }

    /**
     * Checks a half-open range.
     *
     * @param setting the name the message gives
     * @param v the value given
     * @param lo the least value allowed
     * @param hi the first value refused above
     * @return {@code v}, if it is in [lo, hi)
     * @throws InvalidSetting otherwise (NaN included), naming the setting, the range and the value
     */
    public static double in(String setting, double v, double lo, double hi) {
        if (!(v >= lo && v < hi)) {
            throw new InvalidSetting(setting, "must be in [" + shown(lo) + ", " + shown(hi) + "), got " + shown(v));
        }
        return v;
    }

    /**
     * {@return {@code v} as the user would have typed it: 1 rather than 1.0 for a whole number below 10¹⁵}
     *
     * @param v any double; NaN and the infinities as {@link Double#toString(double)} spells them
     */
    public static String shown(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
