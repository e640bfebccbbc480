/**
 * The browser check: TeaVM compiles this package's entry point, and all of core it reaches, to
 * JavaScript, and the tests run it in Node.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.web.Experiment}, the post's experiment as a JavaScript module.</li>
 *   <li><b>Start with</b> {@link dev.jgrad.web.Experiment}.</li>
 *   <li><b>Then</b> the web module's pom.xml, which says how TeaVM is run.</li>
 * </ul>
 */
package dev.jgrad.web;
