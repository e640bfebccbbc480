// The readouts: the figures of the last answer (epoch, losses, accuracies or R²), the curves' history, the note, and
// what the task's pictures and figures mean.
import * as draw from './draw.js';
import * as tour from './tour.js';
import {regression} from './pictures.js';

const $ = id => document.getElementById(id);

/** Shows what the task's pictures and figures mean: accuracy or R², classes or the colour bar of the target. */
export function task(state) {
  const r = regression(state);
  for (const [id, on] of [['train-accuracy', !r], ['test-accuracy', !r], ['train-r2', r], ['test-r2', r]]) {
    $(id).parentElement.hidden = !on;
  }
  $('legend-classes').hidden = r;
  $('legend-regression').hidden = !r;
  $('colour-bar').hidden = !r || state.view.curve;
  $('curves-legend').textContent = r ? 'MSE above, R² below (core\'s, as jgrad train reports it)' : 'loss above, accuracy below';
  $('boundary').setAttribute('aria-label', !r ? 'decision boundary: the model\'s output over the plane, with the points'
    : state.view.curve ? 'the model\'s curve over the points (x1 across, the target up)'
      : 'the model\'s output over the plane in the target\'s units, with the points');
  if (r) {
    $('legend-regression').textContent = state.view.curve
      ? 'The black line is the model\'s curve: its output at every x1; points at (x1, target), coloured by it, grey ring training, black ring test. No boundary: there are no classes.'
      : 'Colour = the output in the target\'s units (the bar under the plot); each point is coloured by its target, so a point that matches its background is fitted; grey ring training, black ring test. No boundary line: there are no classes.';
    if (!state.view.curve) {
      draw.colourBar($('colour-bar'), state.view.range);
    }
  }
}

/** What a point of the curves shows, besides its epoch. */
const FIGURES = ['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy', 'trainR2', 'testR2'];

export function stats(page, s) {
  const state = page.state;
  text('epoch', String(s.epoch));
  text('train-loss', number(s.trainLoss, 4));
  text('test-loss', number(s.testLoss, 4));
  text('train-accuracy', fixed(s.trainAccuracy));
  text('test-accuracy', fixed(s.testAccuracy));
  text('train-r2', fixed(s.trainR2));
  text('test-r2', fixed(s.testR2));
  const last = state.history[state.history.length - 1];
  // Playing answers the last finished epoch's figures after every frame's steps: the same point again adds nothing.
  const same = last && last.epoch === s.epoch && (last.step === s.step || FIGURES.every(k => Object.is(last[k], s[k])));
  if (!same) {
    state.history.push(s);
    if (state.history.length > 2000) {
      state.history = state.history.filter((_, i) => i % 2 === 0);   // keep the curve's shape, not every point
    }
  }
  if (s.command) {
    text('command', s.command);
  }
  state.atBudget = Boolean(s.atBudget);
  // The note: what the engine sees going wrong (saturated or dead units), else where playing stopped.
  const note = s.warning || (s.atBudget ? 'stopped at epoch ' + s.epoch + ', the budget (epochs=' + s.budget
    + ', as jgrad train --epochs ' + s.budget + '); press play to go on' : '');
  text('note', note);
  if (s.stopped) {
    page.pause();
    page.message(s.stopped);
  } else if (s.atBudget && state.playing) {
    page.pause();
    page.redraw(true);
    tour.budgetReached();
  }
  return s;
}

/** Writes a readout only when it changes: a write, even of the same text, makes the browser lay the page out again. */
export function text(id, value) {
  const e = $(id);
  if (e.textContent !== value) {
    e.textContent = value;
  }
}

function number(v, digits) {
  return Number.isFinite(v) ? Number(v).toPrecision(digits) : '–';
}

function fixed(v) {
  return Number.isFinite(v) ? Number(v).toFixed(3) : '–';
}
