package dev.jgrad.cli;

/** How a count reads in a message: "1 point", "2 points". */
final class Words {
    private Words() {
    }

    /** {@code n} and {@code noun}, plural (a trailing s) unless n is 1. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
