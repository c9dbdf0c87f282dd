// Bench page logic: scripts/bench.mjs calls window.benchBackend(plan) once per backend,
// all in one page load. Store runs and the bare loop never overlap.
import { configure, getModelStore } from '../dist/index.js';

const BATCH = 64;
const log = (msg) => console.log(`[bench] ${msg}`);

// Long tasks (>= 50 ms) on this main thread, kept with their start times.
const longTasks = [];
try {
  new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
} catch {
  log('longtask observer unsupported');
}
const longestTask = (t0, t1) => longTasks.filter((e) => e.startTime >= t0 && e.startTime <= t1).reduce((m, e) => Math.max(m, e.duration), 0);

let seq = 0;
let dataset = null;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN;
};

/**
 * Trains a fresh store until warmup+steps steps, then stops it. Two throughputs:
 * `mean` is timed-steps x batch over main-thread time between progress events (so it
 * includes the message hop); `median` is the median of the engine's ~100 ms report
 * windows, which shrugs off bursts of other load on a shared machine.
 */
async function storeRun(backend, worker, { warmup, steps, encodes = 2 }, setup = null) {
  configure({ backend, worker }); // affects stores created from now on
  const store = getModelStore(`bench-${backend}-${worker ? 'worker' : 'page'}-${++seq}`);
  try {
    const r0 = performance.now();
    await store.ready();
    if (setup?.data) await store.setDataset(setup.data());
    if (setup?.spec) await store.setSpec(setup.spec);
    const readyMs = performance.now() - r0;
    if (store.backend !== backend) throw new Error(`store picked ${store.backend}, wanted ${backend}`);
    dataset ??= await store.dataset({ train: true }); // the bare baseline trains on the same 8,000 images
    let mark = null;
    let last = null;
    const windows = [];
    const onProgress = ({ detail: p }) => {
      if (p.phase !== 'step') return;
      const t = performance.now();
      if (mark) windows.push(p.samplesPerSec);
      if (!mark && p.totalSteps >= warmup) mark = { t, steps: p.totalSteps };
      else if (mark) last = { t, steps: p.totalSteps, loss: p.loss };
      if (p.totalSteps >= warmup + steps) store.stop();
    };
    store.addEventListener('progress', onProgress);
    const t0 = performance.now();
    // One epoch is 125 steps: plans stay under it, so no test pass lands in the timing.
    const result = await store.train({ epochs: 1, batchSize: BATCH, learningRate: 1e-3 });
    const t1 = performance.now();
    store.removeEventListener('progress', onProgress);
    if (!mark || !last) throw new Error(`too few progress events (${result.steps} steps)`);
    // The last window may be cut short by stop(): leave it out of the median.
    const out = {
      mean: ((last.steps - mark.steps) * BATCH * 1000) / (last.t - mark.t),
      median: median(windows.slice(0, -1).length ? windows.slice(0, -1) : windows),
      timedSteps: last.steps - mark.steps,
      loss: last.loss,
      longestTaskMs: longestTask(t0, t1),
      readyMs,
      trainMs: t1 - t0,
    };
    if (worker && !setup) {
      // Encode the whole dataset (twice where cheap: the first call includes kernel set-up).
      out.encodeMs = [];
      for (let i = 0; i < encodes; i++) {
        const e0 = performance.now();
        await store.encode(dataset.images, dataset.n);
        out.encodeMs.push(performance.now() - e0);
      }
    }
    return out;
  } finally {
    await store.dispose();
  }
}

/** Runs the bare tfjs loop in a fresh iframe (its own tfjs engine), then removes it. */
async function bareRun(backend, { warmup, steps }) {
  const frame = document.createElement('iframe');
  frame.src = './bare.html';
  // Rendered (1 px), not display:none, so the frame is never a throttled hidden frame.
  frame.style.cssText = 'width: 1px; height: 1px; border: 0';
  document.body.append(frame);
  try {
    await new Promise((ok, fail) => {
      frame.onload = ok;
      frame.onerror = fail;
    });
    const win = frame.contentWindow;
    for (let i = 0; !win.runBare; i++) {
      if (i > 600) throw new Error('bare.bundle.js did not load');
      await new Promise((r) => setTimeout(r, 50));
    }
    return await win.runBare({ backend, images: dataset.images, n: dataset.n, trainIndices: dataset.trainIndices, batch: BATCH, warmup, steps });
  } finally {
    frame.remove();
  }
}

window.benchBackend = async (backend, plan) => {
  const row = { backend, plan };
  window.benchPartial = row; // what bench.mjs reports if this backend times out
  const phases = [
    ['worker', 'store, worker mode', () => storeRun(backend, true, plan)],
    ['page', 'store, page mode', () => storeRun(backend, false, plan)],
    ['bare', 'bare tfjs loop', () => bareRun(backend, plan)],
  ];
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  for (const [key, what, run] of phases) {
    const t = performance.now();
    const r = (row[key] = await run());
    const parts = [r.readyMs && `ready ${s(r.readyMs)}`, r.trainMs && `train ${s(r.trainMs)}`, r.encodeMs && `encode ${r.encodeMs.map(s).join(' + ')}`, r.ms && `timed ${s(r.ms)}`];
    log(`${backend}: ${what} took ${s(performance.now() - t)} (${parts.filter(Boolean).join(', ')})`);
  }
  return row;
};
/** Random colour images: training speed does not depend on the pixels. */
function colourData(n = 2600, side = 32) {
  const images = new Float32Array(n * side * side * 3);
  for (let i = 0; i < images.length; i++) images[i] = Math.random();
  const all = [...Array(n).keys()];
  return { name: 'random-colour', images, n, height: side, width: side, channels: 3, trainIndices: all.slice(0, n - 64), testIndices: all.slice(n - 64) };
}

/** Model specs timed beside the default dense one (the store's own default). */
const MODELS = {
  // The course lab's model, the mnist-ae-2d preset: linear code, binary cross-entropy.
  'lab AE 784-200-200-2': { spec: { kind: 'ae', hidden: [200, 200], latentDim: 2, codeActivation: 'linear', loss: 'bce' } },
  'conv 28x28x1 [16,32] code 16': { spec: { kind: 'conv', filters: [16, 32], latentDim: 16, hidden: [], codeActivation: 'linear' } },
  'emoji-ae, conv 32x32x3 [32,64] code 32': { spec: { kind: 'conv', filters: [32, 64], latentDim: 32, hidden: [], codeActivation: 'linear' }, data: colourData },
};

/** One of MODELS in the store, worker mode: samples/s (median of windows, and mean). */
window.benchModel = async (backend, name, plan) => {
  const t = performance.now();
  const r = await storeRun(backend, true, plan, MODELS[name]);
  log(`${backend}: ${name} took ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return r;
};
/**
 * Seconds to build the umap-ae kind's neighbour graph of the 8,000 train digits (k = 15;
 * the dataset's pixels already on the backend): from train() until the graph's last row.
 */
window.benchGraph = async (backend) => {
  configure({ backend, worker: true });
  const store = getModelStore(`bench-graph-${backend}-${++seq}`);
  try {
    await store.setSpec({ kind: 'umap-ae', hidden: [32], latentDim: 2 });
    await store.dataset({ train: true });
    let done = null;
    const t0 = performance.now();
    store.addEventListener('progress', ({ detail: p }) => {
      if (p.phase === 'graph' && p.graph.done === p.graph.total) done ??= { seconds: (performance.now() - t0) / 1000, n: p.graph.total };
      if (p.phase === 'step') store.stop();
    });
    await store.train({ epochs: 1 });
    if (!done) throw new Error('no graph progress');
    log(`${backend}: graph of ${done.n} samples in ${done.seconds.toFixed(1)} s`);
    return done;
  } finally {
    await store.dispose();
  }
};
window.benchReady = true;
