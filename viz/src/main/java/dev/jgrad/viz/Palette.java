package dev.jgrad.viz;

import java.awt.Color;

/**
 * The diverging red–blue palette of the boundary pictures (ColorBrewer's RdBu ends): class 0 red,
 * class 1 blue, near-white at the boundary. Scores are cut into bands, as matplotlib's
 * {@code contourf} does, so equal-score lines show and an animation compresses well.
 */
final class Palette {
    static final Color CLASS0 = new Color(0xb2182b);
    static final Color CLASS1 = new Color(0x2166ac);
    static final Color CENTRE = new Color(0xf7f7f7);
    /** Bands on each side of 0. */
    static final int BANDS = 6;
    /** How far toward the class colour the outermost band goes: lighter than the points drawn on top. */
    private static final double DEPTH = 0.78;

    private static final int[] NEGATIVE = bands(CLASS0);
    private static final int[] POSITIVE = bands(CLASS1);

    /**
     * Okabe and Ito's colour-blind-safe qualitative palette (black left out: it is the ink), for
     * more than two classes.
     */
    private static final int[] CATEGORIES = {0xe69f00, 0x0072b2, 0x009e73, 0xcc79a7, 0x56b4e9, 0xd55e00, 0xf0e442};

    private Palette() {
    }

    /** The RGB of a score already scaled to [−1, 1] (values beyond are clamped). */
    static int rgb(double t) {
        if (Double.isNaN(t)) {
            return 0x808080;
        }
        double a = Math.min(1, Math.abs(t));
        int band = Math.min(BANDS - 1, (int) (a * BANDS));
        return t < 0 ? NEGATIVE[band] : POSITIVE[band];
    }

    /** Class c's colour among many (repeating after seven). */
    static Color category(int c) {
        return new Color(CATEGORIES[c % CATEGORIES.length]);
    }

    /** The light tint of class c's colour that fills its region, so its points show on it. */
    static int region(int c) {
        return mix(Color.WHITE, category(c), 0.35).getRGB() & 0xffffff;
    }

    private static int[] bands(Color end) {
        int[] out = new int[BANDS];
        for (int i = 0; i < BANDS; i++) {
            double f = DEPTH * (i + 0.5) / BANDS;
            out[i] = mix(CENTRE, end, f).getRGB() & 0xffffff;
        }
        return out;
    }

    static Color mix(Color a, Color b, double f) {
        return new Color(
                (int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
}
