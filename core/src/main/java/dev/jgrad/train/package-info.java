/**
 * The training loop: epochs of per-sample, mini-batch or full-batch updates with seeded shuffling,
 * per-epoch metrics and listeners; and one checked configuration of a whole run.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.train.TrainingConfig} and {@link dev.jgrad.train.Training} (a run, set
 *     up from a config), {@link dev.jgrad.train.Trainer}, {@link dev.jgrad.train.Learner} and
 *     {@link dev.jgrad.train.EpochMetrics}.</li>
 *   <li><b>Start with</b> {@link dev.jgrad.train.Training#start}: a config and a dataset in, a model out.</li>
 *   <li><b>Then</b> {@link dev.jgrad.train.Trainer} with a {@link dev.jgrad.train.Learner}, to choose every
 *     piece yourself.</li>
 * </ul>
 */
package dev.jgrad.train;
