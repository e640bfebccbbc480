/**
 * jgrad in the browser: the playground's engine, which TeaVM compiles to an ES2015 module beside the page's
 * own files (src/main/site), and the post's experiment as a Node check that core needs nothing the browser
 * lacks.
 *
 * <ul>
 *   <li><b>Here:</b> {@link dev.jgrad.web.Playground}, what the page calls; {@link dev.jgrad.web.Experiment},
 *       the post's experiment as a JavaScript module.</li>
 *   <li><b>Start with</b> {@link dev.jgrad.web.Playground}.</li>
 *   <li><b>Then</b> the web module's pom.xml, which says how TeaVM is run, and src/main/site.</li>
 * </ul>
 */
package dev.jgrad.web;
