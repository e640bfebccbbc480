/**
 * The tensor engine: the same autograd over n-dimensional arrays of doubles, so that a batch goes
 * through a layer as one matrix product; PyTorch's rules for gradients and NumPy's for broadcasting.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.tensor.Tensor}; its primitives (each a forward and a backward) and
 *     matrix kernels are package-private. The optional jgrad-vector jar adds {@code JvmKernels}.</li>
 *   <li><b>Start with</b> {@link dev.jgrad.tensor.Tensor#of(double[][])}, {@code matmul} and
 *     {@code backward()}.</li>
 *   <li><b>Then</b> {@code TensorMLP} in the nn package, the network built on it.</li>
 * </ul>
 */
package dev.jgrad.tensor;
