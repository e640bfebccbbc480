/**
 * Pictures of jgrad's graphs and training runs. Everything that needs AWT or ImageIO lives here, so
 * that the core jar stays headless and dependency-free.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.viz.Dot} and {@link dev.jgrad.viz.Graphviz} (a value's graph),
 *     {@link dev.jgrad.viz.BoundaryPlot} and {@link dev.jgrad.viz.BoundaryAnimation} (a decision boundary,
 *     still or as it trains), {@link dev.jgrad.viz.Charts} (loss and accuracy by epoch) and
 *     {@link dev.jgrad.viz.Images}.</li>
 *   <li><b>Start with</b> {@link dev.jgrad.viz.Dot#of}: the DOT text of any value's graph.</li>
 *   <li><b>Then</b> {@link dev.jgrad.viz.BoundaryPlot}, which draws any model through a
 *     {@link dev.jgrad.data.Scorer}.</li>
 * </ul>
 */
package dev.jgrad.viz;
