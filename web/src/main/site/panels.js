// The learner's extra panels (a typed expression, the loss landscape, an optimizer race, the hidden space):
// each one its own module with its own state, built here under #panels. Shared: a DOM builder, the engine's
// JSON answers read with each panel's own message line, the "?" explanations, and the link's hash, where the
// panels keep what they need in the URL (the query is the training setup's).
import * as expr from './expr.js';
import * as landscape from './landscape.js';
import * as race from './race.js';
import * as hidden from './hidden.js';

/** el('button', {type: 'button', 'data-testid': 'x'}, 'text', child…): an element, attributes and children. */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined && v !== false) {
      e.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children) {
    e.append(c);
  }
  return e;
}

/** The engine's JSON answer; a refusal or a throw goes to line (one line) and gives null. */
export function ask(line, call) {
  let a;
  try {
    a = JSON.parse(call());
  } catch (e) {
    line.textContent = 'the engine failed: ' + (e && e.message ? e.message : e);
    return null;
  }
  if (a && a.ok === false) {
    line.textContent = a.error || 'the engine refused without saying why';
    return null;
  }
  line.textContent = '';
  return a;
}

/**
 * A panel: a details element whose summary is the heading (so a shut panel computes nothing), a "?" button
 * that shows two sentences, and an alert line. open: whether it starts open.
 */
export function section(id, title, help, open) {
  const helpId = id + '-help';
  const button = el('button', {type: 'button', class: 'help', 'aria-expanded': 'false', 'aria-controls': helpId,
    'aria-label': 'what the ' + title.toLowerCase() + ' panel shows', 'data-testid': id + '-help-button'}, '?');
  const text = el('p', {id: helpId, class: 'hint', hidden: true, 'data-testid': id + '-help'}, help);
  button.addEventListener('click', e => {
    e.preventDefault();   // inside the summary: show the help, do not open or shut the panel
    text.hidden = !text.hidden;
    button.setAttribute('aria-expanded', String(!text.hidden));
  });
  const heading = el('h2', {id: id + '-heading'}, title);
  const summary = el('summary', {'data-testid': id + '-open'}, heading, button);
  const line = el('p', {class: 'message', role: 'alert', 'data-testid': id + '-error'});
  const box = el('details', {class: 'panel', id: id + '-panel', open: Boolean(open)}, summary, text, line);
  return {box, line};
}

/** A value of the link's hash (#expr=…&vals=…), or null. */
export function hashValue(key) {
  return new URLSearchParams(location.hash.replace(/^#/, '')).get(key);
}

/** Sets values of the link's hash (null removes one), leaving the query (the training setup) alone. */
export function setHash(values) {
  const h = new URLSearchParams(location.hash.replace(/^#/, ''));
  for (const [k, v] of Object.entries(values)) {
    if (v === null) {
      h.delete(k);
    } else {
      h.set(k, v);
    }
  }
  const text = h.toString();
  replaceState(history.state, '', location.pathname + location.search + (text ? '#' + text : ''));
}

/** The browser's own replaceState, before keepHash wraps it. */
const replaceState = history.replaceState.bind(history);

/**
 * The page rewrites its query with a relative '?…' link on every setup, which would drop the hash: keep the
 * hash through those rewrites, so a panel's state survives a change of the training setup.
 */
function keepHash() {
  history.replaceState = (state, title, url) => {
    const s = url === undefined || url === null ? url : String(url);
    replaceState(state, title, s !== undefined && s !== null && !s.includes('#') && location.hash ? s + location.hash : s);
  };
}

/** Opens the expression panel on a given graph ({expression, values, lr?, step?}); false when the engine refused it. */
export function openExpression(given) {
  return expr.load(given);
}

/**
 * Opens a panel on the page's setup, as the tour's screen says ({name, option}): the landscape with a preset, a race of
 * the option's setups, or the hidden space while the page plays.
 */
export function openPanel({name, option}) {
  if (name === 'landscape') {
    landscape.usePreset(option);
  } else if (name === 'race') {
    race.race(option);
  } else if (name === 'hidden') {
    hidden.open();
    shared.play();
  }
}

/** The page's {state, apply, pause, play, oneEpoch}, given at mount. */
let shared;

/** Builds every panel under root; page: {state, apply, pause, play} from playground.js. */
export function mount(root, page) {
  keepHash();
  shared = page;
  expr.mount(root, page);
  landscape.mount(root, page);
  race.mount(root, page);
  hidden.mount(root, page);
  // For the browser tests: what each panel last showed, read without parsing pictures.
  window.jgradPanels = {expr, landscape, race, hidden};
}
