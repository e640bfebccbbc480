/**
 * Files in and out: trained models and their feature scaling as versioned JSON, CSV tables with
 * file:line:column errors, and writes that a crash cannot leave half done.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.io.ModelFile}, {@link dev.jgrad.io.Csv}, {@link dev.jgrad.io.Json}
 *     (the small reader and writer both use) and {@link dev.jgrad.io.AtomicFile}.</li>
 *   <li><b>Start with</b> {@link dev.jgrad.io.ModelFile}: {@code save}, {@code load}, then
 *     {@code file.predictor()} to predict from raw rows (scaled as in training), or
 *     {@code Engine.SCALAR.build(file.network())} for the bare network.</li>
 *   <li><b>Then</b> {@link dev.jgrad.io.Table}, to read your own CSV as columns of numbers and text
 *     ({@link dev.jgrad.io.CsvFormat} for separators, decimal commas, missing-value tokens) and train
 *     on it with {@code toDataset}; {@link dev.jgrad.io.Csv} keeps every cell as a string.</li>
 * </ul>
 */
package dev.jgrad.io;
