/**
 * Data for training: {@link dev.jgrad.data.Dataset} (points, labels, classes), the seeded
 * generators of {@link dev.jgrad.data.Datasets} (circle, moons, xor, spiral, gauss), CSV files
 * ({@link dev.jgrad.data.Csv}), and {@link dev.jgrad.data.Scorer}, the one-method view of a trained
 * 2-D model that pictures draw from. Depends on nothing else of jgrad's.
 */
package dev.jgrad.data;
