/**
 * The training loop: the {@link dev.jgrad.train.Trainer} (epochs, per-sample, mini-batch or
 * full-batch updates, seeded shuffling, per-epoch {@link dev.jgrad.train.EpochMetrics}, listeners)
 * hands batches to a {@link dev.jgrad.train.Learner}, which steps a model with its loss and optimizer.
 */
package dev.jgrad.train;
