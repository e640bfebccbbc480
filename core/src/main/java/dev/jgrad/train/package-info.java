/**
 * The training loop: epochs of per-sample, mini-batch or full-batch updates with seeded shuffling,
 * per-epoch metrics, listeners and early stopping; one checked configuration of a whole run; and
 * the measurements of a trained model.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.train.TrainingConfig} and {@link dev.jgrad.train.Training} (a run, set
 *     up from a config), {@link dev.jgrad.train.Trainer}, {@link dev.jgrad.train.Learner},
 *     {@link dev.jgrad.train.EpochMetrics}, and {@link dev.jgrad.train.Measurement} with its
 *     {@link dev.jgrad.train.Classification} (scikit-learn's classification_report figures) or, for a
 *     regression, its {@link dev.jgrad.train.Regression} (MSE, MAE and R² in the target's units).</li>
 *   <li><b>Start with</b> {@link dev.jgrad.train.Training#start}: a config and a dataset in, a model out;
 *     then {@link dev.jgrad.train.Training#measure} on a held-out set.</li>
 *   <li><b>Then</b> {@link dev.jgrad.train.Trainer} with a {@link dev.jgrad.train.Learner}, to choose every
 *     piece yourself.</li>
 * </ul>
 */
package dev.jgrad.train;
