/**
 * Optimizers with PyTorch's update rules, and learning-rate schedules; one optimizer serves both
 * engines, since it sees only blocks of numbers and their gradients.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.optim.Sgd} (momentum, weight decay), {@link dev.jgrad.optim.Adam},
 *     {@link dev.jgrad.optim.AdamW}, {@link dev.jgrad.optim.Schedule}, {@link dev.jgrad.optim.Parameters}
 *     and the named kinds {@link dev.jgrad.optim.OptimizerKind} and {@link dev.jgrad.optim.ScheduleKind}.</li>
 *   <li><b>Start with</b> {@link dev.jgrad.optim.Sgd}: {@code zeroGrad()}, then {@code step()}.</li>
 *   <li><b>Then</b> the train package, which calls them for you.</li>
 * </ul>
 */
package dev.jgrad.optim;
