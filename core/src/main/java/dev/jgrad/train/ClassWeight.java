package dev.jgrad.train;

import dev.jgrad.base.Choices;
import dev.jgrad.base.Named;
import dev.jgrad.data.Dataset;
import java.util.List;

/**
 * How much each class's points weigh in a classifier's loss: each point's loss is multiplied by its
 * class's weight before the mean over the batch, in training and in the loss figures reported.
 */
public enum ClassWeight implements Named {
    /** Every point weighs 1. */
    NONE,
    /**
     * scikit-learn's {@code class_weight="balanced"}: n / (k · countᵢ) for class i, over the n training
     * points and the k classes among them, so that every class weighs as much in total and the
     * weights of all n points sum to n. A class without training points gets 0 (it has no loss to weigh).
     */
    BALANCED;

    /** Every choice by the name used on the command line and in model files. */
    public static final Choices<ClassWeight> CHOICES = Choices.of("class-weight", List.of(values()));

    /**
     * One weight per class of {@code train}'s, or null for {@link #NONE} (and for regression, which has no classes).
     *
     * @param train the training data
     * @return the weights, indexed by class, or null
     */
    public double[] weights(Dataset train) {
        if (this == NONE || train.targets() != null) {
            return null;
        }
        long[] counts = new long[train.classes()];
        for (int label : train.labels()) {
            counts[label]++;
        }
        int present = 0;
        for (long c : counts) {
            present += c > 0 ? 1 : 0;
        }
        double[] w = new double[counts.length];
        for (int c = 0; c < w.length; c++) {
            w[c] = counts[c] == 0 ? 0 : train.size() / ((double) present * counts[c]);
        }
        return w;
    }

    @Override
    public String description() {
        return this == NONE ? "every point weighs 1" : "n / (classes · count): each class weighs as much in total (scikit-learn's)";
    }
}
