/**
 * Models, and the seam between training and the engines. A {@link dev.jgrad.nn.Network} is a model
 * as numbers (inputs; per layer weights, biases, activation), apart from any engine; an
 * {@link dev.jgrad.nn.Engine} builds a {@link dev.jgrad.nn.Model} from it: {@link dev.jgrad.nn.MLP}
 * of {@link dev.jgrad.nn.Layer}s of {@link dev.jgrad.nn.Neuron}s on the scalar engine (the one to
 * read first), {@link dev.jgrad.nn.TensorMLP} of {@link dev.jgrad.nn.Linear} layers on the tensor
 * engine. {@link dev.jgrad.nn.Activation} and {@link dev.jgrad.nn.Init} are the named choices.
 */
package dev.jgrad.nn;
