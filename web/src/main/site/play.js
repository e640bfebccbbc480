// Playing: the engine trains in slices sized so that each frame, drawing included, ends on time.
import * as jgrad from './engine.js';

const $ = id => document.getElementById(id);
/**
 * One frame's length while playing (20 frames a second): what drawing and the rest of the frame leave of it trains. A
 * fixed training slice would either starve the training on a fast machine or the drawing on a slow one; and a frame
 * that just misses the display's refresh waits for the next, so the slice is sized to end the frame on time.
 */
const FRAME_MS = 50;
/** What a frame keeps in hand: one that ends just past the display's refresh waits a whole refresh more. */
const SPARE_MS = 3;
/** The longest training slice of a frame, however slow the drawing. */
const MAX_TRAIN_MS = 200;

/** The page's state and what of it playing calls: {state, ask, stats, redraw, text}. */
let page;
/** Whether a click came since the last frame: the next frame paints what it changed and trains nothing. */
let clicked = false;

export function init(hooks) {
  page = hooks;
  // What a click changed (a neuron's graph opened, a rule fired) is painted by the next frame before it trains: else the
  // click's answer waits a whole training slice more, up to MAX_TRAIN_MS, before it shows.
  document.addEventListener('click', () => { clicked = true; }, true);
}

/** Asks the engine to train; its figures go to the readouts, a refusal pauses. */
export function train(call) {
  const s = page.ask(call);
  if (!s) {
    pause();
    return null;
  }
  return page.stats(s);
}

export function play() {
  const state = page.state;
  if (state.playing) {
    return;
  }
  if (state.atBudget) {
    // Going on past the budget is the learner's choice: the engine lifts it and the command line says so.
    const s = page.ask(() => jgrad.goOn());
    if (s) {
      page.stats(s);
    }
  }
  state.playing = true;
  $('play').textContent = 'Pause';
  $('play').setAttribute('aria-pressed', 'true');
  state.meter = {at: performance.now(), frames: 0, epoch: Number($('epoch').textContent) || 0};
  requestAnimationFrame(frame);
}

export function pause() {
  const state = page.state;
  if (state.playing) {
    state.playing = false;
    // Playing shows the last finished epoch's numbers; paused, the weights' own. Past the budget the command line trains
    // to the epoch reached: say where it is now.
    const s = page.ask(() => jgrad.stats());
    if (s) {
      page.stats(s);
    }
    const c = page.ask(() => jgrad.command());
    if (c) {
      $('command').textContent = c.command;
    }
  }
  state.playing = false;
  $('play').textContent = 'Play';
  $('play').setAttribute('aria-pressed', 'false');
}

function frame(now) {
  const state = page.state;
  if (!state.playing) {
    return;
  }
  if (clicked) {
    clicked = false;
    requestAnimationFrame(frame);
    return;
  }
  // train(ms) checks the clock after every update, so what drawing and the rest leave of the frame is the slice; but
  // when they take more than half a frame (many neurons, a slow machine), training gets as long as they do, up to a
  // bound: the frames slow down, the training is not starved, and a click never waits long.
  const others = state.drawMs + state.restMs;
  const budget = Math.min(MAX_TRAIN_MS, Math.max(FRAME_MS - SPARE_MS - others, others));
  const started = performance.now();
  const s = train(() => jgrad.train(budget));
  const drawn = performance.now();
  page.redraw(false);
  const end = performance.now();
  // Averages over a few frames, so one slow frame (the weights redrawn) does not swing the next slice. The rest of a
  // frame: the last update past the slice and the answer, then the browser's style, layout and paint of what was drawn,
  // which run once this callback returns (a message posted now arrives after them).
  state.drawMs = 0.8 * state.drawMs + 0.2 * (end - drawn);
  const over = Math.max(0, drawn - started - budget);
  afterRendering(() => {
    state.restMs = 0.8 * state.restMs + 0.2 * (over + performance.now() - end);
  });
  meter(state, now, s);
  if (state.playing) {
    requestAnimationFrame(frame);
  }
}

/** The frames and epochs a second, measured over half a second or more. */
function meter(state, now, s) {
  const m = state.meter;
  m.frames++;
  state.frames++;
  if (now - m.at >= 500 && s) {
    const seconds = (now - m.at) / 1000;
    page.text('fps', (m.frames / seconds).toFixed(1));
    page.text('eps', ((s.epoch - m.epoch) / seconds).toFixed(1));
    state.meter = {at: now, frames: 0, epoch: s.epoch};
  }
}

const rendered = new MessageChannel();
/** Calls f once the browser has rendered the frame being drawn (the next task after it); a later call replaces f. */
function afterRendering(f) {
  rendered.port1.onmessage = () => f();
  rendered.port2.postMessage(0);
}
