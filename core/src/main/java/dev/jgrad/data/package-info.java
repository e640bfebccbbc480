/**
 * Data for training: points, labels and classes, the built-in generators, and the view of a 2-D model
 * that pictures draw.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.data.Dataset}, {@link dev.jgrad.data.Batch}, the seeded generators of
 *     {@link dev.jgrad.data.Datasets} (circle, moons, xor, spiral, gauss) and {@link dev.jgrad.data.Scorer}.</li>
 *   <li><b>Start with</b> {@link dev.jgrad.data.Datasets#moons}; a CSV file becomes a dataset through
 *     {@code Csv.toDataset} in the io package.</li>
 *   <li><b>Then</b> the train package, which splits and batches a dataset.</li>
 * </ul>
 */
package dev.jgrad.data;
