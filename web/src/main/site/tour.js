// The post's tour: its screens one at a time (the engine writes them), each maybe with a setup to apply and play, a
// table, a graph in the post's style, or a neuron's graph to open once training reaches the epoch budget. Its own
// state: the screen on show. It reads nothing of the page's state; what it may do to the page is init's.
import * as jgrad from './engine.js';

const $ = id => document.getElementById(id);
/** The screen on show (its index, and the engine's answer, or null when the tour is shut). */
const tour = {step: 0, screen: null};
/**
 * Given by the page at init: ask(call), apply(query) (true when the engine took it), play(), pause(),
 * openGraph(layer, index) (the page selects the neuron and opens its graph), stepGraph() (fires its next rule) and
 * openExpression({expression, values, lr?, step?}) (the expression panel opens that graph, for the learner to edit)
 * and openPanel({name, option}) (the page opens that panel on its setup, and trains as the panel needs).
 */
let page = null;

export function init(given) {
  page = given;
  $('tour-open').addEventListener('click', () => show(tour.step));
  $('tour-prev').addEventListener('click', () => show(tour.step - 1));
  $('tour-next').addEventListener('click', () => show(tour.step + 1));
  $('tour-start').addEventListener('click', e => {
    e.preventDefault();
    show(0);
    $('tour').scrollIntoView({block: 'nearest'});
  });
  $('tour-edit').addEventListener('click', () => {
    if (tour.screen && tour.screen.edit) {
      page.openExpression(tour.screen.edit);
    }
  });
  $('tour-close').addEventListener('click', () => {
    tour.screen = null;
    $('tour').hidden = true;
    $('tour-open').setAttribute('aria-expanded', 'false');
  });
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
  const a = tour.screen;
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
    page.stepGraph();
  }
}

/** Screen i of the post's tour; a screen with a setup applies it and plays, or opens the panel it names on it. */
function show(i) {
  const a = page.ask(() => jgrad.tour(Math.max(0, i)));
  if (!a) {
    return;
  }
  tour.step = a.i;
  $('tour').hidden = false;
  $('tour-open').setAttribute('aria-expanded', 'true');
  $('tour-title').textContent = a.title || '';
  $('tour-text').textContent = a.text || '';
  $('tour-svg').innerHTML = a.svg || '';
  table($('tour-svg'), a.table);
  $('tour-edit').hidden = !a.edit;
  tour.screen = a;
  $('tour-count').textContent = 'step ' + (a.i + 1) + ' of ' + a.count;
  $('tour-prev').disabled = a.i <= 0;
  $('tour-next').disabled = a.i >= a.count - 1;
  if (a.query) {
    page.pause();
    if (page.apply(a.query)) {
      if (a.panel) {
        page.openPanel(a.panel);
      } else {
        page.play();
      }
    }
  }
}
