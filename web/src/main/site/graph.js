// The graph panel (one neuron's computational graph for one sample, its backward pass a rule at a time,
// a gradient-descent step, a gradient check) and the tour of the post. The engine draws the SVGs.
import * as jgrad from './engine.js';
import * as draw from './draw.js';

const $ = id => document.getElementById(id);
let page;
const shown = {layer: 0, index: 0, output: false, active: false};
let picked = 0;
let tourStep = 0;
/** The tour's screen on show, or null: a training screen waits for the budget to read the picture or open a graph. */
let tourScreen = null;

/** page: {ask, message, state, redraw, apply, play} from playground.js. */
export function init(p) {
  page = p;
  $('bp-step').addEventListener('click', () => show(page.ask(() => jgrad.backpropStep())));
  $('bp-run').addEventListener('click', () => show(page.ask(() => jgrad.backpropRun())));
  $('descend').addEventListener('click', () => show(page.ask(() => jgrad.descend())));
  $('grad-check').addEventListener('click', check);
  $('sample-prev').addEventListener('click', () => pick(picked - 1));
  $('sample-next').addEventListener('click', () => pick(picked + 1));
  $('graph').addEventListener('click', e => {
    const node = e.target.closest && e.target.closest('[id]');
    if (node && node.id && node.tagName.toLowerCase() !== 'svg' && $('graph').contains(node)) {
      $('check-node').value = node.id;
    }
  });
  $('tour-open').addEventListener('click', () => tour(tourStep));
  $('tour-prev').addEventListener('click', () => tour(tourStep - 1));
  $('tour-next').addEventListener('click', () => tour(tourStep + 1));
  $('tour-start').addEventListener('click', e => {
    e.preventDefault();
    tour(0);
    $('tour').scrollIntoView({block: 'nearest'});
  });
  $('tour-close').addEventListener('click', () => {
    tourScreen = null;
    $('tour').hidden = true;
    $('tour-open').setAttribute('aria-expanded', 'false');
  });
  enable(false, true);
}

/** Opens the graph of neuron (layer, index) for the current sample. */
export function open(layer, index, output) {
  Object.assign(shown, {layer, index, output, active: true});
  $('graph-of').textContent = (output ? 'of the output' : 'of neuron ' + (index + 1) + ' in hidden layer ' + layer)
    + ', training point ' + (picked + 1) + (output ? ', with the loss' : '');
  $('sample').textContent = String(picked + 1);
  $('check').textContent = '';
  show(page.ask(() => jgrad.graph(layer, output ? 0 : index, picked)));
}

/** After training or a new setup: the open graph again with the network as it now is. */
export function reopen() {
  if (shown.active) {
    const count = trainingCount();
    if (picked >= count) {
      picked = 0;
    }
    if (shown.output || shown.layer <= page.state.hidden.length && shown.index < page.state.hidden[shown.layer - 1]) {
      open(shown.output ? page.state.hidden.length + 1 : shown.layer, shown.index, shown.output);
    } else {
      shown.active = false;
      $('graph').textContent = '';
      $('explain').textContent = '';
      enable(false, true);
    }
  }
}

/** Picks training point i (wrapping) as the graph's sample. */
export function pick(i) {
  const count = Math.max(1, trainingCount());
  picked = ((i % count) + count) % count;
  $('sample').textContent = String(picked + 1);
  if (shown.active) {
    open(shown.output ? page.state.hidden.length + 1 : shown.layer, shown.index, shown.output);
  }
  page.redraw(false);
}

export function sample() {
  return shown.active ? picked : -1;
}

function trainingCount() {
  return draw.eachPoint(page.state.points, () => {});
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

/** A screen's table (its first row the header), built as elements: the engine's text is never parsed as HTML. */
function table(box, rows) {
  if (!rows) {
    return;
  }
  const t = document.createElement('table');
  t.dataset.testid = 'tour-table';
  rows.forEach((row, r) => {
    const tr = document.createElement('tr');
    for (const cell of row) {
      const c = document.createElement(r === 0 ? 'th' : 'td');
      c.textContent = cell;
      tr.append(c);
    }
    t.append(tr);
  });
  box.append(t);
}

/**
 * Playing stopped at the epoch budget: a training screen of the tour says what the boundary became (read by the engine
 * from the picture, as jgrad demo does) or opens the neuron's graph it names and fires the first rule.
 */
export function budgetReached() {
  const a = tourScreen;
  if (!a || $('tour').hidden) {
    return;
  }
  if (a.reading) {
    const r = page.ask(() => jgrad.reading());
    if (r) {
      $('tour-text').textContent = a.text + ' ' + r.text;
    }
  }
  if (a.graph) {
    page.openGraph(a.graph.layer, a.graph.index);
    show(page.ask(() => jgrad.backpropStep()));
  }
}

/** Step i of the post's tour; a step with a setup applies it and plays. */
function tour(i) {
  const a = page.ask(() => jgrad.tour(Math.max(0, i)));
  if (!a) {
    return;
  }
  tourStep = a.i;
  $('tour').hidden = false;
  $('tour-open').setAttribute('aria-expanded', 'true');
  $('tour-title').textContent = a.title || '';
  $('tour-text').textContent = a.text || '';
  $('tour-svg').innerHTML = a.svg || '';
  table($('tour-svg'), a.table);
  tourScreen = a;
  $('tour-count').textContent = 'step ' + (a.i + 1) + ' of ' + a.count;
  $('tour-prev').disabled = a.i <= 0;
  $('tour-next').disabled = a.i >= a.count - 1;
  if (a.query) {
    page.pause && page.pause();
    if (page.apply(a.query)) {
      page.play();
    }
  }
}
