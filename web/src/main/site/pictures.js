// The plot and the network's pictures: the boundary (or the curve), the points, the curves of the figures, the
// neurons' maps and the diagram's weights, from one pass of the engine over the grid.
import * as jgrad from './engine.js';
import * as draw from './draw.js';
import * as net from './net.js';
import * as graph from './graph.js';

const $ = id => document.getElementById(id);
/** The sine's curve: the model's output at this many x across the plot. */
const CURVE_POINTS = 120;

/** Whether the data are a regression's (a number per point): the pictures and figures then show the fit. */
export function regression(state) {
  return Boolean(state.view && state.view.task === 'regression');
}

/**
 * The output's colour scale: positive is class 1, 0 the boundary. Under mse it is the post's ±1 target
 * scale; under bce a logit, drawn as 2·sigmoid − 1 = tanh(v/2), the probability made symmetric.
 */
function outputScale(state) {
  if (regression(state)) {
    const range = state.view.range;
    return v => v / range;
  }
  return /bce/i.test(String(state.setup && state.setup.loss)) ? v => Math.tanh(v / 2) : v => v;
}

/**
 * The boundary and points every frame; the neurons' maps and the edges a few times a second. One pass of the network
 * over the boundary's grid gives the boundary and every neuron's map (read off it at a coarser grid), so the maps cost
 * no pass of their own; the diagram's numbers come as one array, not as JSON text.
 */
export function redraw(state, all) {
  const canvas = $('boundary');
  const now = performance.now();
  const diagram = all || now - state.lastWeights > 200;
  if (state.view && state.grid > 0) {
    const f = jgrad.frame(state.grid, state.mapGrid);
    const cells = state.grid * state.grid;
    if (f.length > cells) {
      draw.heatMap(canvas, f.subarray(0, cells), state.grid, outputScale(state));
    } else {
      canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
    }
    draw.contour(canvas, jgrad.contour());
    if (state.view.circle) {
      draw.circle(canvas, state.view, state.view.circle);
    }
    if (state.view.curve) {
      // One input: the model's curve, drawn over the points so that they never hide it, instead of a map of a plane.
      draw.fitCurve(canvas, jgrad.curve(CURVE_POINTS), state.view,
        () => draw.points(canvas, state.points, state.view, $('show-test').checked, graph.sample(), outputScale(state)));
    } else {
      draw.points(canvas, state.points, state.view, $('show-test').checked, graph.sample(), regression(state) ? outputScale(state) : null);
    }
    if (diagram) {
      neurons(state, f.subarray(cells));
    }
  }
  curves(state);
  if (diagram) {
    state.lastWeights = now;
    net.weights(state.netView, jgrad.diagram());
  }
}

/** The curves, redrawn only when a point was added to them: a deep network's frame often ends within an epoch. */
function curves(state) {
  const last = state.history[state.history.length - 1];
  const drawn = state.history.length + ' ' + (last ? last.epoch + ' ' + last.step : '') + ' ' + regression(state);
  if (drawn !== state.curvesDrawn) {
    state.curvesDrawn = drawn;
    draw.curves($('curves'), state.history, regression(state));
  }
}

/** Every neuron's map from the frame's pass: the hidden neurons layer after layer, then the output's margin. */
function neurons(state, maps) {
  const v = state.netView;
  if (!v) {
    return;
  }
  const cell = state.mapGrid * state.mapGrid;
  let at = 0;
  for (let c = 1; c < v.canvases.length; c++) {
    const output = c === v.canvases.length - 1;
    v.canvases[c].forEach(canvas => {
      const values = maps.subarray(at, at += cell);
      draw.heatMap(canvas, values, state.mapGrid, output ? outputScale(state) : draw.spreadScale(values));
    });
  }
}
