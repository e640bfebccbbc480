package dev.jgrad.cli;

/** Range checks of numeric options, with messages in the user's terms: the option and the number as typed. */
final class Check {
    private Check() {
    }

    static void atLeast(String option, double v, double lo) {
        if (!(v >= lo) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(option + " must be ≥ " + shown(lo) + ", got " + shown(v));
        }
    }

    static void above(String option, double v, double lo) {
        if (!(v > lo) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(option + " must be > " + shown(lo) + ", got " + shown(v));
        }
    }

    /** {@code v} in [lo, hi). */
    static void in(String option, double v, double lo, double hi) {
        if (!(v >= lo && v < hi)) {
            throw new IllegalArgumentException(option + " must be in [" + shown(lo) + ", " + shown(hi) + "), got " + shown(v));
        }
    }

    /** 1 rather than 1.0: the number as the user would have typed it. */
    static String shown(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
