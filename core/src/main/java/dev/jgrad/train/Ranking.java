package dev.jgrad.train;

import java.util.Arrays;

/**
 * How well a binary classifier's scores rank the points of class 1 above those of class 0, at every
 * threshold at once: the area under the ROC curve and the average precision, as scikit-learn's
 * {@code roc_auc_score} and {@code average_precision_score} compute them. Any score that rises
 * with the probability of class 1 gives the same figures (a logit, a margin, the probability).
 *
 * @param rocAuc the probability that a random point of class 1 scores above a random point of
 *     class 0, a tie counting half (the trapezoidal area under the ROC curve); NaN without points of both classes
 * @param averagePrecision Σ (Rₖ − Rₖ₋₁)·Pₖ over the distinct scores, highest first, with the
 *     precision Pₖ and recall Rₖ of calling every point scoring at least the k-th score class 1
 *     (no interpolation); NaN without points of both classes
 */
public record Ranking(double rocAuc, double averagePrecision) {

    /**
     * The figures of {@code scores[i]} for points of class {@code truth[i]} (0 or 1).
     *
     * @param truth each point's class, 0 or 1
     * @param scores each point's score, higher for class 1
     * @return ROC AUC and average precision
     */
    public static Ranking of(int[] truth, double[] scores) {
        if (truth.length != scores.length) {
            throw new IllegalArgumentException(truth.length + " true classes but " + scores.length + " scores");
        }
        int[] order = byScoreDescending(scores);
        long positives = Arrays.stream(truth).filter(t -> t == 1).count();
        long negatives = truth.length - positives;
        if (positives == 0 || negatives == 0) {
            return new Ranking(Double.NaN, Double.NaN);
        }
        double area = 0;
        double precisionSum = 0;
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < order.length;) {
            long tp0 = tp;
            long fp0 = fp;
            // every point of one score crosses the threshold together
            double s = scores[order[i]];
            for (; i < order.length && scores[order[i]] == s; i++) {
                if (truth[order[i]] == 1) {
                    tp++;
                } else {
                    fp++;
                }
            }
            area += (fp - fp0) * (double) (tp + tp0) / 2;
            precisionSum += (tp - tp0) * ((double) tp / (tp + fp));
        }
        return new Ranking(area / ((double) positives * negatives), precisionSum / positives);
    }

    /** The indices of {@code scores}, highest score first; NaN scores are refused. */
    private static int[] byScoreDescending(double[] scores) {
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
        }
        return java.util.stream.IntStream.range(0, scores.length).boxed()
                .sorted((a, b) -> Double.compare(scores[b], scores[a])).mapToInt(Integer::intValue).toArray();
    }
}
