/**
 * The applications built on the library: the post's experiment, every figure of the post and the
 * page that shows them, the little language of {@code jgrad graph}, and the benchmark workloads.
 * Nothing in core or viz depends on them.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.app.CircleExperiment}, {@link dev.jgrad.app.Demo},
 *     {@link dev.jgrad.app.Expression} and {@link dev.jgrad.app.Workload}.</li>
 *   <li><b>Start with</b> {@link dev.jgrad.app.CircleExperiment}: the post's table from a few calls to core.</li>
 *   <li><b>Then</b> {@link dev.jgrad.app.Demo}, which adds viz's pictures.</li>
 * </ul>
 */
package dev.jgrad.app;
