// The bare TensorFlow.js baseline: the store's default architecture built directly with
// tfjs-layers and trained with model.trainOnBatch(x, x). scripts/bench.mjs bundles this
// file with esbuild into bare.bundle.js; bare.html runs it in its own iframe so its copy
// of tfjs-core never shares the global engine with the library under test.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

setWasmPaths(new URL('../dist/wasm/', location.href).href);

function buildModel() {
  const dense = (units, activation) => tfl.layers.dense({ units, activation });
  const model = tfl.sequential({
    layers: [
      tfl.layers.flatten({ inputShape: [28, 28, 1] }),
      dense(200, 'relu'), dense(200, 'relu'), dense(2, 'tanh'),
      dense(200, 'relu'), dense(200, 'relu'), dense(784, 'sigmoid'),
    ],
  });
  // Layers wants the target to match the output: [batch, 784].
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' });
  return model;
}

/**
 * Trains `warmup` then `steps` random batches; returns samples/s over the timed steps.
 * Arrays arrive from the parent frame: copy them into this realm's typed arrays,
 * since tfjs checks `instanceof Float32Array`.
 */
window.runBare = async ({ backend, images, n, trainIndices, batch, warmup, steps }) => {
  if (!(await tf.setBackend(backend))) throw new Error(`bare: backend ${backend} failed to start`);
  await tf.ready();
  const pixels = new Float32Array(images); // a fast copy, even across realms
  const train = Int32Array.from(trainIndices);
  const model = buildModel();
  const all = tf.tensor4d(pixels, [n, 28, 28, 1]);
  const idx = new Int32Array(batch);
  const step = async () => {
    for (let i = 0; i < batch; i++) idx[i] = train[Math.floor(Math.random() * train.length)];
    const [x, y] = tf.tidy(() => {
      const x = tf.gather(all, tf.tensor1d(idx, 'int32'));
      return [x, tf.reshape(x, [batch, 784])];
    });
    const loss = await model.trainOnBatch(x, y); // awaits the loss: one sync per step
    tf.dispose([x, y]);
    return loss;
  };
  for (let i = 0; i < warmup; i++) await step();
  // Same two measures as the store: overall mean, and the median of ~100 ms windows.
  const windows = [];
  const t0 = performance.now();
  let w0 = t0;
  let wSteps = 0;
  let loss = NaN;
  for (let i = 0; i < steps; i++) {
    loss = await step();
    wSteps++;
    const t = performance.now();
    if (t - w0 >= 100) {
      windows.push((wSteps * batch * 1000) / (t - w0));
      w0 = t;
      wSteps = 0;
    }
  }
  const ms = performance.now() - t0;
  windows.sort((a, b) => a - b);
  const median = windows.length ? (windows[(windows.length - 1) >> 1] + windows[windows.length >> 1]) / 2 : NaN;
  all.dispose();
  model.dispose();
  return { backend: tf.getBackend(), mean: (steps * batch * 1000) / ms, median, loss, ms };
};
