/**
 * Pictures of jgrad's graphs and training runs. Everything that needs AWT or ImageIO lives here,
 * so that the core jar stays headless and dependency-free.
 */
package dev.jgrad.viz;
