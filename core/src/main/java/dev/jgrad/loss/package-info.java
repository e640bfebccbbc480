/**
 * Losses, which take outputs and targets and never see a model or a dataset.
 * {@link dev.jgrad.loss.Loss} is the objective a trainer uses (outputs per class count, the mean
 * loss in the scalar and in the tensor form side by side, how outputs read as a class);
 * {@link dev.jgrad.loss.Losses} builds the graphs it is made of (squared error, micrograd's hinge,
 * L2, binary cross-entropy on logits, softmax cross-entropy).
 */
package dev.jgrad.loss;
