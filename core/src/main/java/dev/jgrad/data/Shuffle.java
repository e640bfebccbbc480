package dev.jgrad.data;

import dev.jgrad.base.Rng;

/** Fisher–Yates shuffles drawn from a passed generator, so that a seed fixes the order. */
public final class Shuffle {
    private Shuffle() {
    }

    /**
     * 0 … n − 1 in a random order.
     *
     * @param n how many indices
     * @param random the generator the shuffle draws from
     * @return the permutation
     */
    public static int[] permutation(int n, Rng random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, random);
        return order;
    }

    /**
     * Shuffles {@code a} in place.
     *
     * @param a the array, reordered
     * @param random the generator the Fisher–Yates draws come from
     */
    public static void shuffle(int[] a, Rng random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
