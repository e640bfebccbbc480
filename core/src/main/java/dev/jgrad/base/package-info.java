/**
 * What every other package of jgrad stands on: {@link dev.jgrad.base.Rng}, the seeded generator
 * that fixes data, initial weights and shuffles on the JVM and in the browser alike. Start there.
 */
package dev.jgrad.base;
