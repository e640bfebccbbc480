/**
 * Losses: {@link dev.jgrad.loss.Losses} builds them as graphs (mean squared error, micrograd's
 * hinge, L2, binary cross-entropy on logits, softmax cross-entropy), and {@link dev.jgrad.loss.Loss}
 * is the objective a trainer uses: outputs per class count, targets, and how outputs read as a class.
 */
package dev.jgrad.loss;
