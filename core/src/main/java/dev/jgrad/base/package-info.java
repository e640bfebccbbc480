/**
 * What every other package of jgrad stands on: the seeded generator, and one way to parse and list the
 * names users type.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.base.Rng} (fixes data, initial weights and shuffles on the JVM and in
 *     the browser alike), {@link dev.jgrad.base.Named}, {@link dev.jgrad.base.Choices} and
 *     {@link dev.jgrad.base.InvalidSetting}.</li>
 *   <li><b>Start with</b> {@link dev.jgrad.base.Rng}: every random draw in jgrad takes one.</li>
 *   <li><b>Then</b> {@link dev.jgrad.base.Choices}, which parses every activation, loss, optimizer and
 *     dataset name.</li>
 * </ul>
 */
package dev.jgrad.base;
