/**
 * A small layered layout for the graphs jgrad draws (tens of nodes), in java.base only so that it runs
 * in the browser, where Graphviz does not: layers by longest path from the sources, left to right, order
 * within a layer by barycentre sweeps, coordinates from the nodes' sizes. Nodes are ints, edges pairs,
 * so any picture (SVG in the page, AWT on the JVM) can draw with it.
 */
package dev.jgrad.layout;
