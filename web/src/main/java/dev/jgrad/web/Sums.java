package dev.jgrad.web;

/**
 * The landscape's innermost loops over flat arrays: sums in the order every kernel adds, and array reads and writes
 * checked before the access. The hot loops are small methods of their own: TeaVM's checked array reads are calls, which
 * V8 inlines only within a budget per function that a large loop body exhausts.
 */
final class Sums {
    private Sums() {
    }

    /** s + Σ wᵢxᵢ over i in [lo, hi), in order: every kernel's order, so a sum split at lo is the same bits. */
    static double sum(double[] wl, int row, double[] x, int xi, int lo, int hi, double s) {
        for (int i = lo; i < hi; i++) {
            s += wl[row + i] * x[xi + i];
        }
        return s;
    }

    /** s + t[at + lo] + … + t[at + hi − 1], in order. */
    static double adds(double[] t, int at, int lo, int hi, double s) {
        for (int i = at + lo; i < at + hi; i++) {
            s += t[i];
        }
        return s;
    }

    /**
     * a[i], for an index the caller knows is inside a, and {@link #put}: the test before the access lets TeaVM leave
     * out its own bound check, a call to one function shared by every array access of the page, where V8 reads the
     * length of every kind of array through one slow generic load (a third of a surface's time, profiled in Node). An
     * index past the end still throws, as on the JVM, and TeaVM still checks for a negative one.
     */
    static double read(double[] a, int i) {
        if (i >= a.length) {
            throw new ArrayIndexOutOfBoundsException(i);
        }
        return a[i];
    }

    static void put(double[] a, int i, double v) {
        if (i >= a.length) {
            throw new ArrayIndexOutOfBoundsException(i);
        }
        a[i] = v;
    }
}
