/**
 * jgrad in the browser: the entry point TeaVM compiles to JavaScript, which the build runs under
 * Node to check that core needs nothing the browser lacks.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.web.Experiment}, the post's experiment as a JavaScript module.</li>
 *   <li><b>Start with</b> {@link dev.jgrad.web.Experiment}.</li>
 *   <li><b>Then</b> the web module's pom.xml, which says how TeaVM is run.</li>
 * </ul>
 */
package dev.jgrad.web;
