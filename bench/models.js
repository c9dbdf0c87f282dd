// Training speed per model spec and backend, with tfjs-layers models built like
// src/engine/model.ts, the engine's Adam and its wasm kernels registered (bundled by scripts/bench.mjs
// into models.bundle.js). Also a per-kernel profile of one training step.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmKernels } from '../src/engine/kernels/index.js';
import { Adam } from '../src/engine/adam.js';
import { reconstructionLoss } from '../src/engine/losses.js';

setWasmPaths(new URL('../node_modules/@tensorflow/tfjs-backend-wasm/dist/', location.href).href);

/**
 * The store's architecture for `kind: 'ae'` and `kind: 'conv'` (see src/engine/model.ts),
 * or with `layout: 'anchor'` the layers of ../shared/anchors/torch_speed.py (linear code;
 * a conv decoder that ends in a stride-2 ConvTranspose to the image channels).
 */
function buildModel({ kind = 'ae', height: h = 28, width: w = 28, channels: c = 1, hidden = [200, 200], latentDim = 2, filters = [16, 32], layout = 'store', codeActivation }) {
  const layers = [];
  const dense = (units, activation) => tfl.layers.dense({ units, activation });
  const conv = (f, strides, activation) => tfl.layers.conv2d({ filters: f, kernelSize: 3, strides, padding: 'same', activation });
  if (kind === 'conv') {
    layers.push(tfl.layers.inputLayer({ inputShape: [h, w, c] }));
    for (const f of filters) layers.push(conv(f, 2, 'relu'));
    layers.push(tfl.layers.flatten());
  } else layers.push(tfl.layers.flatten({ inputShape: [h, w, c] }));
  for (const u of hidden) layers.push(dense(u, 'relu'));
  layers.push(dense(latentDim, layout === 'anchor' ? 'linear' : (codeActivation ?? (kind === 'conv' ? 'linear' : 'tanh'))));
  for (const u of [...hidden].reverse()) layers.push(dense(u, 'relu'));
  if (kind === 'conv') {
    const s = 2 ** filters.length;
    const [fh, fw, top] = [Math.ceil(h / s), Math.ceil(w / s), filters.at(-1)];
    layers.push(dense(fh * fw * top, 'relu'), tfl.layers.reshape({ targetShape: [fh, fw, top] }));
    const up = (f, activation) => tfl.layers.conv2dTranspose({ filters: f, kernelSize: 3, strides: 2, padding: 'same', activation });
    if (layout === 'anchor') {
      // torch_speed.py's decoder: the filters reversed without the last, then the image channels.
      const outs = [...[...filters].reverse().slice(1), c];
      outs.forEach((f, i) => layers.push(up(f, i === outs.length - 1 ? 'sigmoid' : 'relu')));
    } else for (const f of [...filters].reverse()) layers.push(up(f, 'relu'));
    if (fh * s !== h || fw * s !== w) layers.push(tfl.layers.cropping2D({ cropping: [[0, fh * s - h], [0, fw * s - w]] }));
    if (layout !== 'anchor') layers.push(conv(c, 1, 'sigmoid'));
  } else layers.push(dense(h * w * c, 'sigmoid'), tfl.layers.reshape({ targetShape: [h, w, c] }));
  return tfl.sequential({ layers });
}

function trainer(spec, batch) {
  const { height: h = 28, width: w = 28, channels: c = 1 } = spec;
  // The engine's own loss; torch_speed.py trains with binary cross-entropy, the store's default is MSE.
  const lossName = spec.layout === 'anchor' || spec.loss === 'bce' ? 'bce' : 'mse';
  const loss = (x, y) => reconstructionLoss(lossName, x, y);
  const model = buildModel(spec);
  const opt = new Adam(1e-3); // the engine's: one fused kernel per variable on wasm
  const data = tf.randomUniform([1024, h, w, c]);
  const vars = model.trainableWeights.map((v) => v.read());
  const idx = new Int32Array(batch);
  const step = () => {
    for (let i = 0; i < batch; i++) idx[i] = Math.floor(Math.random() * 1024);
    return tf.tidy(() => {
      const x = tf.gather(data, tf.tensor1d(idx, 'int32'));
      return opt.minimize(() => loss(x, model.apply(x, { training: true })), true, vars);
    });
  };
  const dispose = () => {
    data.dispose();
    model.dispose();
    opt.dispose();
  };
  return { step, dispose };
}

/** Kernel name -> { ms, calls } over `steps` profiled steps, slowest first. */
async function profileSteps(step, steps) {
  const total = {};
  for (let i = 0; i < steps; i++) {
    const info = await tf.profile(async () => {
      const loss = step();
      await loss.data();
      loss.dispose();
    });
    for (const k of info.kernels) {
      const t = (total[k.name] ??= { ms: 0, calls: 0 });
      t.ms += (await k.kernelTimeMs) / steps;
      t.calls += 1 / steps;
    }
  }
  return Object.entries(total).sort((a, b) => b[1].ms - a[1].ms).map(([name, t]) => ({ name, ms: t.ms, calls: Math.round(t.calls) }));
}

/** Samples/s for one spec on one backend over ~`seconds` of timed steps (after warm-up). */
window.runModel = async ({ backend, spec, batch = 64, seconds = 3, warmup = 3, profile = 0 }) => {
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} failed to start`);
  await tf.ready();
  if (backend === 'wasm') registerWasmKernels();
  const before = tf.memory().numTensors;
  const t = trainer(spec, batch);
  try {
    const once = async () => {
      const loss = t.step();
      await loss.data(); // one read-back per step, as the store does
      loss.dispose();
    };
    for (let i = 0; i < warmup; i++) await once();
    let steps = 0;
    const t0 = performance.now();
    for (; performance.now() - t0 < seconds * 1000 || steps < 2; steps++) await once();
    const ms = performance.now() - t0;
    const kernels = profile ? await profileSteps(t.step, profile) : null;
    return { backend, samplesPerSec: (steps * batch * 1000) / ms, steps, kernels };
  } finally {
    t.dispose();
    const leaked = tf.memory().numTensors - before;
    if (leaked > 0) console.warn(`[bench] ${leaked} tensors leaked on ${backend}`);
  }
};
window.modelsReady = true;
