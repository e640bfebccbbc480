/**
 * Files in and out: {@link dev.jgrad.io.ModelFile} (a trained model and its feature scaling as
 * versioned JSON, read back as a {@link dev.jgrad.nn.Predictor} of raw rows),
 * {@link dev.jgrad.io.Csv} (tables with file:line:column errors), {@link dev.jgrad.io.Json} (the
 * small reader and writer both use) and {@link dev.jgrad.io.AtomicFile} (writes that a crash cannot
 * leave half done). Start with ModelFile.
 */
package dev.jgrad.io;
