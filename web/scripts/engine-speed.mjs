// Speed of engine.js in Node (V8, Chromium's JavaScript engine): epochs per second of the issue's
// benchmark network on each engine, the post's circle, and boundary(60) calls per second.
// Run after ./mvnw -pl web -am verify:  node web/scripts/engine-speed.mjs [path/to/engine.js]
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const file = resolve(process.argv[2] ?? 'web/target/classes/dev/jgrad/web/site/engine.js');
const m = await import(pathToFileURL(file).href);

function epochsPerSecond(query, seconds = 3) {
  const s = JSON.parse(m.setup(query));
  if (!s.ok) throw new Error(s.error);
  m.train(300); // warm the JIT
  const start = performance.now();
  const before = JSON.parse(m.stats()).epoch;
  let t;
  while (performance.now() - start < seconds * 1000) t = JSON.parse(m.train(100));
  return { engine: s.engine, parameters: s.parameters, rate: (t.epoch - before) / ((performance.now() - start) / 1000) };
}

const bench = 'data=circle&points=500&ratio=80&hidden=8,8&activation=tanh&batch=10';
for (const points of [500]) {
  for (const engine of ['scalar', 'tensor']) {
    for (const batch of [1, 10, 50, 'full']) {
      const r = epochsPerSecond(`data=circle&points=${points}&hidden=8,8&batch=${batch}&engine=${engine}`, 2);
      console.log(`2-8-8-1 tanh, ${points} points, batch ${batch}, ${engine}: ${r.rate.toFixed(1)} epochs/s`);
    }
  }
}
for (const hidden of ['9', '16,16,16', '16,16,16,16,16,16']) {
  for (const engine of ['scalar', 'tensor']) {
    for (const batch of [1, 10, 'full']) {
      const r = epochsPerSecond(`data=circle&points=500&hidden=${hidden}&batch=${batch}&engine=${engine}`, 1.5);
      console.log(`hidden ${hidden} (${r.parameters} parameters), batch ${batch}, ${engine}: ${r.rate.toFixed(1)} epochs/s`);
    }
  }
}
for (const query of [bench, 'data=circle&points=625&ratio=80&hidden=8,8&activation=tanh&batch=10']) {
  const auto = epochsPerSecond(query);
  console.log(`benchmark (${query}, auto → ${auto.engine}): ${auto.rate.toFixed(1)} epochs/s`);
}

// The post's 9-neuron circle: 300 points, per-sample SGD, 200 epochs.
for (const query of ['hidden=9&points=300', 'hidden=9&points=300&ratio=67']) {
  const s = JSON.parse(m.setup(query));
  const t0 = performance.now();
  let t;
  for (let e = 0; e < 200; e++) t = JSON.parse(m.epoch());
  console.log(`post's circle (${query}, ${s.trainPoints} training points, ${s.engine}): 200 epochs in ${((performance.now() - t0) / 1000).toFixed(2)} s, train accuracy ${t.trainAccuracy}`);
}

m.setup(bench);
m.train(200);
for (let i = 0; i < 20; i++) m.boundary(60);
const b0 = performance.now();
let n = 0;
while (performance.now() - b0 < 2000) { m.boundary(60); n++; }
console.log(`boundary(60) on 2-8-8-1: ${(n / ((performance.now() - b0) / 1000)).toFixed(0)} calls/s`);
