/**
 * Optimizers with PyTorch's update rules ({@link dev.jgrad.optim.Sgd} with momentum and weight
 * decay, {@link dev.jgrad.optim.Adam}, {@link dev.jgrad.optim.AdamW}) and learning-rate
 * {@link dev.jgrad.optim.Schedule}s. They update {@link dev.jgrad.optim.Parameters} blocks, so one
 * optimizer serves the scalar and the tensor engine.
 */
package dev.jgrad.optim;
