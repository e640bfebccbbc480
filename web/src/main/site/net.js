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
 * hidden layer's width.
 */
export function build(box, features, hidden, on, activations) {
  box.textContent = '';
  const sizes = [features.length, ...hidden, 1];
  const rows = Math.max(...sizes);
  const width = COLUMN * (sizes.length - 1) + NODE + 10;
  const height = TOP + rows * (NODE + GAP) + 10;
  box.style.height = height + 'px';
  box.style.width = width + 'px';
  const edges = document.createElementNS(SVG, 'svg');
  edges.setAttribute('class', 'edges');
  edges.setAttribute('width', width);
  edges.setAttribute('height', height);
  // Not hidden from assistive technology: each edge is a button that picks its weight for the landscape.
  edges.setAttribute('aria-label', 'the weights');
  box.append(edges);
  const view = {box, edges, sizes, canvases: [], buttons: [], lines: [], pick: on.pick, rove: null};
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
      canvas.width = 24;
      canvas.height = 24;
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
        const name = output ? 'the output' : 'neuron ' + (i + 1) + ' of hidden layer ' + layer;
        const bias = button('b', 'bias of ' + name + ': pick it for the loss landscape',
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

/** Draws the edges from the network's weights ({"layers":[{"weights":[[..]], ..}]}, rows = neurons). */
export function weights(view, network) {
  const svg = view.edges;
  // The edges are drawn anew: an edge the keyboard is on keeps the focus.
  const focused = svg.contains(document.activeElement) ? document.activeElement.dataset.param : null;
  svg.textContent = '';
  let roving = null;
  if (!network || !network.layers) {
    return;
  }
  const centre = (c, r) => {
    const [x, y] = view.at(c, r);
    return [x + NODE / 2, y + NODE / 2];
  };
  network.layers.forEach((layer, k) => {
    (view.buttons[k + 1] || []).forEach((b, j) => {
      const flag = (layer.units || [])[j] || '';
      // Flagged by a dashed red frame, and said in the numbers on hover.
      b.classList.toggle('saturated', flag === 'saturated');
      b.classList.toggle('dead', flag === 'dead');
      const g = layer.grads && layer.grads[j];
      const size = g ? Math.sqrt(g.reduce((t, v) => t + (Number.isFinite(v) ? v * v : 0), 0)) : NaN;
      // The gradient's size as a bar up the neuron's side: a decade a sixth of its height, from 1e-6 to 1.
      const mark = b.querySelector('.grad-mark');
      if (mark) {
        mark.style.height = (Number.isFinite(size) && size > 0 ? Math.max(0, Math.min(1, (Math.log10(size) + 6) / 6)) * 100 : 0) + '%';
      }
      b.dataset.bias = layer.biases ? String(layer.biases[j]) : '';
      b.dataset.gradSize = String(size);
      b.dataset.flag = flag;
    });
    (layer.weights || []).forEach((row, j) => {
      row.forEach((w, i) => {
        // A weight the training overflowed comes as null: no edge, and the page's message says why.
        if (i >= view.sizes[k] || j >= view.sizes[k + 1] || !Number.isFinite(w)) {
          return;
        }
        const [x1, y1] = centre(k, i);
        const [x2, y2] = centre(k + 1, j);
        const line = document.createElementNS(SVG, 'line');
        line.setAttribute('x1', x1 + NODE / 2);
        line.setAttribute('y1', y1);
        line.setAttribute('x2', x2 - NODE / 2);
        line.setAttribute('y2', y2);
        line.setAttribute('stroke', w >= 0 ? '#2166ac' : '#e08214');
        line.setAttribute('stroke-width', (0.5 + Math.min(5, Math.abs(w) * 2)).toFixed(2));
        line.setAttribute('stroke-opacity', (0.35 + Math.min(0.6, Math.abs(w) / 2)).toFixed(2));
        const title = document.createElementNS(SVG, 'title');
        const g = layer.grads && layer.grads[j] ? layer.grads[j][i] : NaN;
        title.textContent = 'w = ' + w.toPrecision(4) + (Number.isFinite(g) ? ', dL/dw = ' + g.toPrecision(3) : '') + ' (' + (k === 0 ? 'input ' : 'layer ' + k + ' neuron ') + (i + 1)
          + ' → ' + (k + 1 === view.sizes.length - 1 ? 'output' : 'layer ' + (k + 1) + ' neuron ' + (j + 1)) + ')';
        line.append(title);
        if (view.pick) {
          pickable(line, k + '-' + j + '-' + i, title.textContent);
          if (line.dataset.param === view.rove || !roving) {
            roving = line;
          }
        }
        svg.append(line);
        if (focused === line.dataset.param) {
          line.focus();
        }
      });
    });
  });
  if (roving) {
    roving.setAttribute('tabindex', '0');
  }
}

/** An edge that picks its weight for the loss landscape (by the engine's id of it); reached by the keyboard as one stop. */
function pickable(line, id, what) {
  line.dataset.param = id;
  line.dataset.testid = 'edge-' + id;
  line.setAttribute('class', 'edge');
  line.setAttribute('tabindex', '-1');
  line.setAttribute('role', 'button');
  line.setAttribute('aria-label', 'weight ' + what + ': Enter picks it for the loss landscape, the arrow keys go to the next edge');
}

/**
 * The edges' clicks and keys, heard once on their picture (they are drawn anew a few times a second): a click, Enter or
 * space picks the edge; the edges are one tab stop, the arrow keys moving among them (a roving tabindex), so that a
 * large network's thousand weights do not stand between the keyboard and the rest of the page.
 */
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
      view.rove = next.dataset.param;
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
