// The hidden space: the input plane's grid carried through the network up to a chosen layer and drawn in the
// coordinates of two of its neurons, with the points carried along, coloured by class, redrawn as it trains.
// The engine (HiddenSpace) maps every line and point; this module draws and wires.
import * as jgrad from './engine.js';
import {el, ask, section} from './panels.js';
import {css} from './draw.js';

const SIZE = 300;
const POLL_MS = 200;
const ui = {};
const st = {setup: null, latest: null, shown: null};
/** The page's {state, …}, for the data's task and colour scale. */
let page;

export function mount(root, p) {
  page = p;
  const {box, line} = ui.section = section('hidden', 'Hidden space',
    'The input plane\'s grid as two neurons of a layer see it: each line carried through the network, drawn at those '
    + 'neurons\' activations, with the points carried along. A hidden layer bends the plane so that the next layer\'s '
    + 'straight cut can separate the classes (on regression data the points are coloured by their target, on the output\'s '
    + 'scale).');
  ui.line = line;
  ui.layer = el('select', {'data-testid': 'hidden-layer'});
  ui.a = el('select', {'data-testid': 'hidden-a'});
  ui.b = el('select', {'data-testid': 'hidden-b'});
  ui.canvas = el('canvas', {width: SIZE, height: SIZE, 'data-testid': 'hidden-space', role: 'img',
    'aria-label': 'the plane carried into two neurons\' activations'});
  box.append(el('div', {class: 'row'}, el('label', {}, 'layer ', ui.layer), el('label', {}, 'horizontal: neuron ', ui.a),
    el('label', {}, 'vertical: neuron ', ui.b)), ui.canvas);
  root.append(box);
  ui.layer.addEventListener('change', () => { neurons(); refresh(); });
  ui.a.addEventListener('change', refresh);
  ui.b.addEventListener('change', refresh);
  setInterval(() => poll(p), POLL_MS);
}

function poll(page) {
  if (!page.state.setup || !ui.section.box.open) {
    return;   // a shut panel costs the training nothing
  }
  if (page.state.setup !== st.setup) {
    st.setup = page.state.setup;
    layers(page.state.hidden.length + 1);
    refresh();
    return;
  }
  const latest = page.state.history[page.state.history.length - 1];
  if (page.state.playing || latest !== st.latest) {
    st.latest = latest;
    refresh();
  }
}

function layers(count) {
  const keep = ui.layer.value;
  ui.layer.textContent = '';
  for (let l = 1; l <= count; l++) {
    ui.layer.append(el('option', {value: l}, l === count ? l + ' (output)' : 'hidden ' + l));
  }
  ui.layer.value = keep && Number(keep) <= count ? keep : '1';
  ui.widths = null;
  neurons();
}

function neurons() {
  const width = ui.widths ? ui.widths[Number(ui.layer.value) - 1] : 16;
  for (const [select, fallback] of [[ui.a, 0], [ui.b, 1]]) {
    const keep = select.value;
    select.textContent = '';
    for (let i = 0; i < width; i++) {
      select.append(el('option', {value: i}, String(i + 1)));
    }
    select.value = keep !== '' && Number(keep) < width ? keep : String(Math.min(fallback, width - 1));
  }
}

/** Opens the panel (it draws the page's setup from then on, as it trains). */
export function open() {
  ui.section.box.open = true;
  ui.section.box.scrollIntoView({block: 'nearest'});
}

export function refresh() {
  const a = ask(ui.line, () => jgrad.hiddenSpace(Number(ui.layer.value || 1), Number(ui.a.value || 0), Number(ui.b.value || 1)));
  if (!a) {
    // The line says why there is no picture (the sine has no plane to carry): not the last setup's left standing.
    ui.canvas.getContext('2d').clearRect(0, 0, SIZE, SIZE);
    st.shown = null;
    return null;
  }
  if (!ui.widths || String(ui.widths) !== String(a.widths)) {
    ui.widths = a.widths;
    neurons();
  }
  st.shown = a;
  draw(a);
  return a;
}

function draw(a) {
  const view = page.state.view;
  const range = view && view.task === 'regression' ? view.range : 0;
  const ctx = ui.canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, SIZE, SIZE);
  const [x0, x1, y0, y1] = a.box;
  const span = Math.max(x1 - x0, y1 - y0, 1e-9) * 1.1;
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const px = v => SIZE / 2 + (v - cx) / span * SIZE;
  const py = v => SIZE / 2 - (v - cy) / span * SIZE;
  ctx.strokeStyle = '#999';
  ctx.lineWidth = 1;
  for (const line of a.lines) {
    ctx.beginPath();
    for (let k = 0; k + 1 < line.length; k += 2) {
      k === 0 ? ctx.moveTo(px(line[k]), py(line[k + 1])) : ctx.lineTo(px(line[k]), py(line[k + 1]));
    }
    ctx.stroke();
  }
  for (let k = 0; k + 2 < a.points.length; k += 3) {
    ctx.beginPath();
    ctx.arc(px(a.points[k]), py(a.points[k + 1]), 2.5, 0, 2 * Math.PI);
    // Regression points are coloured by their target, on the output's scale; classes blue and orange.
    ctx.fillStyle = range ? css(a.points[k + 2] / range) : a.points[k + 2] === 1 ? '#2166ac' : '#e08214';
    ctx.fill();
  }
  ctx.fillStyle = '#555';
  ctx.font = '11px sans-serif';
  ctx.fillText('neuron ' + (Number(ui.a.value) + 1) + ' →', SIZE - 80, SIZE - 4);
  ctx.fillText('↑ neuron ' + (Number(ui.b.value) + 1), 4, 12);
}

/** For the browser tests: the last answer drawn. */
export function shown() {
  return st.shown;
}
