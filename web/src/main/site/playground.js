// The page: draws and listens; jgrad's engine (engine.js, compiled from Java by TeaVM) makes the data, the
// network, the training and the graphs. One setup at a time, always the last one the engine accepted.
import * as jgrad from './engine.js';
import * as draw from './draw.js';
import * as net from './net.js';
import * as form from './form.js';
import * as graph from './graph.js';
import * as tour from './tour.js';
import * as panels from './panels.js';
import * as landscape from './landscape.js';

const $ = id => document.getElementById(id);
/** The sine's curve: the model's output at this many x across the plot. */
const CURVE_POINTS = 120;
/**
 * One frame's length while playing (20 frames a second): what drawing and the rest of the frame leave of it trains. A
 * fixed training slice would either starve the training on a fast machine or the drawing on a slow one; and a frame
 * that just misses the display's refresh waits for the next, so the slice is sized to end the frame on time.
 */
const FRAME_MS = 50;
/** What a frame keeps in hand: one that ends just past the display's refresh waits a whole refresh more. */
const SPARE_MS = 3;
/** The longest training slice of a frame, however slow the drawing. */
const MAX_TRAIN_MS = 200;

const state = {
  setup: null, hidden: [], features: [], history: [], view: null, points: new Float64Array(0),
  playing: false, netView: null, fields: {}, lastWeights: 0, meter: null, frames: 0, drawMs: 10, restMs: 5,
  // The network's limits, as the engine's controls give them (hidden: maxLayers, and max neurons a layer).
  maxLayers: 0, maxWidth: 0, firstWidth: 1,
  // The task of the last CSV loaded ('classification' or 'regression'): data=csv is that file's.
  loadedTask: null,
};

/** Calls the engine and parses its JSON answer; a refusal or a throw becomes the one-line message. */
export function ask(call) {
  let a;
  try {
    a = JSON.parse(call());
  } catch (e) {
    message('the engine failed: ' + (e && e.message ? e.message : e));
    return null;
  }
  if (a && a.ok === false) {
    message(a.error || 'the engine refused without saying why');
    return null;
  }
  return a;
}

export function message(text) {
  $('message').textContent = text || '';
}

// ---- The setup ----

/** Applies a query; on a refusal the form goes back to the last accepted setup. */
export function apply(query) {
  const a = ask(() => jgrad.setup(query));
  if (!a) {
    if (state.setup) {
      form.fill(state.fields, state.setup);
    }
    return false;
  }
  accepted(a);
  started();
  return true;
}

/**
 * Shows a setup the engine accepted: the form, the link and the command line. Every answer that changes the
 * data (a setup, a loaded file, a drawn point) goes through here, so the next change of a setting starts from
 * the data the engine trains on, never from the form's stale choice.
 */
function accepted(a) {
  message('');
  state.setup = a.setup || {};
  history.replaceState(null, '', a.query ? '?' + a.query : location.pathname);
  $('command').textContent = a.command || '';
  state.hidden = form.list(state.setup.hidden).map(Number);
  form.fill(state.fields, state.setup);
}

/** After a setup, a reset or new data: epoch 0 again, everything redrawn. */
function started() {
  state.history = [];
  const layout = ask(() => jgrad.network());
  state.features = layout && layout.features ? layout.features : form.list(state.setup.features);
  // The grids are the engine's choice: the boundary's side fits the network's size (a deep one gets a coarser boundary
  // rather than a slow frame), and the neurons' maps are read off the same pass.
  state.grid = layout ? layout.grid : 0;
  state.mapGrid = layout ? layout.mapGrid : 0;
  state.netView = net.build($('net'), state.features, state.hidden,
    {neuron: openGraph, resize, hover: hoverNeuron, activation, pick: landscape.pick},
    {choices: state.activationChoices, values: layerActivations(state.hidden.length)}, state.mapGrid);
  $('layer-count').textContent = state.hidden.length + (state.hidden.length === 1 ? ' hidden layer' : ' hidden layers');
  $('layer-add').disabled = state.hidden.length >= state.maxLayers;
  $('layer-remove').disabled = state.hidden.length === 0;
  state.view = ask(() => jgrad.view());
  task();
  refreshPoints();
  const s = ask(() => jgrad.stats());
  if (s) {
    stats(s);
  }
  redraw(true);
  graph.reopen();
}

/** Whether the data are a regression's (a number per point): the pictures and figures then show the fit. */
function regression() {
  return Boolean(state.view && state.view.task === 'regression');
}

/** Shows what the task's pictures and figures mean: accuracy or R², classes or the colour bar of the target. */
function task() {
  const r = regression();
  for (const [id, on] of [['train-accuracy', !r], ['test-accuracy', !r], ['train-r2', r], ['test-r2', r]]) {
    $(id).parentElement.hidden = !on;
  }
  $('legend-classes').hidden = r;
  $('legend-regression').hidden = !r;
  $('colour-bar').hidden = !r || state.view.curve;
  $('curves-legend').textContent = r ? 'MSE above, R² below (core\'s, as jgrad train reports it)' : 'loss above, accuracy below';
  $('boundary').setAttribute('aria-label', !r ? 'decision boundary: the model\'s output over the plane, with the points'
    : state.view.curve ? 'the model\'s curve over the points (x1 across, the target up)'
      : 'the model\'s output over the plane in the target\'s units, with the points');
  if (r) {
    $('legend-regression').textContent = state.view.curve
      ? 'The black line is the model\'s curve: its output at every x1; points at (x1, target), coloured by it, grey ring training, black ring test. No boundary: there are no classes.'
      : 'Colour = the output in the target\'s units (the bar under the plot); each point is coloured by its target, so a point that matches its background is fitted; grey ring training, black ring test. No boundary line: there are no classes.';
    if (!state.view.curve) {
      draw.colourBar($('colour-bar'), state.view.range);
    }
  }
}

function refreshPoints() {
  try {
    state.points = jgrad.points();
  } catch (e) {
    state.points = new Float64Array(0);
  }
  // The graph panel's own copy of what it needs: the network's shape and how many training points there are.
  graph.shape(state.hidden, draw.eachPoint(state.points, () => {}));
}

function current() {
  return form.query(state.fields, state.hidden);
}

function resize(layer, delta) {
  const next = state.hidden.slice();
  next[layer] = Math.max(1, Math.min(state.maxWidth, next[layer] + delta));
  change(next);
}

/** Each hidden layer's activation as the setup gives it (one for all, or one per layer), for n layers. */
function layerActivations(n) {
  const given = form.list(state.setup && state.setup.activation);
  return Array.from({length: n}, (_, i) => given[Math.min(i, given.length - 1)] || 'tanh');
}

/** The query with one activation per layer for n layers: one word when they are all the same. */
function withActivations(acts) {
  const q = new URLSearchParams(current());
  q.set('activation', acts.length === 0 ? form.list(q.get('activation'))[0] || 'tanh'
    : acts.every(a => a === acts[0]) ? acts[0] : acts.join(','));
  return q.toString();
}

function activation(layer, id) {
  const acts = layerActivations(state.hidden.length);
  acts[layer] = id;
  apply(withActivations(acts));
}

function change(hidden) {
  const before = state.hidden;
  const acts = layerActivations(before.length);
  state.hidden = hidden;
  // A new layer takes the last layer's activation; a removed one takes its own away.
  if (!apply(withActivations(Array.from({length: hidden.length}, (_, i) => acts[Math.min(i, acts.length - 1)])))) {
    state.hidden = before;
  }
}

// ---- Training ----

/** What a point of the curves shows, besides its epoch. */
const FIGURES = ['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy', 'trainR2', 'testR2'];

function stats(s) {
  text('epoch', String(s.epoch));
  text('train-loss', number(s.trainLoss, 4));
  text('test-loss', number(s.testLoss, 4));
  text('train-accuracy', fixed(s.trainAccuracy));
  text('test-accuracy', fixed(s.testAccuracy));
  text('train-r2', fixed(s.trainR2));
  text('test-r2', fixed(s.testR2));
  const last = state.history[state.history.length - 1];
  // Playing answers the last finished epoch's figures after every frame's steps: the same point again adds nothing.
  const same = last && last.epoch === s.epoch && (last.step === s.step || FIGURES.every(k => Object.is(last[k], s[k])));
  if (!same) {
    state.history.push(s);
    if (state.history.length > 2000) {
      state.history = state.history.filter((_, i) => i % 2 === 0);   // keep the curve's shape, not every point
    }
  }
  if (s.command) {
    text('command', s.command);
  }
  state.atBudget = Boolean(s.atBudget);
  // The note: what the engine sees going wrong (saturated or dead units), else where playing stopped.
  const note = s.warning || (s.atBudget ? 'stopped at epoch ' + s.epoch + ', the budget (epochs=' + s.budget
    + ', as jgrad train --epochs ' + s.budget + '); press play to go on' : '');
  text('note', note);
  if (s.stopped) {
    pause();
    message(s.stopped);
  } else if (s.atBudget && state.playing) {
    pause();
    redraw(true);
    tour.budgetReached();
  }
  return s;
}

/** Writes a readout only when it changes: a write, even of the same text, makes the browser lay the page out again. */
function text(id, value) {
  const e = $(id);
  if (e.textContent !== value) {
    e.textContent = value;
  }
}

function number(v, digits) {
  return Number.isFinite(v) ? Number(v).toPrecision(digits) : '–';
}

function fixed(v) {
  return Number.isFinite(v) ? Number(v).toFixed(3) : '–';
}

function train(call) {
  const s = ask(call);
  if (!s) {
    pause();
    return null;
  }
  return stats(s);
}

export function play() {
  if (state.playing) {
    return;
  }
  if (state.atBudget) {
    // Going on past the budget is the learner's choice: the engine lifts it and the command line says so.
    const s = ask(() => jgrad.goOn());
    if (s) {
      stats(s);
    }
  }
  state.playing = true;
  $('play').textContent = 'Pause';
  $('play').setAttribute('aria-pressed', 'true');
  state.meter = {at: performance.now(), frames: 0, epoch: Number($('epoch').textContent) || 0};
  requestAnimationFrame(frame);
}

export function pause() {
  if (state.playing) {
    state.playing = false;
    // Playing shows the last finished epoch's numbers; paused, the weights' own. Past the budget the command line trains
    // to the epoch reached: say where it is now.
    const s = ask(() => jgrad.stats());
    if (s) {
      stats(s);
    }
    const c = ask(() => jgrad.command());
    if (c) {
      $('command').textContent = c.command;
    }
  }
  state.playing = false;
  $('play').textContent = 'Play';
  $('play').setAttribute('aria-pressed', 'false');
}

function frame(now) {
  if (!state.playing) {
    return;
  }
  // train(ms) checks the clock after every update, so what drawing and the rest leave of the frame is the slice; but
  // when they take more than half a frame (many neurons, a slow machine), training gets as long as they do, up to a
  // bound: the frames slow down, the training is not starved, and a click never waits long.
  const others = state.drawMs + state.restMs;
  const budget = Math.min(MAX_TRAIN_MS, Math.max(FRAME_MS - SPARE_MS - others, others));
  const started = performance.now();
  const s = train(() => jgrad.train(budget));
  const drawn = performance.now();
  redraw(false);
  const end = performance.now();
  // Averages over a few frames, so one slow frame (the weights redrawn) does not swing the next slice. The rest of a
  // frame: the last update past the slice and the answer, then the browser's style, layout and paint of what was drawn,
  // which run once this callback returns (a message posted now arrives after them).
  state.drawMs = 0.8 * state.drawMs + 0.2 * (end - drawn);
  const over = Math.max(0, drawn - started - budget);
  afterRendering(() => {
    state.restMs = 0.8 * state.restMs + 0.2 * (over + performance.now() - end);
  });
  const m = state.meter;
  m.frames++;
  state.frames++;
  if (now - m.at >= 500 && s) {
    const seconds = (now - m.at) / 1000;
    text('fps', (m.frames / seconds).toFixed(1));
    text('eps', ((s.epoch - m.epoch) / seconds).toFixed(1));
    state.meter = {at: now, frames: 0, epoch: s.epoch};
  }
  if (state.playing) {
    requestAnimationFrame(frame);
  }
}

const rendered = new MessageChannel();
/** Calls f once the browser has rendered the frame being drawn (the next task after it); a later call replaces f. */
function afterRendering(f) {
  rendered.port1.onmessage = () => f();
  rendered.port2.postMessage(0);
}

/** One epoch, as the "One epoch" button trains it: the readouts, curves and pictures follow. */
function oneEpoch() {
  train(() => jgrad.epoch());
  redraw(true);
  graph.reopen();
}

// ---- Pictures ----

/**
 * The output's colour scale: positive is class 1, 0 the boundary. Under mse it is the post's ±1 target
 * scale; under bce a logit, drawn as 2·sigmoid − 1 = tanh(v/2), the probability made symmetric.
 */
function outputScale() {
  if (regression()) {
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
function redraw(all) {
  const canvas = $('boundary');
  const now = performance.now();
  const diagram = all || now - state.lastWeights > 200;
  if (state.view && state.grid > 0) {
    const f = jgrad.frame(state.grid, state.mapGrid);
    const cells = state.grid * state.grid;
    if (f.length > cells) {
      draw.heatMap(canvas, f.subarray(0, cells), state.grid, outputScale());
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
        () => draw.points(canvas, state.points, state.view, $('show-test').checked, graph.sample(), outputScale()));
    } else {
      draw.points(canvas, state.points, state.view, $('show-test').checked, graph.sample(), regression() ? outputScale() : null);
    }
    if (diagram) {
      neurons(f.subarray(cells));
    }
  }
  curves();
  if (diagram) {
    state.lastWeights = now;
    net.weights(state.netView, jgrad.diagram());
  }
}

/** The curves, redrawn only when a point was added to them: a deep network's frame often ends within an epoch. */
function curves() {
  const last = state.history[state.history.length - 1];
  const drawn = state.history.length + ' ' + (last ? last.epoch + ' ' + last.step : '') + ' ' + regression();
  if (drawn !== state.curvesDrawn) {
    state.curvesDrawn = drawn;
    draw.curves($('curves'), state.history, regression());
  }
}

/** Every neuron's map from the frame's pass: the hidden neurons layer after layer, then the output's margin. */
function neurons(maps) {
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
      draw.heatMap(canvas, values, state.mapGrid, output ? outputScale() : draw.spreadScale(values));
    });
  }
}

// ---- Numbers on hover ----

/** The plot's point under the mouse: every neuron's activation there, for the neuron under the mouse to say. */
function hoverPlot(e) {
  const canvas = $('boundary');
  const r = canvas.getBoundingClientRect();
  const [x1, x2] = draw.toData(canvas, state.view, (e.clientX - r.left) * canvas.width / r.width,
    (e.clientY - r.top) * canvas.height / r.height);
  const a = JSON.parse(jgrad.activations(x1, x2));
  if (a.ok) {
    state.hover = {x1, x2, layers: a.layers};
    const out = a.layers[a.layers.length - 1][0];
    $('hover').textContent = 'at (' + x1.toFixed(2) + ', ' + x2.toFixed(2) + '): output ' + fmt(out)
      + '; point at a neuron for its numbers there';
  }
}

/** A neuron's numbers: its activation at the hovered point (the plot's centre until one is hovered), bias, gradient. */
function hoverNeuron(layer, index, button) {
  if (!state.hover && state.view) {
    const x1 = (state.view.xmin + state.view.xmax) / 2;
    const x2 = (state.view.ymin + state.view.ymax) / 2;
    const a = JSON.parse(jgrad.activations(x1, x2));
    state.hover = a.ok ? {x1, x2, layers: a.layers} : null;
  }
  const h = state.hover;
  const act = h && h.layers[layer - 1] ? h.layers[layer - 1][index] : NaN;
  const name = layer === state.hidden.length + 1 ? 'the output' : 'neuron ' + (index + 1) + ' of hidden layer ' + layer;
  const flag = button.dataset.flag;
  $('hover').textContent = name + ': activation ' + fmt(act) + (h ? ' at (' + h.x1.toFixed(2) + ', ' + h.x2.toFixed(2) + ')' : '')
    + ', bias ' + fmt(Number(button.dataset.bias)) + ', gradient size ' + fmt(Number(button.dataset.gradSize))
    + (flag ? ' — ' + (flag === 'dead' ? 'a dead ReLU: 0 on every point' : 'saturated: flat on nearly every point') : '');
}

function fmt(v) {
  return Number.isFinite(v) ? Number(v).toPrecision(3) : '–';
}

// ---- The graph of one neuron ----

function openGraph(layer, index) {
  net.select(state.netView, layer, index);
  graph.open(layer, index, layer === state.hidden.length + 1);
  document.querySelector('.graph-panel').scrollIntoView({block: 'nearest'});
}

// ---- Wiring ----

function wire() {
  // Each panel's "?" shows or hides its two sentences.
  document.querySelectorAll('button.help').forEach(b => b.addEventListener('click', () => {
    const text = $(b.getAttribute('aria-controls'));
    text.hidden = !text.hidden;
    b.setAttribute('aria-expanded', String(!text.hidden));
  }));
  $('play').addEventListener('click', () => (state.playing ? pause() : play()));
  $('step').addEventListener('click', () => { train(() => jgrad.step()); redraw(true); graph.reopen(); });
  $('one-epoch').addEventListener('click', oneEpoch);
  $('reset').addEventListener('click', () => { pause(); if (ask(() => jgrad.reset())) { started(); } });
  $('regenerate').addEventListener('click', () => {
    // New data: the next seed draws other points (and weights); the URL keeps the seed, so links stay exact.
    const seed = state.fields.seed;
    if (seed) {
      seed.value = String((Number(seed.value) || 0) + 1);
    }
    apply(current());
  });
  for (const f of [$('data-form'), $('net-form'), $('features')]) {
    f.addEventListener('change', e => apply(dataChanged(e) ? acrossTasks(current()) : current()));
    f.addEventListener('submit', e => e.preventDefault());
  }
  $('layer-add').addEventListener('click', () => change([...state.hidden, state.hidden[state.hidden.length - 1] || state.firstWidth]));
  $('layer-remove').addEventListener('click', () => change(state.hidden.slice(0, -1)));
  $('show-test').addEventListener('change', () => {
    // Only the picture changes: keep the training going, just record the choice in the link.
    const q = new URLSearchParams(location.search);
    q.set('test', $('show-test').checked ? '1' : '0');
    history.replaceState(null, '', '?' + q.toString());
    redraw(false);
  });
  $('boundary').addEventListener('click', e => clickPlot(e));
  $('boundary').addEventListener('mousemove', e => hoverPlot(e));
  $('csv').addEventListener('change', e => readCsv(e.target));
  $('download').addEventListener('click', download);
  $('download-data').addEventListener('click', downloadData);
  $('copy-command').addEventListener('click', () => {
    const text = $('command').textContent;
    (navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.reject(new Error('no clipboard')))
      .then(() => message('copied the command line'), () => message('select the command line to copy it'));
  });
}

function dataChanged(e) {
  return e.target && e.target.name === 'data';
}

/**
 * A change of data between a regression set and any other: the features and the loss go back to the new data's
 * defaults, since a regression reads its points as they are with mse (the engine says so for a link that asks otherwise).
 */
function acrossTasks(query) {
  const q = new URLSearchParams(query);
  // A loaded file of numbers to fit is regression data too, to go to and to come from.
  const next = q.get('data');
  if (state.regressionData.includes(next) || next === 'csv' && state.loadedTask === 'regression' || regression()) {
    q.delete('features');
    q.delete('loss');
  }
  return q.toString();
}

function clickPlot(e) {
  const canvas = $('boundary');
  const r = canvas.getBoundingClientRect();
  const px = (e.clientX - r.left) * canvas.width / r.width;
  const py = (e.clientY - r.top) * canvas.height / r.height;
  if ($('click-mode').value === 'pick') {
    const i = draw.nearestTrainingPoint(canvas, state.points, state.view, px, py);
    if (i >= 0) {
      graph.pick(i);   // the panel says which point it picked, and the plot rings it
    }
    return;
  }
  const [x1, x2] = draw.toData(canvas, state.view, px, py);
  const s = ask(() => jgrad.addPoint(x1, x2, e.shiftKey ? 0 : 1));
  if (!s) {
    return;
  }
  const switched = !state.setup || state.setup.data !== (s.setup && s.setup.data);
  accepted(s);
  if (switched) {
    started();   // the first point drawn on generated data: a new data set and a new start
  } else {
    refreshPoints();
    stats(s);
    redraw(true);
  }
}

function readCsv(input) {
  const file = input.files && input.files[0];
  if (!file) {
    return;
  }
  const reader = new FileReader();
  reader.onerror = () => message(file.name + ': could not be read');
  reader.onload = () => {
    pause();
    const a = ask(() => jgrad.loadCsv(String(reader.result)));
    if (a) {
      state.loadedTask = a.task;
      accepted(a);
      started();
    }
    input.value = '';   // the same file again is a change too
  };
  reader.readAsText(file);
}

/** Hands the browser a text as a file to save. */
function save(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], {type}));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function downloadData() {
  try {
    save(jgrad.dataCsv(), 'points.csv', 'text/csv');
  } catch (e) {
    message('the data could not be written: ' + (e && e.message ? e.message : e));
  }
}

function download() {
  let text;
  try {
    text = jgrad.modelJson();
    const a = JSON.parse(text);
    if (a && a.ok === false) {
      message(a.error);
      return;
    }
  } catch (e) {
    message('the model could not be written: ' + (e && e.message ? e.message : e));
    return;
  }
  save(text, 'model.json', 'application/json');
}

function start() {
  const listed = ask(() => jgrad.controls());
  if (!listed || !listed.controls) {
    return;   // the message says why; a page without the engine's controls would offer settings that do not exist
  }
  const controls = listed.controls;
  const hidden = controls.find(c => c.key === 'hidden');
  state.maxLayers = hidden.maxLayers;
  state.maxWidth = hidden.max;
  // A first layer added to a linear model gets the engine's default width.
  state.firstWidth = Number(form.list(hidden.default)[0]) || 1;
  state.activationChoices = controls.find(c => c.key === 'activation').choices;
  state.regressionData = controls.find(c => c.key === 'data').regression || [];
  state.fields = form.build(controls, $('data-form'), $('net-form'), $('features'), $('show-test'));
  wire();
  graph.init({ask, message}, () => redraw(false));
  tour.init({ask, apply, play, pause, openGraph, stepGraph: graph.step, openExpression: panels.openExpression,
    openPanel: panels.openPanel});
  panels.mount($('panels'), {state, apply, play, pause, oneEpoch});
  const query = location.search.replace(/^\?/, '');
  if (!apply(query)) {
    // A bad link: say so, and show the defaults rather than nothing.
    const why = $('message').textContent;
    if (apply('')) {
      message(why);
    }
  }
  if (new URLSearchParams(query).get('play') === '1' && state.setup) {
    play();
  }
}

// For the browser test and the speed measurement: the engine and the page's state, nothing more.
window.playground = {jgrad, state, play, pause, apply};
start();
