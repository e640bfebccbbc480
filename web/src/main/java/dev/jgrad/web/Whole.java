package dev.jgrad.web;

import dev.jgrad.base.InvalidSetting;

/** A number the page passes where a whole number belongs: JavaScript passes any number, NaN included. */
final class Whole {
    private Whole() {
    }

    /** {@code v} as an int if it is a whole number in [lo, hi], else an error naming {@code what}. */
    static int of(String what, double v, int lo, int hi) {
        if (!(v >= lo && v <= hi && v == Math.rint(v))) {
            throw new IllegalArgumentException(what + " must be a whole number from " + lo + " to " + hi + ", got " + InvalidSetting.shown(v));
        }
        return (int) v;
    }
}
