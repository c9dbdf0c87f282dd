import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { initBackend } from '../../src/engine/backends.js';
import { bceSumKernel } from '../../src/engine/kernels/bce.js';

// The engine's binary cross-entropy kernels on wasm must give the loss and both gradients
// of the plain ops (clip to [1e-7, 1 - 1e-7], no gradient where clipped) on tfjs-backend-cpu,
// saturated outputs included.
describe('binary cross-entropy on wasm', () => {
  /** The loss as the engine wrote it in ops before the kernel. */
  const plain = (t: tf.Tensor, p: tf.Tensor): tf.Scalar => {
    const q = tf.clipByValue(p, 1e-7, 1 - 1e-7);
    return tf.sum(tf.neg(tf.add(tf.mul(t, tf.log(q)), tf.mul(tf.sub(1, t), tf.log(tf.sub(1, q))))));
  };

  /** Targets (binary and grey) and outputs with exact 0, 1 and values at the clip bounds. */
  function inputs() {
    const n = 64 * 49;
    const special = [0, 1, 1e-9, 1 - 1e-9, 1e-7, 1 - 1e-7, 0.5, 1e-3, 0.999];
    const p = Float32Array.from({ length: n }, (_, i) => (i < special.length ? special[i] : ((i * 7919) % 1000) / 1000 + 0.0004));
    const t = Float32Array.from({ length: n }, (_, i) => (i % 3 === 0 ? (i % 2) : ((i * 104729) % 997) / 997));
    return [tf.tensor2d(t, [64, 49]), tf.tensor2d(p, [64, 49])];
  }

  function run(loss: (t: tf.Tensor, p: tf.Tensor) => tf.Scalar) {
    return tf.tidy(() => {
      const [t, p] = inputs();
      // A mean, as the engine takes it, so the upstream gradient is not 1.
      const f = (a: tf.Tensor, b: tf.Tensor) => tf.div(loss(a, b), a.size) as tf.Scalar;
      const [dt, dp] = tf.grads(f)([t, p]);
      return [f(t, p), dt, dp].map((x) => Array.from(x.dataSync()));
    });
  }

  it('matches the plain ops on tfjs-backend-cpu within 1e-4, and leaks nothing', async () => {
    await tf.setBackend('cpu');
    expect(bceSumKernel(tf.zeros([2]), tf.zeros([2])), 'no kernel on cpu').to.equal(null);
    const expected = run(plain);
    await initBackend({ preference: 'wasm', wasmPaths: '/node_modules/@tensorflow/tfjs-backend-wasm/dist/' });
    const before = tf.memory().numTensors;
    const actual = run((t, p) => bceSumKernel(t, p)!);
    expect(tf.memory().numTensors).to.equal(before);
    ['loss', 'gradient of the target', 'gradient of the output'].forEach((what, k) => {
      const [got, want] = [actual[k], expected[k]];
      expect(got.length, what).to.equal(want.length);
      const scale = want.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      const worst = got.reduce((m, v, i) => Math.max(m, Math.abs(v - want[i])), 0) / scale;
      expect(worst, what).to.be.below(1e-4);
    });
    // Clipped outputs (exact 0 and 1, and beyond the bounds) get no gradient, as clipByValue's.
    [0, 1, 2, 3].forEach((i) => expect(actual[2][i], `output ${i}`).to.equal(0));
  });
});
