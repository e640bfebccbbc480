// The network diagram: the input features, each hidden neuron as a button holding a small heat map of what
// it computes, the output, and the weights as SVG edges whose colour is the sign and width the size.

const SVG = 'http://www.w3.org/2000/svg';
const NODE = 40;
const GAP = 12;
const COLUMN = 110;
const TOP = 34;

/**
 * Builds the diagram in `box` for these feature names and hidden sizes. on.neuron(layer, index) opens a
 * neuron's graph (layer from 1; hidden.length + 1 is the output); on.resize(layer, delta) changes a
 * hidden layer's width. Each neuron's canvas is mapSide pixels square, its map's grid: the engine's map is painted
 * as it comes, one pixel a cell, and the page's style scales it.
 */
export function build(box, features, hidden, on, activations, mapSide) {
  box.textContent = '';
  const sizes = [features.length, ...hidden, 1];
  const rows = Math.max(...sizes);
  const width = COLUMN * (sizes.length - 1) + NODE + 10;
  const height = TOP + rows * (NODE + GAP) + 10;
  box.style.height = height + 'px';
  // The box keeps its column's width and scrolls sideways (playground.css): a network wider than the column,
  // six layers of 16, would otherwise be drawn over the Output column.
  box.style.width = '';
  const edges = document.createElementNS(SVG, 'svg');
  edges.setAttribute('class', 'edges');
  edges.setAttribute('width', width);
  edges.setAttribute('height', height);
  if (on.pick) {
    // Not hidden from assistive technology: each edge is a button that picks its weight for the landscape.
    edges.setAttribute('aria-label', 'the weights');
  } else {
    edges.setAttribute('aria-hidden', 'true');
  }
  box.append(edges);
  const view = {box, edges, sizes, canvases: [], buttons: [], lines: null, pick: on.pick};
  if (on.pick) {
    wirePicking(view);
  }
  const at = (column, row) => [5 + COLUMN * column, TOP + row * (NODE + GAP) + (rows - sizes[column]) * (NODE + GAP) / 2];
  view.at = at;
  features.forEach((name, i) => {
    const d = document.createElement('div');
    d.className = 'input';
    d.textContent = name;
    place(d, ...at(0, i));
    box.append(d);
  });
  label(box, 'inputs', at(0, 0)[0], TOP - 16);
  for (let c = 1; c < sizes.length; c++) {
    const layer = c;
    const output = c === sizes.length - 1;
    view.canvases[c] = [];
    view.buttons[c] = [];
    if (!output) {
      const size = document.createElement('div');
      size.className = 'layer-size';
      size.append(button('+', 'one more neuron in hidden layer ' + layer, () => on.resize(layer - 1, 1), 'neurons-add-' + layer),
        button('−', 'one fewer neuron in hidden layer ' + layer, () => on.resize(layer - 1, -1), 'neurons-remove-' + layer));
      if (activations) {
        // This layer's own activation (the form's sets every layer's).
        const pick = document.createElement('select');
        pick.className = 'layer-activation';
        pick.dataset.testid = 'activation-' + layer;
        pick.setAttribute('aria-label', 'activation of hidden layer ' + layer);
        for (const id of activations.choices) {
          const o = document.createElement('option');
          o.value = id;
          o.textContent = id;
          pick.append(o);
        }
        pick.value = activations.values[layer - 1];
        pick.addEventListener('change', () => on.activation(layer - 1, pick.value));
        size.append(pick);
      }
      const [x] = at(c, 0);
      size.style.left = x + 'px';
      size.style.top = '0px';
      box.append(size);
    }
    label(box, output ? 'output' : sizes[c] + (sizes[c] === 1 ? ' neuron' : ' neurons'), at(c, 0)[0], TOP - 16);
    for (let i = 0; i < sizes[c]; i++) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'neuron';
      b.dataset.testid = output ? 'neuron-out' : 'neuron-' + layer + '-' + i;
      b.setAttribute('aria-label', output ? 'the output neuron: open its graph'
        : 'neuron ' + (i + 1) + ' of hidden layer ' + layer + ': open its graph');
      const canvas = document.createElement('canvas');
      canvas.width = mapSide;
      canvas.height = mapSide;
      const mark = document.createElement('span');
      mark.className = 'grad-mark';
      b.append(canvas, mark);
      b.addEventListener('click', () => on.neuron(layer, i));
      b.addEventListener('mouseenter', () => on.hover && on.hover(layer, i, b));
      b.addEventListener('focus', () => on.hover && on.hover(layer, i, b));
      place(b, ...at(c, i));
      box.append(b);
      if (on.pick) {
        // The neuron's bias, as a parameter the landscape can vary (its id as the engine's: layer-neuron-inputs).
        const bias = button('b', 'bias of ' + neuronName(sizes, layer - 1, i) + ': pick it for the loss landscape',
          () => on.pick((layer - 1) + '-' + i + '-' + sizes[c - 1]), 'bias-' + layer + '-' + i);
        bias.className = 'bias-pick';
        const [bx, by] = at(c, i);
        place(bias, bx - 14, by + NODE - 14);
        box.append(bias);
      }
      view.canvases[c].push(canvas);
      view.buttons[c].push(b);
    }
  }
  return view;
}

/**
 * Every edge as an SVG line, made once with the diagram (the largest network has 1,300): a redraw only restyles them.
 * An edge's numbers are said in its title, written when the mouse comes over it rather than on every redraw.
 */
function edges(view) {
  const centre = (c, r) => {
    const [x, y] = view.at(c, r);
    return [x + NODE / 2, y + NODE / 2];
  };
  view.lines = [];
  for (let k = 0; k + 1 < view.sizes.length; k++) {
    view.lines[k] = [];
    for (let j = 0; j < view.sizes[k + 1]; j++) {
      view.lines[k][j] = [];
      for (let i = 0; i < view.sizes[k]; i++) {
        const [x1, y1] = centre(k, i);
        const [x2, y2] = centre(k + 1, j);
        const line = document.createElementNS(SVG, 'line');
        line.setAttribute('x1', x1 + NODE / 2);
        line.setAttribute('y1', y1);
        line.setAttribute('x2', x2 - NODE / 2);
        line.setAttribute('y2', y2);
        line.append(document.createElementNS(SVG, 'title'));
        line.dataset.edge = k + ',' + j + ',' + i;
        if (view.pick) {
          pickable(line, k + '-' + j + '-' + i, 'w' + (i + 1) + ' of ' + neuronName(view.sizes, k, j), k + j + i === 0);
        }
        view.edges.append(line);
        view.lines[k][j][i] = line;
      }
    }
  }
  view.edges.addEventListener('mouseover', e => {
    const line = e.target.closest && e.target.closest('line');
    if (line && view.numbers) {
      const [k, j, i] = line.dataset.edge.split(',').map(Number);
      line.firstChild.textContent = edgeTitle(view, k, j, i);
    }
  });
}

/** Where neuron j of layer k (from 0, the first hidden layer's) starts in the diagram's numbers: 2·inputs + 3 each. */
function neuronAt(view, k, j) {
  let at = 0;
  for (let l = 0; l < k; l++) {
    at += view.sizes[l + 1] * (2 * view.sizes[l] + 3);
  }
  return at + j * (2 * view.sizes[k] + 3);
}

function edgeTitle(view, k, j, i) {
  const n = view.sizes[k];
  const at = neuronAt(view, k, j);
  const w = view.numbers[at + i];
  const g = view.numbers[at + n + 1 + i];
  return 'w = ' + w.toPrecision(4) + (Number.isFinite(g) ? ', dL/dw = ' + g.toPrecision(3) : '') + ' ('
    + (k === 0 ? 'input ' : 'layer ' + k + ' neuron ') + (i + 1) + ' → '
    + (k + 1 === view.sizes.length - 1 ? 'output' : 'layer ' + (k + 1) + ' neuron ' + (j + 1)) + ')';
}

const FLAGS = ['', 'saturated', 'dead'];

/**
 * Restyles the edges and the neurons from the engine's diagram numbers (jgrad.diagram(): per neuron, layer after layer,
 * its input weights, bias, the gradient of each and its flag): an edge's colour is the weight's sign, its width the size;
 * a neuron's side bar is its gradient's size, and a dashed frame flags it saturated or dead.
 */
export function weights(view, numbers) {
  view.numbers = numbers;
  if (!numbers || numbers.length !== neuronAt(view, view.sizes.length - 1, 0)) {
    view.edges.style.visibility = 'hidden';
    return;
  }
  view.edges.style.visibility = '';
  if (!view.lines) {
    edges(view);
  }
  for (let k = 0; k + 1 < view.sizes.length; k++) {
    const n = view.sizes[k];
    for (let j = 0; j < view.sizes[k + 1]; j++) {
      const at = neuronAt(view, k, j);
      neuron(view.buttons[k + 1][j], numbers, at, n);
      for (let i = 0; i < n; i++) {
        edge(view.lines[k][j][i], numbers[at + i]);
      }
    }
  }
}

function neuron(b, numbers, at, n) {
  const flag = FLAGS[numbers[at + 2 * n + 2]] || '';
  let sum = 0;
  let any = false;
  for (let i = 0; i <= n; i++) {
    const v = numbers[at + n + 1 + i];
    if (Number.isFinite(v)) {
      sum += v * v;
      any = true;
    }
  }
  const size = any ? Math.sqrt(sum) : NaN;
  // The gradient's size as a bar up the neuron's side: a decade a sixth of its height, from 1e-6 to 1.
  const height = (Number.isFinite(size) && size > 0 ? Math.max(0, Math.min(1, (Math.log10(size) + 6) / 6)) * 100 : 0).toFixed(1) + '%';
  // What hover says is read from these; the page's look only from the flag and the bar, written when they change.
  b.dataset.bias = String(numbers[at + n]);
  b.dataset.gradSize = String(size);
  if (b.dataset.flag !== flag) {
    b.dataset.flag = flag;
    b.classList.toggle('saturated', flag === 'saturated');
    b.classList.toggle('dead', flag === 'dead');
  }
  const mark = b.querySelector('.grad-mark');
  if (mark && mark.style.height !== height) {
    mark.style.height = height;
  }
}

/**
 * A weight the training overflowed is not finite: no edge, and the page's message says why. An edge's style is written
 * only when it changes, its width in steps of 0.1 px and its opacity in steps of 0.05 (finer steps do not show):
 * restyling every edge of the largest network (1,300) five times a second made the browser recompute the style of each,
 * and at two decimals most of them changed every time.
 */
function edge(line, w) {
  const style = !Number.isFinite(w) ? 'hidden' : (w >= 0 ? '#2166ac' : '#e08214') + ' '
    + (0.5 + Math.min(5, Math.abs(w) * 2)).toFixed(1) + ' ' + (Math.round(20 * (0.35 + Math.min(0.6, Math.abs(w) / 2))) / 20).toFixed(2);
  if (line.jgradStyle === style) {
    return;
  }
  line.jgradStyle = style;
  if (style === 'hidden') {
    line.setAttribute('visibility', 'hidden');
    return;
  }
  const [stroke, width, opacity] = style.split(' ');
  line.removeAttribute('visibility');
  line.setAttribute('stroke', stroke);
  line.setAttribute('stroke-width', width);
  line.setAttribute('stroke-opacity', opacity);
}

/** "the output", or "neuron j+1 of hidden layer k+1" (k, j from 0). */
function neuronName(sizes, k, j) {
  return k + 2 === sizes.length ? 'the output' : 'neuron ' + (j + 1) + ' of hidden layer ' + (k + 1);
}

/**
 * An edge that picks its weight for the loss landscape (by the engine's id of it). The edges are one tab stop (first: the
 * first edge), the arrow keys moving among them, so that a large network's thousand weights do not stand between the
 * keyboard and the rest of the page.
 */
function pickable(line, id, what, first) {
  line.dataset.param = id;
  line.dataset.testid = 'edge-' + id;
  line.setAttribute('class', 'edge');
  line.setAttribute('tabindex', first ? '0' : '-1');
  line.setAttribute('role', 'button');
  line.setAttribute('aria-label', 'weight ' + what + ': Enter picks it for the loss landscape, the arrow keys go to the next edge');
}

/** The edges' clicks and keys, heard once on their picture: a click, Enter or space picks; the arrows rove (see pickable). */
function wirePicking(view) {
  view.edges.addEventListener('click', e => e.target.dataset && e.target.dataset.param && view.pick(e.target.dataset.param));
  view.edges.addEventListener('keydown', e => {
    const param = e.target.dataset && e.target.dataset.param;
    if (!param) {
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      view.pick(param);
      return;
    }
    const step = {ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1}[e.key];
    if (step) {
      e.preventDefault();
      const all = [...view.edges.querySelectorAll('line.edge')];
      const next = all[(all.indexOf(e.target) + step + all.length) % all.length];
      e.target.setAttribute('tabindex', '-1');
      next.setAttribute('tabindex', '0');
      next.focus();
    }
  });
}

/** The selected neuron gets a visible frame (besides colour: a thicker border). */
export function select(view, layer, index) {
  view.buttons.forEach((column, c) => column && column.forEach((b, i) => {
    const on = c === layer && i === index;
    b.classList.toggle('selected', on);
    b.setAttribute('aria-pressed', on ? 'true' : 'false');
  }));
}

function place(el, x, y) {
  el.style.left = x + 'px';
  el.style.top = y + 'px';
}

function label(box, text, x, y) {
  const l = document.createElement('div');
  l.className = 'layer-label';
  l.textContent = text;
  l.style.left = x + 'px';
  l.style.top = y + 'px';
  box.append(l);
}

function button(text, aria, click, testid) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.setAttribute('aria-label', aria);
  b.dataset.testid = testid;
  b.addEventListener('click', click);
  return b;
}
