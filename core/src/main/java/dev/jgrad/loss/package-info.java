/**
 * Losses, which take outputs and targets and never see a model or a dataset.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.loss.Loss}, the objective a trainer uses (outputs per class count,
 *     the mean loss in the scalar and in the tensor form side by side, how outputs read as a class), and
 *     {@link dev.jgrad.loss.Losses}, the graphs it is made of (squared error, micrograd's hinge, L2,
 *     binary cross-entropy on logits, softmax cross-entropy).</li>
 *   <li><b>Start with</b> {@link dev.jgrad.loss.Losses#hinge}, micrograd's loss, as a graph you can draw.</li>
 *   <li><b>Then</b> {@link dev.jgrad.loss.Loss}, the same losses as a trainer sees them.</li>
 * </ul>
 */
package dev.jgrad.loss;
