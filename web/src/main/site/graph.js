// The graph panel: one neuron's computational graph for one training point (the engine draws the SVG), its backward
// pass a rule at a time, a gradient-descent step, a gradient check. Its own state: the neuron shown, the point picked,
// and the network's shape as the page last told it. What it is given and what it emits is init's and shape's
// contract; it reads nothing else of the page.
import * as jgrad from './engine.js';

const $ = id => document.getElementById(id);
/** What the panel shows: the neuron (layer from 1; the output is hidden.length + 1) and the training point picked. */
const panel = {layer: 0, index: 0, output: false, active: false, picked: 0, hidden: [], training: 0};
/** Given by the page at init: ask(call) (an engine answer, or null with the page's message said) and message(text). */
let page = null;
/** Told when a training point is picked, with sample()'s answer: the page rings it on its plot. */
let picked = () => {};

/**
 * Wires the panel. given: {ask, message}, the page's way to call the engine and say a line; emits: onPick(sample)
 * after a point is picked (sample() then, -1 with no graph open), so the page can ring the point on its plot.
 */
export function init(given, onPick) {
  page = given;
  picked = onPick || picked;
  $('bp-step').addEventListener('click', () => step());
  $('bp-run').addEventListener('click', () => show(page.ask(() => jgrad.backpropRun())));
  $('descend').addEventListener('click', () => show(page.ask(() => jgrad.descend())));
  $('grad-check').addEventListener('click', check);
  $('sample-prev').addEventListener('click', () => pick(panel.picked - 1));
  $('sample-next').addEventListener('click', () => pick(panel.picked + 1));
  $('graph').addEventListener('click', e => {
    const node = e.target.closest && e.target.closest('[id]');
    if (node && node.id && node.tagName.toLowerCase() !== 'svg' && $('graph').contains(node)) {
      $('check-node').value = node.id;
    }
  });
  enable(false, true);
}

/**
 * The network the graphs are of, as the page now has it: the hidden layers' sizes and how many training points there
 * are. A neuron that no longer exists closes the graph; a picked point beyond the training points goes back to the first.
 */
export function shape(hidden, training) {
  panel.hidden = hidden.slice();
  panel.training = training;
}

/** Opens the graph of neuron (layer, index) for the picked point; output: whether it is the output neuron. */
export function open(layer, index, output) {
  Object.assign(panel, {layer, index, output, active: true});
  $('graph-of').textContent = (output ? 'of the output' : 'of neuron ' + (index + 1) + ' in hidden layer ' + layer)
    + ', training point ' + (panel.picked + 1) + (output ? ', with the loss' : '');
  $('sample').textContent = String(panel.picked + 1);
  $('check').textContent = '';
  show(page.ask(() => jgrad.graph(layer, output ? 0 : index, panel.picked)));
}

/** After training or a new setup (see shape): the open graph again with the network as it now is. */
export function reopen() {
  if (!panel.active) {
    return;
  }
  if (panel.picked >= panel.training) {
    panel.picked = 0;
  }
  if (panel.output || panel.layer <= panel.hidden.length && panel.index < panel.hidden[panel.layer - 1]) {
    open(panel.output ? panel.hidden.length + 1 : panel.layer, panel.index, panel.output);
  } else {
    panel.active = false;
    $('graph').textContent = '';
    $('explain').textContent = '';
    enable(false, true);
  }
}

/** Picks training point i (wrapping) as the graph's point. */
export function pick(i) {
  const count = Math.max(1, panel.training);
  panel.picked = ((i % count) + count) % count;
  $('sample').textContent = String(panel.picked + 1);
  if (panel.active) {
    open(panel.output ? panel.hidden.length + 1 : panel.layer, panel.index, panel.output);
  }
  picked(sample());
}

/** The training point the open graph is of, or -1 when none is open. */
export function sample() {
  return panel.active ? panel.picked : -1;
}

/** Fires the next rule of the open graph's backward pass. */
export function step() {
  show(page.ask(() => jgrad.backpropStep()));
}

function show(a) {
  if (!a) {
    return;
  }
  if (a.svg !== undefined && a.svg !== null) {
    $('graph').innerHTML = a.svg;
  }
  $('explain').textContent = a.explain || '';
  const select = $('check-node');
  const chosen = select.value;
  select.textContent = '';
  // The value boxes (data-testid node-…) are what a gradient check can vary; ops and markers are not.
  const boxes = $('graph').querySelectorAll('svg [data-testid^="node-"]');
  for (const node of boxes.length > 0 ? boxes : $('graph').querySelectorAll('svg [id]')) {
    if (node.closest('defs')) {
      continue;
    }
    const o = document.createElement('option');
    o.value = node.id;
    const label = node.querySelector('.label') || node.querySelector('title');
    o.textContent = label && label.textContent ? label.textContent + ' (' + node.id + ')' : node.id;
    select.append(o);
  }
  if ([...select.options].some(o => o.value === chosen)) {
    select.value = chosen;
  }
  if (a.node) {
    const fired = $('graph').querySelector('[id="' + CSS.escape(String(a.node)) + '"]');
    if (fired) {
      fired.setAttribute('aria-current', 'step');
    }
  }
  enable(true, Boolean(a.done));
}

function enable(graphOpen, done) {
  $('bp-step').disabled = !graphOpen || done;
  $('bp-run').disabled = !graphOpen || done;
  $('descend').disabled = !graphOpen;
  $('grad-check').disabled = !graphOpen;
}

function check() {
  const node = $('check-node').value;
  if (!node) {
    page.message('pick a node of the graph first (click it, or choose it in the list)');
    return;
  }
  const a = page.ask(() => jgrad.gradientCheck(node));
  if (a) {
    $('check').textContent = 'gradient check of ' + a.node + ': backprop ' + fmt(a.backprop) + ', central difference '
      + fmt(a.numeric) + (Number.isFinite(a.backprop) && Number.isFinite(a.numeric)
        ? ' (they differ by ' + Math.abs(a.backprop - a.numeric).toExponential(2) + ')' : '');
  }
}

function fmt(v) {
  return Number.isFinite(v) ? Number(v).toPrecision(6) : String(v);
}
