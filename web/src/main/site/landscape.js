// The loss landscape: the training loss over a window of two parameters (the rest held where they are), the
// optimizer's path on it as the network trains, and "be the optimizer": drag the point (or move it with the
// arrow keys) and read the loss. The engine (Landscape) computes every number; this module draws and wires.
import * as jgrad from './engine.js';
import {el, ask, section} from './panels.js';

const GRID = 50;
const SIZE = 300;
/** Recompute the surface when another parameter has moved a tenth of the window, at most this often. */
const STALE = 0.1;
const RECOMPUTE_MS = 2000;
const POLL_MS = 150;
/**
 * While training plays, a surface is computed a slice per task, between frames: each slice a third as long as the
 * time since the last one ended (from SLICE_MS to MAX_SLICE_MS), so the surface has a quarter of the machine and
 * training three quarters, whatever a frame costs. A fixed slice a fixed time apart starved the surface when frames
 * were long (a busy machine): 13 s from request to map.
 */
const SLICE_MS = 10;
const MAX_SLICE_MS = 40;
const SHARE = 1 / 4;
/**
 * A slow-motion preset (the engine says which) trains one epoch a tick instead of playing, so that every step's point
 * is on the path: a full batch is one step an epoch, and playing would run dozens of them between two looks.
 */
const SLOW_MS = 60;
const SLOW_EPOCHS = 150;

let page;
const ui = {};
const st = {surface: null, path: [], setup: null, latest: null, computedAt: 0, point: null, job: false, count: 0, slowest: 0,
  presets: [], presetKeys: []};

export function mount(root, p) {
  page = p;
  const {box, line} = ui.section = section('landscape', 'Loss landscape',
    'The colour is the training loss as two chosen parameters vary over a window around their values, every other '
    + 'parameter held where it is; the white line is the path training takes them along. Drag the point, or move it '
    + 'with the arrow keys, to be the optimizer yourself and read the loss.');
  ui.line = line;
  ui.a = el('select', {'data-testid': 'landscape-param-a'});
  ui.b = el('select', {'data-testid': 'landscape-param-b'});
  ui.canvas = el('canvas', {width: SIZE, height: SIZE, tabindex: '0', 'data-testid': 'landscape', role: 'img',
    'aria-label': 'the training loss over the two parameters; arrow keys move the point'});
  ui.readout = el('p', {class: 'explain', 'data-testid': 'landscape-readout', 'aria-live': 'polite'});
  ui.slice = el('p', {class: 'slice', 'data-testid': 'landscape-slice'});
  const recompute = el('button', {type: 'button', 'data-testid': 'landscape-recompute'}, 'Recompute');
  // The presets are the engine's (LandscapePreset): their ids, words and setups, and which keys applying one resets.
  const listed = ask(line, () => jgrad.landscapePresets());
  st.presets = listed ? listed.presets : [];
  st.presetKeys = listed ? listed.keys : [];
  const presets = st.presets.map(({id, label, query, explain, slow}) => {
    const b = el('button', {type: 'button', 'data-testid': id, title: explain, 'aria-label': label + ': ' + explain}, label);
    b.addEventListener('click', () => preset(query, slow));
    return b;
  });
  ui.slot = el('select', {'data-testid': 'landscape-pick-slot'},
    el('option', {value: 'a'}, 'horizontal (then vertical)'), el('option', {value: 'b'}, 'vertical (then horizontal)'));
  box.append(el('div', {class: 'row'}, el('label', {}, 'horizontal ', ui.a), el('label', {}, 'vertical ', ui.b), recompute),
    el('div', {class: 'row'}, el('label', {}, 'a weight edge or a bias\'s "b" pressed in the network picks the ', ui.slot)),
    el('div', {class: 'row', role: 'group', 'aria-label': 'Presets'}, 'presets: ', ...presets),
    ui.canvas, ui.readout, ui.slice);
  root.append(box);
  ui.a.addEventListener('change', () => refresh(true));
  ui.b.addEventListener('change', () => refresh(true));
  recompute.addEventListener('click', () => refresh(false));
  wireDrag();
  setInterval(poll, POLL_MS);
}

/** Opens the panel and applies the preset with this data-testid (the tour's "lr too large" is landscape-preset-large). */
export function usePreset(id) {
  const found = st.presets.find(p => p.id === id);
  if (!found) {
    ui.line.textContent = 'no preset ' + id;
    return;
  }
  ui.section.box.open = true;
  preset(found.query, found.slow);
  ui.section.box.scrollIntoView({block: 'nearest'});
}

function preset(query, slow) {
  clearInterval(st.slow);
  const q = new URLSearchParams(location.search);
  st.presetKeys.forEach(k => q.delete(k));
  for (const [k, v] of new URLSearchParams(query)) {
    q.set(k, v);
  }
  page.pause();
  if (!page.apply(q.toString())) {
    return;
  }
  if (!slow) {
    page.play();
    return;
  }
  st.setup = page.state.setup;
  parameters();
  compute(true);
  let left = SLOW_EPOCHS;
  st.slow = setInterval(() => {
    // Play, another setup or the budget ends the slow motion.
    if (page.state.playing || page.state.setup !== st.setup || page.state.atBudget || left-- <= 0) {
      clearInterval(st.slow);
      return;
    }
    page.oneEpoch();
    record();
  }, SLOW_MS);
}

/** A new setup: the parameters again (keeping the chosen ones if they still exist), a fresh path. */
function parameters() {
  const a = ask(ui.line, () => jgrad.landscapeParams());
  if (!a) {
    return;
  }
  const keep = [ui.a.value, ui.b.value];
  for (const [select, fallback, k] of [[ui.a, a.a, 0], [ui.b, a.b, 1]]) {
    select.textContent = '';
    for (const p of a.params) {
      select.append(el('option', {value: p.id}, p.name));
    }
    select.value = a.params.some(p => p.id === keep[k]) ? keep[k] : fallback;
  }
}

/**
 * A parameter picked in the network picture (its id, as the engine's list has it) becomes the landscape's horizontal
 * or vertical one, as the slot says, and the slot moves to the other; picking the other axis's parameter swaps them.
 */
export function pick(id) {
  if (![...ui.a.options].some(o => o.value === id)) {
    parameters();
  }
  const [mine, other] = ui.slot.value === 'a' ? [ui.a, ui.b] : [ui.b, ui.a];
  if (other.value === id) {
    other.value = mine.value;
  }
  mine.value = id;
  ui.slot.value = ui.slot.value === 'a' ? 'b' : 'a';
  ui.section.box.open = true;
  st.setup = page.state.setup;
  compute(true);
  ui.readout.textContent = 'picked ' + mine.selectedOptions[0].textContent + ' as the ' + (mine === ui.a ? 'horizontal' : 'vertical')
    + ' parameter; ' + ui.readout.textContent;
}

/**
 * Computes the surface at once and draws it; restart: the path starts again (other parameters chosen). Answers the
 * milliseconds from the request to the drawn map.
 */
export function compute(restart) {
  const t = performance.now();
  st.job = false;   // a surface under way is superseded
  const s = ask(ui.line, () => jgrad.landscape(ui.a.value, ui.b.value, GRID));
  if (!s) {
    return null;
  }
  show(s, restart);
  st.ms = st.wall = performance.now() - t;
  return st.ms;
}

/** The surface again: at once when paused, else a slice at a time so that training keeps its frames. */
function refresh(restart) {
  return page.state.playing ? computeLater(restart) : compute(restart);
}

/** Starts the surface and computes it a slice per task while training plays; shown when the last cell is done. */
function computeLater(restart) {
  st.computedAt = Date.now();
  if (!ask(ui.line, () => jgrad.landscapeBegin(ui.a.value, ui.b.value, GRID))) {
    return;
  }
  const job = st.job = {restart, ms: 0, start: performance.now(), last: performance.now()};
  const slice = () => {
    if (st.job !== job) {
      return;
    }
    const t = performance.now();
    const s = ask(ui.line, () => jgrad.landscapeMore(
      Math.min(MAX_SLICE_MS, Math.max(SLICE_MS, (t - job.last) * SHARE / (1 - SHARE)))));
    job.last = performance.now();
    job.ms += job.last - t;
    st.slowest = Math.max(st.slowest, job.last - t);
    if (s && !s.done) {
      setTimeout(slice, 0);
    } else {
      st.job = false;
      if (s) {
        show(s, job.restart);
        st.ms = job.ms;
        st.wall = performance.now() - job.start;
      }
    }
  };
  setTimeout(slice, 0);
}

function show(s, restart) {
  st.computedAt = Date.now();
  st.count++;
  s.loss = jgrad.landscapeLoss();
  st.surface = s;
  if (restart) {
    st.path = [];
  }
  st.point = null;
  ui.slice.textContent = s.slice;
  ui.readout.textContent = 'loss now ' + fmt(s.at) + ' at ' + s.aName + ' = ' + fmt(s.a0) + ', ' + s.bName + ' = ' + fmt(s.b0);
  draw();
}

function poll() {
  if (!page.state.setup || !ui.section.box.open) {
    return;   // a shut panel costs the training nothing
  }
  if (page.state.setup !== st.setup) {
    st.setup = page.state.setup;
    parameters();
    refresh(true);
    return;
  }
  const latest = page.state.history[page.state.history.length - 1];
  if (!page.state.playing && latest === st.latest) {
    return;
  }
  st.latest = latest;
  record();
}

/** Puts where training has the two parameters now on the path; recomputes the surface when the others moved far. */
function record() {
  const now = ask(ui.line, () => jgrad.landscapeNow(ui.a.value, ui.b.value));
  if (!now || !Number.isFinite(now.a) || !Number.isFinite(now.b)) {
    return;
  }
  const last = st.path[st.path.length - 1];
  if (!last || last[0] !== now.a || last[1] !== now.b) {
    st.path.push([now.a, now.b]);
  }
  if (now.moved > STALE && !st.job && Date.now() - st.computedAt > RECOMPUTE_MS) {
    computeLater(false);   // the path is drawn on the old surface until the new one is done
  }
  draw();
}

function toPixel(a, b) {
  const s = st.surface;
  return [(a - s.aLo) / (s.aHi - s.aLo) * SIZE, (s.bHi - b) / (s.bHi - s.bLo) * SIZE];
}

function toValue(px, py) {
  const s = st.surface;
  return [s.aLo + px / SIZE * (s.aHi - s.aLo), s.bHi - py / SIZE * (s.bHi - s.bLo)];
}

function draw() {
  const s = st.surface;
  const ctx = ui.canvas.getContext('2d');
  if (!s) {
    return;
  }
  const img = new ImageData(s.n, s.n);
  const lo = Math.log(Math.max(s.lo, 1e-12));
  const hi = Math.log(Math.max(s.hi, 1e-12));
  for (let k = 0; k < s.loss.length; k++) {
    const v = s.loss[k];
    const t = !Number.isFinite(v) ? 1 : hi > lo ? (Math.log(Math.max(v, 1e-12)) - lo) / (hi - lo) : 0;
    // low loss dark blue, high loss pale yellow
    img.data[4 * k] = 20 + 235 * t;
    img.data[4 * k + 1] = 40 + 200 * t;
    img.data[4 * k + 2] = 110 + 50 * (1 - t) + 20 * t;
    img.data[4 * k + 3] = 255;
  }
  const small = new OffscreenCanvas(s.n, s.n);
  small.getContext('2d').putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(small, 0, 0, SIZE, SIZE);
  ctx.strokeStyle = '#fff';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  st.path.forEach(([a, b], i) => {
    const [x, y] = toPixel(a, b);
    i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y);
  });
  ctx.stroke();
  const here = st.path.length ? st.path[st.path.length - 1] : [s.a0, s.b0];
  dot(ctx, here, '#fff', '#222');
  if (st.point) {
    dot(ctx, st.point, '#e08214', '#fff');
  }
}

function dot(ctx, [a, b], fill, stroke) {
  const [x, y] = toPixel(a, b);
  ctx.beginPath();
  ctx.arc(x, y, 5, 0, 2 * Math.PI);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.strokeStyle = stroke;
  ctx.stroke();
}

/** "Be the optimizer": the loss wherever the learner puts the point. */
function wireDrag() {
  let dragging = false;
  const at = e => {
    const r = ui.canvas.getBoundingClientRect();
    return toValue((e.clientX - r.left) * SIZE / r.width, (e.clientY - r.top) * SIZE / r.height);
  };
  ui.canvas.addEventListener('pointerdown', e => {
    dragging = true;
    ui.canvas.setPointerCapture(e.pointerId);
    place(at(e));
  });
  ui.canvas.addEventListener('pointermove', e => dragging && place(at(e)));
  ui.canvas.addEventListener('pointerup', () => { dragging = false; });
  ui.canvas.addEventListener('keydown', e => {
    const s = st.surface;
    const moves = {ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1]};
    if (!s || !moves[e.key]) {
      return;
    }
    e.preventDefault();
    const [a, b] = st.point || [s.a0, s.b0];
    place([a + moves[e.key][0] * (s.aHi - s.aLo) / s.n, b + moves[e.key][1] * (s.bHi - s.bLo) / s.n]);
  });
}

/** Puts the learner's point at (a, b) and reads the loss there. */
export function place([a, b]) {
  if (!st.surface) {
    return null;
  }
  const r = ask(ui.line, () => jgrad.landscapeAt(ui.a.value, ui.b.value, a, b));
  if (!r) {
    return null;
  }
  st.point = [a, b];
  ui.readout.textContent = 'you: ' + st.surface.aName + ' = ' + fmt(a) + ', ' + st.surface.bName + ' = ' + fmt(b)
    + ' → training loss ' + fmt(r.loss) + ' (now ' + fmt(st.surface.at) + ')';
  draw();
  return r.loss;
}

function fmt(v) {
  return Number.isFinite(v) ? Number(v).toPrecision(4) : '–';
}

/**
 * For the browser tests: the surface shown, the path so far, the last surface's milliseconds of computing (ms) and from
 * its request to its drawn map (wall: the same at once, longer in slices while training plays), surfaces shown, the
 * longest slice computed in a task, whether one is being computed.
 */
export function shown() {
  return {surface: st.surface, path: st.path, ms: st.ms, wall: st.wall, count: st.count, slowest: st.slowest,
    busy: Boolean(st.job)};
}
