/**
 * Networks built from the scalar engine: {@link dev.jgrad.nn.Neuron}, {@link dev.jgrad.nn.Layer},
 * {@link dev.jgrad.nn.MLP} (all {@link dev.jgrad.nn.Module}s, with parameters in a documented order),
 * their {@link dev.jgrad.nn.Activation}s and {@link dev.jgrad.nn.Init}s (the io package saves
 * them as model files).
 */
package dev.jgrad.nn;
