// The optimizer race: the page's setup against variants of it (one per line: the controls each changes), on
// the same data from the same initial weights, trained side by side. The engine (Race) trains and measures;
// this module draws the overlaid loss curves and each racer's small boundary, and wires the controls.
import * as jgrad from './engine.js';
import {el, ask, section} from './panels.js';

const COLOURS = ['#2166ac', '#e08214', '#1b7837', '#762a83'];
const EXTRA = ['optimizer=sgd&lr=0.01', 'batch=1', 'optimizer=adamw&lr=0.01'];
const FRAME_MS = 60;
const MAP = 90;
const MAP_GRID = 30;
/** The small boundaries are redrawn at most this often: drawing four each frame took a tenth of the racers' time. */
const MAP_MS = 250;

const ui = {};
const st = {running: false, curves: [], racers: [], timer: 0, epochsPerSecond: 0, mapsAt: 0};

let page;

export function mount(root, p) {
  page = p;
  const {box, line} = ui.section = section('race', 'Optimizer race',
    'Two to four setups, each the page\'s setup with the controls on its line changed, train side by side on the same '
    + 'data from the same initial weights. Their training losses are overlaid, each one\'s boundary drawn small, with '
    + 'the epoch at which its training accuracy first reached the target (on regression data: its training R², '
    + 'and each small map is its output in the target\'s units).');
  ui.line = line;
  ui.setups = el('textarea', {rows: 4, cols: 40, 'data-testid': 'race-setups', spellcheck: 'false'});
  ui.setups.value = 'optimizer=sgd&lr=0.1\noptimizer=adam&lr=0.01';
  const add = el('button', {type: 'button', 'data-testid': 'race-add'}, 'Add a setup');
  ui.target = el('input', {type: 'number', min: '0', max: '1', step: '0.01', value: '0.9', 'data-testid': 'race-target', style: 'width:5em'});
  ui.run = el('button', {type: 'button', 'data-testid': 'race-run', 'aria-pressed': 'false'}, 'Start the race');
  ui.same = el('p', {class: 'slice', 'data-testid': 'race-same'});
  ui.curves = el('canvas', {width: 420, height: 180, role: 'img', 'aria-label': 'training loss of each racer by epoch',
    'data-testid': 'race-curves'});
  ui.maps = el('div', {class: 'small-maps', 'data-testid': 'race-maps'});
  const area = el('div', {'data-testid': 'race'}, ui.same, ui.curves, ui.maps);
  box.append(el('div', {class: 'row'}, el('label', {}, 'setups, one per line ', ui.setups)),
    el('div', {class: 'row'}, add, el('label', {}, ui.targetName = el('span', {'data-testid': 'race-target-name'}, 'target accuracy '), ui.target), ui.run), area);
  root.append(box);
  add.addEventListener('click', () => {
    const lines = ui.setups.value.split('\n').filter(l => l.trim());
    if (lines.length >= 4) {
      ui.line.textContent = 'a race has at most 4 setups';
      return;
    }
    lines.push(EXTRA[lines.length - 1] || EXTRA[0]);
    ui.setups.value = lines.join('\n');
  });
  ui.run.addEventListener('click', () => (st.running ? stop() : start()));
  box.addEventListener('toggle', () => !box.open && st.running && stop());   // a shut panel trains nothing
}

/** Opens the panel and starts a race of these setups (one per line), as if typed; false if the engine refused them. */
export function race(setups) {
  ui.section.box.open = true;
  ui.setups.value = setups;
  ui.section.box.scrollIntoView({block: 'nearest'});
  return start();
}

/** Starts a new race from the setups typed; false if the engine refused them. */
export function start() {
  const a = ask(ui.line, () => jgrad.raceStart(ui.setups.value, Number(ui.target.value)));
  if (!a) {
    return false;
  }
  st.racers = a.racers;
  // What the target is: a training accuracy, or on regression data a training R² (the engine says which).
  st.measure = a.measure || 'accuracy';
  ui.targetName.textContent = 'target ' + st.measure + ' ';
  st.curves = a.racers.map(() => []);
  st.lo = Infinity;
  st.hi = -Infinity;
  ui.same.textContent = a.sameStart
    ? 'The same start, bit for bit: every setup begins from the same initial weights, on the same data.'
    : 'Not the same start: a setup changes the seed or the initialisation, so its initial weights differ.';
  ui.maps.textContent = '';
  ui.figures = a.racers.map((r, i) => {
    const canvas = el('canvas', {width: MAP, height: MAP, 'data-testid': 'race-map-' + i, role: 'img',
      'aria-label': 'boundary of ' + r.label});
    const caption = el('figcaption', {style: 'color:' + COLOURS[i]});
    ui.maps.append(el('figure', {}, canvas, caption));
    return {canvas, caption};
  });
  st.running = true;
  st.mapsAt = 0;
  st.started = performance.now();
  ui.run.textContent = 'Stop the race';
  ui.run.setAttribute('aria-pressed', 'true');
  clearInterval(st.timer);
  st.timer = setInterval(tick, FRAME_MS);
  setTimeout(tick, 0);   // the first round now, not a tick's interval later
  return true;
}

export function stop() {
  st.running = false;
  clearInterval(st.timer);
  if (ui.figures) {
    st.mapsAt = 0;
    draw();   // the boundaries where the racers stopped
  }
  ui.run.textContent = 'Start the race';
  ui.run.setAttribute('aria-pressed', 'false');
}

function tick() {
  if (!st.running) {
    return;
  }
  const from = st.curves.length ? Math.min(...st.curves.map(c => (c.length ? c[c.length - 1][0] : 0))) : 0;
  const a = ask(ui.line, () => jgrad.raceTrain(FRAME_MS - 15, Number(ui.target.value), from));
  if (!a) {
    stop();
    return;
  }
  a.racers.forEach((r, i) => {
    const have = st.curves[i].length ? st.curves[i][st.curves[i].length - 1][0] : 0;
    for (const row of r.curve) {
      if (row[0] > have) {
        st.curves[i].push(row);
        // The loss axis's ends, kept as rows come rather than found again among every row each tick.
        if (Number.isFinite(row[1]) && row[1] > 0) {
          st.lo = Math.min(st.lo, row[1]);
          st.hi = Math.max(st.hi, row[1]);
        }
      }
    }
  });
  st.racers = a.racers;
  const epochs = Math.min(...a.racers.map(r => r.epoch));
  st.epochsPerSecond = epochs / ((performance.now() - st.started) / 1000);
  draw();
  if (a.racers.every(r => r.stopped)) {
    stop();
  }
}

function draw() {
  const c = ui.curves;
  const ctx = c.getContext('2d');
  ctx.clearRect(0, 0, c.width, c.height);
  let epochs = 1;
  for (const cv of st.curves) {
    epochs = Math.max(epochs, cv.length ? cv[cv.length - 1][0] : 1);
  }
  if (st.hi > 0) {
    const lo = Math.log(st.lo), hi = Math.log(st.hi);
    const y = v => 10 + (c.height - 30) * (hi > lo ? (hi - Math.log(v)) / (hi - lo) : 0.5);
    st.curves.forEach((cv, i) => {
      ctx.strokeStyle = COLOURS[i];
      ctx.beginPath();
      // About a row a pixel: a long race's thousands of rows would draw many to the same pixel every tick.
      const every = Math.max(1, Math.floor(cv.length / (c.width - 50)));
      let started = false;
      for (let k = 0; k < cv.length; k++) {
        const r = cv[k];
        if ((k % every !== 0 && k !== cv.length - 1) || !(Number.isFinite(r[1]) && r[1] > 0)) {
          continue;
        }
        const x = 40 + (c.width - 50) * r[0] / epochs;
        started ? ctx.lineTo(x, y(r[1])) : ctx.moveTo(x, y(r[1]));
        started = true;
      }
      ctx.stroke();
    });
    ctx.fillStyle = '#555';
    ctx.font = '11px sans-serif';
    ctx.fillText(st.hi.toPrecision(2), 2, 14);
    ctx.fillText(st.lo.toPrecision(2), 2, c.height - 20);
    ctx.fillText('epoch ' + epochs + ' (training loss, log scale)', 40, c.height - 4);
  }
  const maps = performance.now() - st.mapsAt >= MAP_MS;
  if (maps) {
    st.mapsAt = performance.now();
  }
  st.racers.forEach((r, i) => {
    const f = ui.figures[i];
    const caption = r.label + ': epoch ' + r.epoch + (r.reached !== null ? ', reached ' + st.measure + ' '
      + ui.target.value + ' at epoch ' + r.reached : ', ' + st.measure + ' ' + ui.target.value + ' not reached') + (r.stopped ? ' — ' + r.stopped : '');
    if (f.caption.textContent !== caption) {
      f.caption.textContent = caption;
    }
    if (maps) {
      map(f, jgrad.raceBoundary(i, MAP_GRID));
    }
  });
}

/** A racer's boundary into its figure's canvas, through image data and a small canvas kept with the figure. */
function map(f, values) {
  const n = Math.round(Math.sqrt(values.length));
  if (!n) {
    return;
  }
  if (!f.small || f.small.width !== n) {
    f.small = new OffscreenCanvas(n, n);
    f.image = new ImageData(n, n);
  }
  const img = f.image;
  const view = page && page.state.view;
  const regression = view && view.task === 'regression';
  for (let k = 0; k < n * n; k++) {
    // A margin (0 on the boundary), or a regression's output over the targets' range.
    const t = Math.max(-1, Math.min(1, regression ? values[k] / view.range : values[k] * 2));
    // blue for class 1 (positive margin), orange for class 0, as the page's boundary
    img.data[4 * k] = t > 0 ? 255 - 222 * t : 255 + 31 * t;
    img.data[4 * k + 1] = t > 0 ? 255 - 153 * t : 255 + 125 * t;
    img.data[4 * k + 2] = t > 0 ? 255 - 83 * t : 255 + 235 * t;
    img.data[4 * k + 3] = 255;
  }
  f.small.getContext('2d').putImageData(img, 0, 0);
  const ctx = f.canvas.getContext('2d');
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(f.small, 0, 0, f.canvas.width, f.canvas.height);
}

/** For the browser tests: the curves so far, and the epochs per second of the slowest racer. */
export function shown() {
  return {curves: st.curves, racers: st.racers, epochsPerSecond: st.epochsPerSecond, running: st.running};
}
