/**
 * jgrad in the browser: {@link dev.jgrad.web.Experiment} is the entry point TeaVM compiles to
 * JavaScript, which the build runs under Node to check that core needs nothing the browser lacks.
 */
package dev.jgrad.web;
