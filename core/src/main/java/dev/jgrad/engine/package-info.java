/**
 * The scalar autograd engine, micrograd's: one {@link dev.jgrad.engine.Value} per number, each
 * operation written beside its local derivative, and {@code backward()} running those rules in reverse.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.engine.Value} (the graph and its ops), {@link dev.jgrad.engine.NoGrad}
 *     (a scope that builds no graph) and {@link dev.jgrad.engine.Anomaly} (a scope in which the first NaN throws);
 *     {@code Value.gradients} gives gradients as graphs that can be differentiated again (each op's forward,
 *     both its rules and its explanation sit together in the package-private {@code Primitives});
 *     for teaching, {@link dev.jgrad.engine.Backprop} (backward one local rule at a time, each said with its
 *     numbers) and {@link dev.jgrad.engine.Forward} (the forward pass again after data changed).</li>
 *   <li><b>Start with</b> {@link dev.jgrad.engine.Value}: {@code tanh}, {@code mul} and {@code backward()} are
 *     the whole idea.</li>
 *   <li><b>Then</b> the nn package, which builds neurons and layers out of values.</li>
 * </ul>
 */
package dev.jgrad.engine;
