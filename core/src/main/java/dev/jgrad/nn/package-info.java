/**
 * Models, and the seam between training and the engines: a {@link dev.jgrad.nn.Network} is a model
 * as numbers (inputs; per layer weights, biases, activation), apart from any engine; an
 * {@link dev.jgrad.nn.Engine} builds a {@link dev.jgrad.nn.Model} from it.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.nn.MLP} of {@link dev.jgrad.nn.Layer}s of {@link dev.jgrad.nn.Neuron}s
 *     on the scalar engine, {@link dev.jgrad.nn.TensorMLP} of {@link dev.jgrad.nn.Linear} layers on the
 *     tensor engine; {@link dev.jgrad.nn.Activation} and {@link dev.jgrad.nn.Init}, the named choices.</li>
 *   <li><b>Start with</b> {@link dev.jgrad.nn.Neuron}, then {@link dev.jgrad.nn.MLP} (to learn) or
 *     {@link dev.jgrad.nn.Model} (a program that only trains and predicts).</li>
 *   <li><b>Then</b> the optim package, which updates a model's parameters.</li>
 * </ul>
 */
package dev.jgrad.nn;
