/**
 * The applications built on the library: {@link dev.jgrad.app.CircleExperiment} (the post's
 * experiment), {@link dev.jgrad.app.Demo} (every figure of the post, and the page that shows
 * them), {@link dev.jgrad.app.Expression} (the little language of {@code jgrad graph}) and
 * {@link dev.jgrad.app.Workload} (the benchmark workloads). Nothing in core or viz depends on them.
 */
package dev.jgrad.app;
