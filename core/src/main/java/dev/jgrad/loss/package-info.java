/**
 * Losses: outputs and targets in, a number to minimise out (never a model or a dataset).
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.loss.Losses} builds them as graphs (mean squared error, micrograd's
 *     hinge, L2, binary cross-entropy on logits, softmax cross-entropy); {@link dev.jgrad.loss.Loss} is the
 *     objective a trainer uses, in its scalar and tensor forms.</li>
 *   <li><b>Start with</b> {@link dev.jgrad.loss.Losses#hinge}, micrograd's loss, as a graph you can draw.</li>
 *   <li><b>Then</b> {@link dev.jgrad.loss.Loss}: outputs per class count, and how outputs read as a class.</li>
 * </ul>
 */
package dev.jgrad.loss;
