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
import * as pictures from './pictures.js';
import * as readouts from './readouts.js';
import * as hover from './hover.js';
import * as files from './files.js';
import {init as initPlay, train, play, pause} from './play.js';

const $ = id => document.getElementById(id);
const state = {
  setup: null, hidden: [], features: [], history: [], view: null, points: new Float64Array(0),
  playing: false, netView: null, fields: {}, lastWeights: 0, meter: null, frames: 0, drawMs: 10, restMs: 5,
  // The network's limits, as the engine's controls give them (hidden: maxLayers, and max neurons a layer).
  maxLayers: 0, maxWidth: 0, firstWidth: 1,
  // The task of the last CSV loaded ('classification' or 'regression'): data=csv is that file's.
  loadedTask: null,
};

/** What the readouts call back: pausing at the budget or a stop, redrawing, the message. */
const page = {state, pause, redraw, message};

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
    {neuron: openGraph, resize, hover: (layer, index, button) => hover.neuron(state, layer, index, button), activation, pick: landscape.pick},
    {choices: state.activationChoices, values: layerActivations(state.hidden.length)}, state.mapGrid);
  $('layer-count').textContent = state.hidden.length + (state.hidden.length === 1 ? ' hidden layer' : ' hidden layers');
  $('layer-add').disabled = state.hidden.length >= state.maxLayers;
  $('layer-remove').disabled = state.hidden.length === 0;
  state.view = ask(() => jgrad.view());
  readouts.task(state);
  refreshPoints();
  const s = ask(() => jgrad.stats());
  if (s) {
    stats(s);
  }
  redraw(true);
  graph.reopen();
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

function stats(s) {
  return readouts.stats(page, s);
}

/** One epoch, as the "One epoch" button trains it: the readouts, curves and pictures follow. */
function oneEpoch() {
  train(() => jgrad.epoch());
  redraw(true);
  graph.reopen();
}

// ---- Pictures (pictures.js) ----

function redraw(all) {
  pictures.redraw(state, all);
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
  $('boundary').addEventListener('mousemove', e => hover.plot(state, e));
  $('csv').addEventListener('change', e => readCsv(e.target));
  $('download').addEventListener('click', () => files.download(message));
  $('download-data').addEventListener('click', () => files.downloadData(message));
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
  if (state.regressionData.includes(next) || next === 'csv' && state.loadedTask === 'regression' || pictures.regression(state)) {
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
  files.read(input, message, text => {
    pause();
    const a = ask(() => jgrad.loadCsv(text));
    if (a) {
      state.loadedTask = a.task;
      accepted(a);
      started();
    }
  });
}

function start() {
  initPlay({state, ask, stats, redraw, text: readouts.text});
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
