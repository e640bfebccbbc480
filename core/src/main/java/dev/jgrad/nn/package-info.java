/**
 * Networks built from the scalar engine: {@link dev.jgrad.nn.Neuron}, {@link dev.jgrad.nn.Layer},
 * {@link dev.jgrad.nn.MLP} (all {@link dev.jgrad.nn.Module}s, with parameters in a documented order),
 * their {@link dev.jgrad.nn.Activation}s and {@link dev.jgrad.nn.Init}s, and
 * {@link dev.jgrad.nn.ModelFile}, the versioned JSON in which a trained model is saved.
 */
package dev.jgrad.nn;
