// Canvas pictures: heat maps (the boundary, each neuron), the points, the curves. Values arrive from the
// engine as Float64Arrays; nothing here computes anything about the model.

const BLUE = [33, 102, 172];
const ORANGE = [224, 130, 20];
const WHITE = [247, 247, 247];

/** The colour of s in [-1, 1] into image data at byte i: orange below 0, blue above, white at 0. */
function paint(data, i, s) {
  const t = Math.max(-1, Math.min(1, s));
  const to = t >= 0 ? BLUE : ORANGE;
  const a = Math.abs(t);
  data[i] = Math.round(WHITE[0] + (to[0] - WHITE[0]) * a);
  data[i + 1] = Math.round(WHITE[1] + (to[1] - WHITE[1]) * a);
  data[i + 2] = Math.round(WHITE[2] + (to[2] - WHITE[2]) * a);
  data[i + 3] = 255;
}

const scratch = new Map();
function grid(n) {
  let c = scratch.get(n);
  if (!c) {
    c = document.createElement('canvas');
    c.width = n;
    c.height = n;
    scratch.set(n, c);
  }
  return c;
}

/**
 * Each canvas's image data, kept: the largest network repaints 97 maps five times a second, and new image data for each
 * was garbage the next moment. Every pixel is written again, so nothing of the last picture shows through.
 */
const images = new WeakMap();
function imageOf(gc, canvas, n) {
  let image = images.get(canvas);
  if (!image || image.width !== n || image.height !== n) {
    image = gc.createImageData(n, n);
    images.set(canvas, image);
  }
  return image;
}

/**
 * Paints an n×n grid (row by row from the top left) onto the whole canvas. scale maps a value to [-1, 1]:
 * the boundary's output, or a neuron's activation. A canvas of n×n pixels (a neuron's map) takes the image as it is,
 * one pixel a cell; a larger one (the boundary) gets it scaled up and smoothed.
 */
export function heatMap(canvas, values, n, scale) {
  if (!values || values.length !== n * n) {
    return;
  }
  const direct = canvas.width === n && canvas.height === n;
  const target = direct ? canvas : grid(n);
  const gc = target.getContext('2d');
  const image = imageOf(gc, target, n);
  for (let i = 0; i < n * n; i++) {
    paint(image.data, 4 * i, scale(values[i]));
  }
  gc.putImageData(image, 0, 0);
  if (!direct) {
    const ctx = canvas.getContext('2d');
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(target, 0, 0, canvas.width, canvas.height);
  }
}

/** A scale for one neuron's picture: its largest magnitude is full colour, so every neuron shows its shape. */
export function spreadScale(values) {
  let max = 0;
  for (const v of values) {
    max = Math.max(max, Math.abs(v));
  }
  return max > 0 ? v => v / max : () => 0;
}

/**
 * The one decoder of the engine's points (x1, x2, class, 1 if a test point; four numbers each): calls
 * visit(x1, x2, label, test, sample) for each, sample being the index among the training points (-1 for a test point).
 */
export function eachPoint(pts, visit) {
  let sample = 0;
  for (let i = 0; i + 3 < pts.length; i += 4) {
    const test = pts[i + 3] === 1;
    visit(pts[i], pts[i + 1], pts[i + 2], test, test ? -1 : sample++);
  }
  return sample;
}

/** The CSS colour of s in [-1, 1] on the heat maps' scale: for a regression point, its target on the map's scale. */
export function css(s) {
  const c = [0, 0, 0, 0];
  paint(c, 0, s);
  return 'rgb(' + c[0] + ',' + c[1] + ',' + c[2] + ')';
}

/**
 * Points: test points only when asked; the picked sample ringed. scale (regression): the point's target to [-1, 1],
 * its fill the heat map's colour of it; without one, blue for class 1 and orange for class 0.
 */
export function points(canvas, pts, view, showTest, picked, scale) {
  const ctx = canvas.getContext('2d');
  const r = Math.max(3, canvas.width / 110);
  eachPoint(pts, (x1, x2, label, test, index) => {
    if (test && !showTest) {
      return;
    }
    const [x, y] = toCanvas(canvas, view, x1, x2);
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.fillStyle = scale ? css(scale(label)) : label === 1 ? '#2166ac' : '#e08214';
    ctx.fill();
    ctx.lineWidth = 1.2;
    ctx.strokeStyle = test ? '#000' : scale ? '#555' : '#fff';
    ctx.stroke();
    if (index === picked) {
      ctx.beginPath();
      ctx.arc(x, y, r * 2.2, 0, 2 * Math.PI);
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = '#7b2cbf';
      ctx.stroke();
    }
  });
}

export function toCanvas(canvas, view, x1, x2) {
  return [(x1 - view.xmin) / (view.xmax - view.xmin) * canvas.width,
    (view.ymax - x2) / (view.ymax - view.ymin) * canvas.height];
}

export function toData(canvas, view, px, py) {
  return [view.xmin + px / canvas.width * (view.xmax - view.xmin),
    view.ymax - py / canvas.height * (view.ymax - view.ymin)];
}

/** The index among training points of the one nearest (px, py), within a few pixels; -1 if none. */
export function nearestTrainingPoint(canvas, pts, view, px, py) {
  let best = -1;
  let bestD = (canvas.width / 40) ** 2;
  eachPoint(pts, (x1, x2, label, test, sample) => {
    if (test) {
      return;
    }
    const [x, y] = toCanvas(canvas, view, x1, x2);
    const d = (x - px) ** 2 + (y - py) ** 2;
    if (d < bestD) {
      bestD = d;
      best = sample;
    }
  });
  return best;
}

/** The boundary as the engine traced it: segments x1, y1, x2, y2 as fractions of the picture. */
export function contour(canvas, segments) {
  const ctx = canvas.getContext('2d');
  ctx.beginPath();
  for (let k = 0; k + 3 < segments.length; k += 4) {
    ctx.moveTo(segments[k] * canvas.width, segments[k + 1] * canvas.height);
    ctx.lineTo(segments[k + 2] * canvas.width, segments[k + 3] * canvas.height);
  }
  ctx.setLineDash([]);
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#222';
  ctx.stroke();
}

/** The true boundary of the circle data, dashed, as jgrad demo draws it. */
export function circle(canvas, view, radius) {
  const ctx = canvas.getContext('2d');
  const [cx, cy] = toCanvas(canvas, view, 0, 0);
  const rx = radius / (view.xmax - view.xmin) * canvas.width;
  const ry = radius / (view.ymax - view.ymin) * canvas.height;
  ctx.beginPath();
  ctx.ellipse(cx, cy, rx, ry, 0, 0, 2 * Math.PI);
  ctx.setLineDash([6, 5]);
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = '#555';
  ctx.stroke();
  ctx.setLineDash([]);
}

const LEFT = 44;
const BOTTOM = 16;

/**
 * Loss (top half, a log axis: the loss falls over decades) and accuracy (bottom half, 0 to 1) by epoch, train solid,
 * test dashed, each axis with its values. regression: R² in the bottom half instead (below 0 drawn at 0), the loss
 * being the MSE.
 */
export function curves(canvas, history, regression) {
  const ctx = canvas.getContext('2d');
  const w = canvas.width;
  const h = canvas.height;
  ctx.clearRect(0, 0, w, h);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.font = '10px system-ui, sans-serif';
  const half = (h - BOTTOM) / 2;
  const last = history.length > 0 ? Math.max(1, history[history.length - 1].epoch || 0) : 1;
  const losses = history.flatMap(p => [p.trainLoss, p.testLoss]).filter(v => Number.isFinite(v) && v > 0);
  const hi = Math.ceil(Math.log10(losses.length > 0 ? Math.max(...losses) : 1));
  const lo = Math.min(hi - 1, Math.floor(Math.log10(losses.length > 0 ? Math.min(...losses) : 0.1)));
  const x = e => LEFT + (e / last) * (w - LEFT - 6);
  const lossY = v => 3 + (half - 6) * (hi - Math.log10(v)) / (hi - lo);
  const accY = v => half + 3 + (half - 6) * (1 - Math.max(0, Math.min(1, v)));
  axes(ctx, w, h, half, last, x, lossY, accY, lo, hi, regression);
  // At most about a point a pixel: a long run's 2,000 points would draw many to the same pixel every frame.
  const every = Math.max(1, Math.floor(history.length / (w - LEFT)));
  const shown = history.filter((_, i) => i % every === 0 || i === history.length - 1);
  const line = (key, y, dashed) => {
    ctx.beginPath();
    ctx.setLineDash(dashed ? [5, 4] : []);
    let started = false;
    for (const p of shown) {
      const v = p[key];
      if (!Number.isFinite(v) || (y === lossY && v <= 0)) {
        continue;
      }
      started ? ctx.lineTo(x(p.epoch), y(v)) : ctx.moveTo(x(p.epoch), y(v));
      started = true;
    }
    ctx.stroke();
  };
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = '#2166ac';
  line('trainLoss', lossY, false);
  line('testLoss', lossY, true);
  ctx.strokeStyle = '#222';
  line(regression ? 'trainR2' : 'trainAccuracy', accY, false);
  line(regression ? 'testR2' : 'testAccuracy', accY, true);
  ctx.setLineDash([]);
}

/** Grid lines and values: the loss's powers of ten, accuracy 0, 0.5, 1, the epochs from 0 to the last. */
function axes(ctx, w, h, half, last, x, lossY, accY, lo, hi, regression) {
  ctx.strokeStyle = '#e4e4e4';
  ctx.fillStyle = '#555';
  ctx.lineWidth = 1;
  const rule = (y, text) => {
    ctx.beginPath();
    ctx.moveTo(LEFT, y);
    ctx.lineTo(w - 6, y);
    ctx.stroke();
    ctx.fillText(text, 2, y + 3);
  };
  const every = Math.max(1, Math.ceil((hi - lo) / 4));
  for (let e = hi; e >= lo; e -= every) {
    rule(lossY(10 ** e), e >= -2 && e <= 3 ? String(10 ** e) : '1e' + e);
  }
  for (const a of [0, 0.5, 1]) {
    rule(accY(a), (regression ? 'R² ' : 'acc ') + a);
  }
  ctx.fillText(regression ? 'MSE (log)' : 'loss (log)', LEFT + 4, 11);
  for (const e of [0, Math.round(last / 2), last]) {
    ctx.fillText(String(e), Math.min(w - 30, x(e) - 4), h - 3);
  }
  ctx.fillText('epoch', LEFT + 4, h - 3);
}

/**
 * The colour scale of a regression's map as a bar: from −range (orange) through 0 (white) to +range (blue), its ends
 * and middle labelled in the target's units.
 */
export function colourBar(canvas, range) {
  const ctx = canvas.getContext('2d');
  const w = canvas.width;
  const h = canvas.height;
  ctx.clearRect(0, 0, w, h);
  const bar = h - 14;
  for (let px = 0; px < w; px++) {
    ctx.fillStyle = css(2 * px / (w - 1) - 1);
    ctx.fillRect(px, 0, 1, bar);
  }
  ctx.fillStyle = '#333';
  ctx.font = '10px system-ui, sans-serif';
  const value = v => Number(v.toPrecision(3)).toString();
  ctx.fillText(value(-range), 0, h - 2);
  ctx.fillText('0  target', w / 2 - 4, h - 2);
  const right = value(range);
  ctx.fillText(right, w - ctx.measureText(right).width, h - 2);
}

/**
 * A 1-D fit: the model's curve (values at n evenly spaced x across the view, cell centres) over a white plot with its
 * axes and whatever beneath() draws (the points).
 */
export function fitCurve(canvas, values, view, beneath) {
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.strokeStyle = '#ccc';
  ctx.lineWidth = 1;
  const [x0, y0] = toCanvas(canvas, view, 0, 0);
  ctx.beginPath();
  ctx.moveTo(0, y0);
  ctx.lineTo(canvas.width, y0);
  ctx.moveTo(x0, 0);
  ctx.lineTo(x0, canvas.height);
  ctx.stroke();
  ctx.fillStyle = '#555';
  ctx.font = '10px system-ui, sans-serif';
  ctx.fillText('x1 →', canvas.width - 30, y0 - 4);
  ctx.fillText('↑ target', x0 + 4, 12);
  beneath();
  const n = values.length;
  ctx.beginPath();
  let started = false;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i])) {
      continue;
    }
    const [x, y] = toCanvas(canvas, view, view.xmin + (i + 0.5) * (view.xmax - view.xmin) / n, values[i]);
    started ? ctx.lineTo(x, y) : ctx.moveTo(x, y);
    started = true;
  }
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = '#222';
  ctx.stroke();
}
