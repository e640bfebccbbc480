/**
 * A small layered layout for the graphs jgrad draws (tens of nodes), in java.base only so that it runs
 * in the browser, where Graphviz does not: layers by longest path from the sources, left to right, order
 * within a layer by barycentre sweeps, coordinates from the nodes' sizes. Nodes are ints, edges pairs,
 * so any picture (SVG in the page, AWT on the JVM) can draw with it.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.layout.Layered}, the layout; {@link dev.jgrad.layout.Drawing}, what it
 *     gives back; the ordering and placement steps behind it.</li>
 *   <li><b>Start with</b> {@link dev.jgrad.layout.Layered}.</li>
 *   <li><b>Then</b> the web module's GraphPanel, which draws a neuron's graph with it.</li>
 * </ul>
 */
package dev.jgrad.layout;
