/** A small JSON reader and writer, so that core reads and writes model files with no dependency. */
package dev.jgrad.json;
