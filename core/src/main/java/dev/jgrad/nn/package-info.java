/**
 * Networks: one engine-free description of architecture and weights, and the models each engine
 * builds from it.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.nn.Neuron}, {@link dev.jgrad.nn.Layer} and {@link dev.jgrad.nn.MLP} on
 *     the scalar engine, {@link dev.jgrad.nn.TensorMLP} on the tensor one; {@link dev.jgrad.nn.Network},
 *     {@link dev.jgrad.nn.Model}, {@link dev.jgrad.nn.Engine}, {@link dev.jgrad.nn.Activation} and
 *     {@link dev.jgrad.nn.Init}.</li>
 *   <li><b>Start with</b> {@link dev.jgrad.nn.Neuron}, then {@link dev.jgrad.nn.MLP} (a learner) or
 *     {@link dev.jgrad.nn.Model} (a program that only trains and predicts).</li>
 *   <li><b>Then</b> the optim package, which updates a model's parameters.</li>
 * </ul>
 */
package dev.jgrad.nn;
