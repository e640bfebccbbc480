package dev.jgrad.data;

import dev.jgrad.base.InvalidSetting;
import dev.jgrad.base.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits that keep each class's share: a held-out test set ({@link #holdOut}) and the folds of
 * cross-validation ({@link #folds}). Each draws one permutation from the passed generator, so a
 * seed fixes the split; the points of a class are then taken in that random order. Regression data
 * has no classes: its points are one group, so its splits are plain random ones.
 *
 * <pre>{@code
 * Dataset.Split s = Stratified.holdOut(data, 0.25, new Rng(42));   // s.validation() is the test set
 * List<Dataset.Split> folds = Stratified.folds(data, 5, new Rng(42));
 * }</pre>
 */
public final class Stratified {
    private Stratified() {
    }

    /**
     * Holds out {@code fraction} of the points (in (0, 1)) as a set named "test", each class in
     * proportion: a class of n points gives ⌊n·fraction⌋, and the points left to reach the rounded
     * total go to the classes with the largest remainders (the first class on a tie), never a
     * class's last point, which stays to train on. The rest, in the permutation's order, is the
     * training set.
     *
     * @param data classification data
     * @param fraction the share held out, in (0, 1)
     * @param random the generator the permutation draws from
     * @return the training set and the test set, with their indices
     */
    public static Dataset.Split holdOut(Dataset data, double fraction, Rng random) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new InvalidSetting("test-split", "must be in (0, 1), got " + InvalidSetting.shown(fraction));
        }
        int[] order = Shuffle.permutation(data.size(), random);
        int[] quota = quotas(counts(data), fraction, (int) Math.round(data.size() * fraction));
        int held = Arrays.stream(quota).sum();
        if (held == 0) {
            throw new InvalidSetting("test-split", InvalidSetting.shown(fraction) + " of " + data.size()
                    + " points holds out none to test on; raise it or use more points");
        }
        int[] test = new int[held];
        int[] train = new int[data.size() - held];
        int t = 0;
        int k = 0;
        for (int i : order) {
            int g = group(data, i);
            if (quota[g] > 0) {
                quota[g]--;
                test[t++] = i;
            } else {
                train[k++] = i;
            }
        }
        return data.split(train, test, "test");
    }

    /**
     * {@code k} folds (2 ≤ k ≤ the points): split i holds out fold i ("fold i+1") and trains on
     * the rest, in the permutation's order. The points are dealt to the folds in turn, class by
     * class, each class in the permutation's order: every fold gets n/k points (give or take
     * one), and every class's count differs by at most one between folds.
     *
     * @param data classification data
     * @param k how many folds
     * @param random the generator the permutation draws from
     * @return k splits, fold i held out in split i
     */
    public static List<Dataset.Split> folds(Dataset data, int k, Rng random) {
        InvalidSetting.atLeast("folds", k, 2);
        if (k > data.size()) {
            throw new InvalidSetting("folds", k + " is more than the " + data.size() + " points: a fold would be empty");
        }
        int[] order = Shuffle.permutation(data.size(), random);
        int[] fold = new int[data.size()];
        int dealt = 0;
        for (int g = 0; g < groups(data); g++) {
            for (int i : order) {
                if (group(data, i) == g) {
                    fold[i] = dealt++ % k;
                }
            }
        }
        List<Dataset.Split> splits = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            int fi = f;
            int[] test = Arrays.stream(order).filter(i -> fold[i] == fi).toArray();
            int[] train = Arrays.stream(order).filter(i -> fold[i] != fi).toArray();
            splits.add(data.split(train, test, "fold " + (f + 1)));
        }
        return splits;
    }

    /** Per class (for regression, one group) ⌊n·fraction⌋, then one more to the largest remainders up to {@code total}. */
    static int[] quotas(int[] counts, double fraction, int total) {
        int[] quota = new int[counts.length];
        double[] remainder = new double[counts.length];
        int sum = 0;
        for (int c = 0; c < counts.length; c++) {
            double share = counts[c] * fraction;
            quota[c] = Math.min((int) Math.floor(share), Math.max(counts[c] - 1, 0));
            remainder[c] = share - quota[c];
            sum += quota[c];
        }
        while (sum < total) {
            int best = -1;
            for (int c = 0; c < counts.length; c++) {
                if (quota[c] < counts[c] - 1 && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            if (best < 0) {
                break;
            }
            quota[best]++;
            remainder[best] -= 1;
            sum++;
        }
        return quota;
    }

    private static int[] counts(Dataset data) {
        int[] counts = new int[groups(data)];
        for (int i = 0; i < data.size(); i++) {
            counts[group(data, i)]++;
        }
        return counts;
    }

    private static int groups(Dataset data) {
        return data.targets() == null ? data.classes() : 1;
    }

    /** Point i's class, or 0 for every regression point (whose labels are all 0). */
    private static int group(Dataset data, int i) {
        return data.labels()[i];
    }
}
