package dev.jgrad.train;

import dev.jgrad.base.InvalidSetting;
import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Stratified;
import dev.jgrad.data.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * k-fold cross-validation of a {@link TrainingConfig}: the data dealt into k stratified folds
 * ({@link Stratified#folds}); each fold in turn is the test set of a run trained (with the
 * config's own validation split) on the others; with repeats, the whole again on new folds. The
 * score is the test accuracy, or R² for regression. Every draw comes from the passed generator in
 * a fixed order — per repeat the folds, then per fold its run's draws ({@link Training#start}) — so
 * a seed gives the same folds and scores, bit for bit.
 *
 * <pre>{@code
 * CrossValidation cv = CrossValidation.run(config, data, 5, 1, new Rng(42), fold -> {});
 * System.out.println(cv.mean() + " ± " + cv.std());
 * }</pre>
 *
 * @param folds every fold's result, repeat by repeat, fold by fold
 */
public record CrossValidation(Task task, List<Fold> folds) {

    /**
     * Copies the folds.
     *
     * @param task classification or regression
     * @param folds every fold of every repeat, in order
     */
    public CrossValidation {
        folds = List.copyOf(folds);
    }

    /**
     * One fold's run, measured on the fold.
     *
     * @param repeat from 1
     * @param fold from 1
     * @param trainPoints the points the run trained on (the other folds, less its validation split)
     * @param test the trained model measured on the fold
     */
    public record Fold(int repeat, int fold, int trainPoints, Measurement test) {

        /** {@return the fold's score: accuracy, or R² for regression} */
        public double score() {
            return test.regression() == null ? test.accuracy() : test.regression().r2();
        }
    }

    /**
     * Trains {@code config} {@code folds × repeats} times on {@code data}, handing each fold's
     * result to {@code each} as it is measured (for progress).
     *
     * @param config the run to repeat
     * @param data all the points
     * @param folds how many folds, 2 … the points
     * @param repeats how many times the folds are drawn anew, ≥ 1
     * @param random the generator every fold's draws come from
     * @param each called with each fold as it is measured
     * @return every fold's measurement
     */
    public static CrossValidation run(TrainingConfig config, Dataset data, int folds, int repeats, Rng random,
            Consumer<Fold> each) {
        InvalidSetting.atLeast("repeats", repeats, 1);
        List<Fold> results = new ArrayList<>();
        for (int r = 1; r <= repeats; r++) {
            List<Dataset.Split> splits = Stratified.folds(data, folds, random.split());
            for (int f = 0; f < splits.size(); f++) {
                Dataset.Split split = splits.get(f);
                Training run = Training.start(config, split.train(), random.split());
                run.fit();
                Fold fold = new Fold(r, f + 1, run.train().size(),
                        run.measure(split.validation().name(), run.scaled(split.validation())));
                each.accept(fold);
                results.add(fold);
            }
        }
        return new CrossValidation(config.task(), results);
    }

    /** {@return what the score is: "accuracy", or "R²" for regression} */
    public String metric() {
        return task == Task.REGRESSION ? "R²" : "accuracy";
    }

    /** {@return every fold's score, in order} */
    public double[] scores() {
        return folds.stream().mapToDouble(Fold::score).toArray();
    }

    /** {@return the mean score over every fold of every repeat} */
    public double mean() {
        double sum = 0;
        for (double s : scores()) {
            sum += s;
        }
        return sum / folds.size();
    }

    /**
     * The scores' standard deviation around {@link #mean}, over n (NumPy's {@code std}, as scikit-learn users print it).
     *
     * @return the standard deviation
     */
    public double std() {
        double mean = mean();
        double sum = 0;
        for (double s : scores()) {
            sum += (s - mean) * (s - mean);
        }
        return Math.sqrt(sum / folds.size());
    }
}
