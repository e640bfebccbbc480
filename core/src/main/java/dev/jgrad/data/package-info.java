/**
 * Data for training: points with classes or with numeric targets ({@link dev.jgrad.data.Task}), the
 * built-in generators, feature (and target) scaling, and the view of a 2-D model that pictures draw.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.data.Dataset}, {@link dev.jgrad.data.Batch}, the seeded generators of
 *     {@link dev.jgrad.data.Datasets} (circle, moons, xor, spiral, gauss; for regression sine, plane,
 *     gaussian-mixture), {@link dev.jgrad.data.Scorer},
 *     and {@link dev.jgrad.data.Scaling} with the {@link dev.jgrad.data.Scaler} it fits on training points
 *     (a model file saves it, so that predictions are scaled as training was).</li>
 *   <li><b>Start with</b> {@link dev.jgrad.data.Datasets#moons}; a CSV file becomes a dataset through
 *     {@code Csv.toDataset} (or, for a numeric target, {@code Csv.toRegression}) in the io package.</li>
 *   <li><b>Then</b> the train package, which splits, scales and batches a dataset.</li>
 * </ul>
 */
package dev.jgrad.data;
