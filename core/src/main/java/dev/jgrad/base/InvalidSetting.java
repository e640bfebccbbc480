package dev.jgrad.base;

/**
 * A setting a user gave that cannot be used, named as users name it: the message reads
 * "{@code epochs must be ≥ 1, got 0}", so a front end can put its own spelling before it (the CLI's
 * {@code --epochs}, a page's label) and the user reads the problem in the terms they typed.
 */
public final class InvalidSetting extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String setting;

    public InvalidSetting(String setting, String problem) {
        super(setting + " " + problem);
        this.setting = setting;
    }

    /** The setting's name, e.g. "epochs". */
    public String setting() {
        return setting;
    }

    /** {@code setting} if {@code v ≥ lo} and finite, else an InvalidSetting naming it. */
    public static double atLeast(String setting, double v, double lo) {
        if (!(v >= lo) || Double.isInfinite(v)) {
            throw new InvalidSetting(setting, "must be ≥ " + shown(lo) + ", got " + shown(v));
        }
        return v;
    }

    /** {@code v} if {@code v > lo} and finite. */
    public static double above(String setting, double v, double lo) {
        if (!(v > lo) || Double.isInfinite(v)) {
            throw new InvalidSetting(setting, "must be > " + shown(lo) + ", got " + shown(v));
        }
        return v;
    }

    /** {@code v} if it is in [lo, hi). */
    public static double in(String setting, double v, double lo, double hi) {
        if (!(v >= lo && v < hi)) {
            throw new InvalidSetting(setting, "must be in [" + shown(lo) + ", " + shown(hi) + "), got " + shown(v));
        }
        return v;
    }

    /** 1 rather than 1.0: the number as the user would have typed it. */
    public static String shown(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
