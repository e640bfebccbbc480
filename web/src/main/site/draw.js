// Canvas pictures: heat maps (the boundary, each neuron), the points, the curves. Values arrive from the
// engine as Float64Arrays; nothing here computes anything about the model.

const BLUE = [33, 102, 172];
const ORANGE = [224, 130, 20];
const WHITE = [247, 247, 247];

/** The colour of s in [-1, 1]: orange below 0, blue above, white at 0. */
function colour(s) {
  const t = Math.max(-1, Math.min(1, s));
  const to = t >= 0 ? BLUE : ORANGE;
  const a = Math.abs(t);
  return [0, 1, 2].map(k => Math.round(WHITE[k] + (to[k] - WHITE[k]) * a));
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
 * Paints an n×n grid (row by row from the top left) onto the whole canvas. scale maps a value to [-1, 1]:
 * the boundary's output, or a neuron's activation.
 */
export function heatMap(canvas, values, n, scale) {
  if (!values || values.length !== n * n) {
    return;
  }
  const g = grid(n);
  const gc = g.getContext('2d');
  const image = gc.createImageData(n, n);
  for (let i = 0; i < n * n; i++) {
    const [r, gr, b] = colour(scale(values[i]));
    image.data[4 * i] = r;
    image.data[4 * i + 1] = gr;
    image.data[4 * i + 2] = b;
    image.data[4 * i + 3] = 255;
  }
  gc.putImageData(image, 0, 0);
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(g, 0, 0, canvas.width, canvas.height);
}

/** A scale for one neuron's picture: its largest magnitude is full colour, so every neuron shows its shape. */
export function spreadScale(values) {
  let max = 0;
  for (const v of values) {
    max = Math.max(max, Math.abs(v));
  }
  return max > 0 ? v => v / max : () => 0;
}

/** Points: [x1, x2, class, test] each; test points only when asked; the picked sample ringed. */
export function points(canvas, pts, view, showTest, picked) {
  const ctx = canvas.getContext('2d');
  const r = Math.max(3, canvas.width / 110);
  let sample = 0;
  for (let i = 0; i + 3 < pts.length; i += 4) {
    const test = pts[i + 3] === 1;
    const index = test ? -1 : sample++;
    if (test && !showTest) {
      continue;
    }
    const [x, y] = toCanvas(canvas, view, pts[i], pts[i + 1]);
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.fillStyle = pts[i + 2] === 1 ? '#2166ac' : '#e08214';
    ctx.fill();
    ctx.lineWidth = 1.2;
    ctx.strokeStyle = test ? '#000' : '#fff';
    ctx.stroke();
    if (index === picked) {
      ctx.beginPath();
      ctx.arc(x, y, r * 2.2, 0, 2 * Math.PI);
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = '#7b2cbf';
      ctx.stroke();
    }
  }
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
  let sample = 0;
  for (let i = 0; i + 3 < pts.length; i += 4) {
    if (pts[i + 3] === 1) {
      continue;
    }
    const [x, y] = toCanvas(canvas, view, pts[i], pts[i + 1]);
    const d = (x - px) ** 2 + (y - py) ** 2;
    if (d < bestD) {
      bestD = d;
      best = sample;
    }
    sample++;
  }
  return best;
}

/**
 * Loss (top half, log-free: scaled to its largest value) and accuracy (bottom half, 0 to 1) by epoch;
 * train solid, test dashed.
 */
export function curves(canvas, history) {
  const ctx = canvas.getContext('2d');
  const w = canvas.width;
  const h = canvas.height;
  ctx.clearRect(0, 0, w, h);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.strokeStyle = '#ddd';
  ctx.beginPath();
  ctx.moveTo(0, h / 2);
  ctx.lineTo(w, h / 2);
  ctx.stroke();
  if (history.length < 1) {
    return;
  }
  const last = history[history.length - 1].epoch || 1;
  const maxLoss = Math.max(1e-9, ...history.map(p => Math.max(finite(p.trainLoss), finite(p.testLoss))));
  const x = p => 4 + (p.epoch / Math.max(1, last)) * (w - 8);
  const line = (key, top, scale, dashed) => {
    ctx.beginPath();
    ctx.setLineDash(dashed ? [5, 4] : []);
    let started = false;
    for (const p of history) {
      const v = p[key];
      if (!Number.isFinite(v)) {
        continue;
      }
      const y = top + (h / 2 - 6) * (1 - scale(v)) + 3;
      started ? ctx.lineTo(x(p), y) : ctx.moveTo(x(p), y);
      started = true;
    }
    ctx.stroke();
  };
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = '#2166ac';
  line('trainLoss', 0, v => v / maxLoss, false);
  line('testLoss', 0, v => v / maxLoss, true);
  ctx.strokeStyle = '#222';
  line('trainAccuracy', h / 2, v => v, false);
  line('testAccuracy', h / 2, v => v, true);
  ctx.setLineDash([]);
  ctx.fillStyle = '#555';
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillText('loss (max ' + maxLoss.toPrecision(3) + ')', 6, 12);
  ctx.fillText('accuracy 0–1', 6, h / 2 + 12);
  ctx.fillText('epoch ' + last, w - 70, h - 4);
}

function finite(v) {
  return Number.isFinite(v) ? v : 0;
}
