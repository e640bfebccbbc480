package dev.jgrad.data;

import dev.jgrad.base.Choices;
import dev.jgrad.base.Named;
import java.util.List;

/**
 * How features are scaled before a network sees them. Fitted on the training points only
 * ({@link #fit}), so that validation and test points are scaled as new data would be, and saved
 * with the model, so that predictions are scaled the same way.
 */
public enum Scaling implements Named {
    /** (x − mean) / standard deviation (the population's, as scikit-learn's StandardScaler). */
    STANDARD,
    /** (x − min) / (max − min): the training points land in [0, 1]. */
    MINMAX,
    /** The features as they are. */
    NONE;

    /** Every scaling by the name used on the command line and in model files. */
    public static final Choices<Scaling> CHOICES = Choices.of("scale", List.of(values()));

    /**
     * This scaling's statistics of {@code train}'s points. A column whose training points are all
     * equal gets a scale of 1 (not a division by 0) and is listed in {@link Scaler#constant()}: it
     * carries no information, and becomes 0 after standard and min-max scaling.
     *
     * @param train the training points
     * @return the scaler
     */
    public Scaler fit(Dataset train) {
        return fit(train.points(), train.features(), false);
    }

    /**
     * This scaling's statistics of {@code train}'s regression targets, as a one-feature scaler: the
     * target is scaled as a feature would be, so that a network's output starts on the scale of its
     * initial weights (a constant target becomes 0, as a constant feature does).
     *
     * @param train the training data, with targets
     * @return a one-feature scaler
     */
    public Scaler fitTargets(Dataset train) {
        if (train.targets() == null) {
            throw new IllegalArgumentException(train.name() + " has classes, not regression targets");
        }
        double[][] column = new double[train.size()][];
        for (int i = 0; i < column.length; i++) {
            column[i] = new double[] {train.targets()[i]};
        }
        return fit(column, 1, true);
    }

    /**
     * The scaler of {@code points}' f features (of a regression target when {@code target}). Statistics that overflow when
     * values are near ±1.8e308 (a spread of Infinity) are a problem of the data, not of a setting: a {@link ScaleOverflow}.
     */
    private Scaler fit(double[][] points, int f, boolean target) {
        double[] shift = new double[f];
        double[] scale = new double[f];
        java.util.Arrays.fill(scale, 1);
        List<Integer> constant = new java.util.ArrayList<>();
        if (this == NONE || points.length == 0) {
            return new Scaler(this, shift, scale, constant);
        }
        columns(points, f, shift, scale, constant);
        int bad = Scaler.firstUnusable(shift, scale);
        if (bad >= 0) {
            String problem = Scaler.unusable(shift[bad], scale[bad]);
            throw target ? ScaleOverflow.target(problem) : ScaleOverflow.feature(bad, problem);
        }
        return new Scaler(this, shift, scale, constant);
    }

    /**
     * Every feature's shift and scale (or, constant in training, its value and 1, listed in constant), in passes
     * along the rows: each column's sums still add its points in their order, so the numbers are those of a pass
     * down each column, which read one number from each of 60,000 rows 784 times (Fashion-MNIST's command spent
     * about 1.4 s there; along the rows, a fifth of that).
     */
    private void columns(double[][] points, int f, double[] shift, double[] scale, List<Integer> constant) {
        double[] min = new double[f], max = new double[f], sum = new double[f];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double[] p : points) {
            for (int j = 0; j < f; j++) {
                min[j] = Math.min(min[j], p[j]);
                max[j] = Math.max(max[j], p[j]);
                sum[j] += p[j];
            }
        }
        double[] mean = new double[f], squares = new double[f];
        for (int j = 0; j < f; j++) {
            mean[j] = sum[j] / points.length;
        }
        if (this == STANDARD) {
            for (double[] p : points) {
                for (int j = 0; j < f; j++) {
                    squares[j] += (p[j] - mean[j]) * (p[j] - mean[j]);
                }
            }
        }
        for (int j = 0; j < f; j++) {
            if (min[j] == max[j]) {
                // tested by equality, not by a variance that rounding may leave just above 0
                constant.add(j);
                shift[j] = min[j];
            } else if (this == MINMAX) {
                shift[j] = min[j];
                scale[j] = max[j] - min[j];
            } else {
                shift[j] = mean[j];
                scale[j] = Math.sqrt(squares[j] / points.length);
            }
        }
    }

    @Override
    public String description() {
        return switch (this) {
            case STANDARD -> "(x − mean) / standard deviation of the training points";
            case MINMAX -> "(x − min) / (max − min) of the training points: into [0, 1]";
            case NONE -> "the features as they are";
        };
    }
}
