/**
 * The training loop: the {@link dev.jgrad.train.Trainer} (epochs, per-sample, mini-batch or
 * full-batch updates, seeded shuffling, per-epoch {@link dev.jgrad.train.EpochMetrics}, listeners)
 * hands batches to a {@link dev.jgrad.train.Learner}, which steps a model with its loss and optimizer.
 * {@link dev.jgrad.train.TrainingConfig} is every choice of a run, checked; {@link dev.jgrad.train.Training}
 * sets one up (split, scaling, weights) and measures the result on any set as a
 * {@link dev.jgrad.train.Measurement}: loss and a {@link dev.jgrad.train.Classification} with
 * scikit-learn's classification_report figures.
 */
package dev.jgrad.train;
