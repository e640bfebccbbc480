/**
 * Training loops: the {@link dev.jgrad.train.Trainer} (epochs, per-sample, mini-batch or full-batch
 * updates, seeded shuffling, per-epoch {@link dev.jgrad.train.EpochMetrics}, listeners) drives a
 * {@link dev.jgrad.train.Learner}, which owns the engine; and {@link dev.jgrad.train.CircleExperiment},
 * the post's experiment.
 */
package dev.jgrad.train;
