// Numbers on hover: every neuron's activation at the plot's point under the mouse, for the neuron under the mouse to say.
import * as jgrad from './engine.js';
import * as draw from './draw.js';

const $ = id => document.getElementById(id);

/** The plot's point under the mouse: every neuron's activation there, kept in state.hover. */
export function plot(state, e) {
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
export function neuron(state, layer, index, button) {
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
