/**
 * What every other package of jgrad stands on: {@link dev.jgrad.base.Rng}, the seeded generator
 * that fixes data, initial weights and shuffles on the JVM and in the browser alike; and
 * {@link dev.jgrad.base.Named} with {@link dev.jgrad.base.Choices}, the one way every choice a user
 * names (activation, loss, optimizer, dataset…) is parsed and listed. Start there.
 */
package dev.jgrad.base;
