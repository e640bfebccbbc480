/**
 * JMH benchmarks of the engines and kernels, and probes of their memory; built with {@code -Pbench},
 * their figures are in docs/performance.md.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.bench.TrainingStepBenchmark}, {@link dev.jgrad.bench.ScalarStepBenchmark},
 *     {@link dev.jgrad.bench.MatmulBenchmark}, {@link dev.jgrad.bench.FmaPeakBenchmark},
 *     {@link dev.jgrad.bench.HeapProbe} and {@link dev.jgrad.bench.NodeFootprint}.</li>
 *   <li><b>Start with</b> {@link dev.jgrad.bench.TrainingStepBenchmark}: one training step of each workload.</li>
 *   <li><b>Then</b> {@link dev.jgrad.bench.MatmulBenchmark}, behind the kernels' size thresholds.</li>
 * </ul>
 */
package dev.jgrad.bench;
