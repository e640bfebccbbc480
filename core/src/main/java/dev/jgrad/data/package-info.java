/**
 * Data for training: {@link dev.jgrad.data.Dataset} (points, labels, classes), the seeded
 * generators of {@link dev.jgrad.data.Datasets} (circle, moons, xor, spiral, gauss), and
 * {@link dev.jgrad.data.Scorer}, the one-method view of a trained 2-D model that pictures draw from,
 * and {@link dev.jgrad.data.Scaling} with the {@link dev.jgrad.data.Scaler} it fits on training
 * points, which a model file saves so that predictions are scaled as training was.
 * Every draw comes from a {@link dev.jgrad.base.Rng} passed in; CSV files are read by the io package.
 */
package dev.jgrad.data;
