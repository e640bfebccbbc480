/**
 * Files in and out: trained models as versioned JSON, CSV tables with file:line:column errors, and
 * writes that a crash cannot leave half done.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.io.ModelFile}, {@link dev.jgrad.io.Csv}, {@link dev.jgrad.io.Json}
 *     (the small reader and writer both use) and {@link dev.jgrad.io.AtomicFile}.</li>
 *   <li><b>Start with</b> {@link dev.jgrad.io.ModelFile}: {@code save}, {@code load}, then
 *     {@code Engine.SCALAR.build(file.network())} to predict.</li>
 *   <li><b>Then</b> {@link dev.jgrad.io.Csv}, to train on your own table.</li>
 * </ul>
 */
package dev.jgrad.io;
