// The expression panel: the learner types an expression and its values, steps its forward pass node by node,
// its backward pass rule by rule, checks a gradient and takes one gradient step. The engine (ExpressionPanel)
// evaluates, steps and draws; this module only wires. Its state: the expression and values (also in the hash).
import * as jgrad from './engine.js';
import {el, ask, section, hashValue, setHash} from './panels.js';

const DEFAULT_EXPRESSION = 'tanh(x1*w1 + x2*w2 + b)';
const DEFAULT_VALUES = 'x1=2, w1=-3, x2=0, w2=1, b=6.8813735870195432';
const ui = {};

export function mount(root) {
  const {box, line} = section('expr', 'Type an expression',
    'Type a formula over named values, as the post writes its neuron, and the engine builds its computational graph. '
    + 'Step the forward pass node by node, then the backward pass rule by rule, check a gradient against a central '
    + 'difference, and take one step of gradient descent on the values you choose.', true);
  ui.line = line;
  ui.box = box;
  ui.input = el('input', {id: 'expr-input', 'data-testid': 'expr-input', size: 36, spellcheck: 'false', autocomplete: 'off'});
  ui.values = el('input', {id: 'expr-values', 'data-testid': 'expr-values', size: 40, spellcheck: 'false', autocomplete: 'off'});
  const draw = el('button', {type: 'submit', 'data-testid': 'expr-draw'}, 'Draw the graph');
  const form = el('form', {class: 'row', novalidate: true},
    el('label', {}, 'expression ', ui.input), el('label', {}, 'values ', ui.values), draw);
  form.addEventListener('submit', e => {
    e.preventDefault();
    open(true);
  });
  ui.forward = button('expr-forward-step', 'Forward step', 'compute the next node');
  ui.backward = button('expr-backward-step', 'Backward step', 'fire the next local rule');
  ui.node = el('select', {'data-testid': 'expr-check-node'});
  ui.check = button('expr-check', 'Gradient check', 'backprop beside a central difference');
  ui.leaves = el('input', {'data-testid': 'expr-leaves', size: 10});
  ui.leaves.addEventListener('input', () => { ui.leavesTyped = true; });
  ui.lr = el('input', {type: 'number', step: 'any', min: '0', value: '0.1', 'data-testid': 'expr-lr', style: 'width:5em'});
  ui.descend = button('expr-descend', 'Gradient step', 'value −= lr · grad on the chosen values, then forward again');
  ui.explain = el('p', {class: 'explain', 'data-testid': 'expr-explain', 'aria-live': 'polite'});
  ui.result = el('p', {class: 'explain', 'data-testid': 'expr-check-result', 'aria-live': 'polite'});
  ui.graph = el('div', {class: 'svg-box', 'data-testid': 'expr-graph', role: 'img', 'aria-label': 'the expression\'s graph'});
  box.append(form, el('div', {class: 'row', role: 'group', 'aria-label': 'Step the expression'}, ui.forward, ui.backward,
    el('label', {}, 'node ', ui.node), ui.check, el('label', {}, 'step on ', ui.leaves), el('label', {}, 'lr ', ui.lr),
    ui.descend), ui.explain, ui.result, ui.graph);
  root.append(box);
  ui.forward.addEventListener('click', () => show(ask(ui.line, () => jgrad.exprForward())));
  ui.backward.addEventListener('click', () => show(ask(ui.line, () => jgrad.exprBackward())));
  ui.check.addEventListener('click', check);
  ui.descend.addEventListener('click', descend);
  ui.graph.addEventListener('click', e => {
    const node = e.target.closest && e.target.closest('[data-testid^="node-"]');
    if (node) {
      ui.node.value = node.id;
    }
  });
  ui.input.value = hashValue('expr') || DEFAULT_EXPRESSION;
  ui.values.value = hashValue('vals') || DEFAULT_VALUES;
  if (!open(false)) {
    // A bad link: the line says why; the panel still shows the post's neuron.
    const why = ui.line.textContent;
    ui.input.value = DEFAULT_EXPRESSION;
    ui.values.value = DEFAULT_VALUES;
    open(false);
    ui.line.textContent = 'the link\'s expression: ' + why;
  }
}

function button(testid, text, title) {
  return el('button', {type: 'button', 'data-testid': testid, title}, text);
}

/** Opens what the inputs say; a refusal keeps the last good graph (the engine keeps it too). */
function open(remember) {
  const a = ask(ui.line, () => jgrad.exprOpen(ui.input.value, ui.values.value));
  if (a) {
    ui.result.textContent = '';
    show(a);
    if (remember) {
      setHash({expr: a.expression, vals: a.values});
    }
  }
  return Boolean(a);
}

function show(a) {
  if (!a) {
    return;
  }
  ui.graph.innerHTML = a.svg;
  ui.explain.textContent = a.explain || '';
  const chosen = ui.node.value;
  ui.node.textContent = '';
  for (const id of a.nodes || []) {
    const box = ui.graph.querySelector('[id="' + CSS.escape(id) + '"] .label');
    ui.node.append(el('option', {value: id}, box && box.textContent !== id ? box.textContent + ' (' + id + ')' : id));
  }
  ui.node.value = [...ui.node.options].some(o => o.value === chosen) ? chosen : (a.variables || [])[0] || '';
  ui.backward.disabled = Boolean(a.backwardDone);
  if (!ui.leavesTyped) {
    // the weights and biases, as the post steps them; the inputs x… stay
    ui.leaves.value = (a.variables || []).filter(v => !/^x/.test(v)).join(', ');
  }
  ui.state = a;
}

function check() {
  const a = ask(ui.line, () => jgrad.exprCheck(ui.node.value));
  if (a) {
    ui.result.textContent = a.explain;
  }
}

function descend() {
  const a = ask(ui.line, () => jgrad.exprDescend(ui.leaves.value, Number(ui.lr.value)));
  if (a) {
    ui.values.value = a.values;
    show(a);
    setHash({expr: a.expression, vals: a.values});
  }
}

/**
 * Opens a given graph (the tour's screen: {expression, values, lr?, step?}) as if typed, with the panel open and its
 * link in the hash; lr and step, when given, set the gradient step's learning rate and the values it moves.
 */
export function load(given) {
  ui.input.value = given.expression;
  ui.values.value = given.values;
  ui.box.open = true;
  if (!open(true)) {
    return false;
  }
  if (given.lr) {
    ui.lr.value = String(given.lr);
  }
  if (given.step) {
    ui.leaves.value = given.step;
    ui.leavesTyped = true;
  }
  ui.box.scrollIntoView({block: 'nearest'});
  ui.forward.focus();
  return true;
}

/** For the browser test: the grads of the expression as the engine last answered. */
export function grads() {
  return ui.state ? ui.state.grads : null;
}
