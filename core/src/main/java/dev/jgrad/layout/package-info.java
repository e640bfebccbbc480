/**
 * A small layered layout for the graphs jgrad draws (tens of nodes), in java.base only so that it runs
 * in the browser, where Graphviz does not. Nodes are ints with a size, edges pairs, so any picture (SVG
 * in the playground, AWT on the JVM) can draw with it.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.layout.Layered} (layers by longest path from the sources, left to
 *     right; order within a layer by barycentre sweeps; coordinates from the sizes) and its result,
 *     {@link dev.jgrad.layout.Drawing}.</li>
 *   <li><b>Start with</b> {@link dev.jgrad.layout.Layered#draw}: boxes and edges in, centres and bend
 *     points out.</li>
 *   <li><b>Then</b> the playground's graph panel in the web module, which draws one
 *     neuron's computational graph with it.</li>
 * </ul>
 */
package dev.jgrad.layout;
