import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { initBackend } from '../../src/engine/backends.js';
import { Adam } from '../../src/engine/adam.js';
import { ADAM_UPDATE } from '../../src/engine/kernels/adam.js';

// The engine's Adam runs each variable's update as one wasm kernel (SIMD, with a plain
// loop for the last floats): after several steps its weights and moments must match
// tf.train.adam on tfjs-backend-cpu, and elsewhere it must be tf.train.adam itself.
describe('fused Adam on wasm', () => {
  // Sizes around the 4-float SIMD width, and a layer's worth.
  const shapes = [[1], [3], [7, 5], [64, 33], [784, 200]];
  const STEPS = 6;

  /** Weights and both moments after STEPS steps of fixed pseudo-random gradients, with a rate change midway. */
  function run(make: (rate: number) => tf.Optimizer) {
    const vars = shapes.map((s, i) => tf.tidy(() => tf.variable(tf.randomNormal(s, 0, 1, 'float32', 10 + i), true, `adam_test_${i}_${Math.random()}`)));
    const opt = make(0.01);
    for (let step = 0; step < STEPS; step++) {
      if (step === 3) (opt as unknown as { learningRate: number }).learningRate = 0.003;
      tf.tidy(() => {
        // Gradients of very different sizes, so epsilon and the bias corrections both matter.
        const grads = vars.map((v, i) => ({ name: v.name, tensor: tf.mul(tf.randomNormal(v.shape, 0, 1, 'float32', 1 + 100 * step + i), 10 ** (i - 3)) }));
        opt.applyGradients(grads);
      });
    }
    const slots = opt as unknown as { accumulatedFirstMoment: { variable: tf.Variable }[]; accumulatedSecondMoment: { variable: tf.Variable }[] };
    const out = vars.map((v, i) => [v, slots.accumulatedFirstMoment[i].variable, slots.accumulatedSecondMoment[i].variable].map((t) => Array.from(t.dataSync())));
    opt.dispose();
    tf.dispose(vars);
    return out;
  }

  /** The largest difference, relative to the largest value of b (moments span many decades between tensors). */
  const worst = (a: number[], b: number[]) => {
    const scale = b.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
    return a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0) / scale;
  };

  it('matches tf.train.adam on tfjs-backend-cpu within 1e-4, and leaks nothing', async () => {
    await tf.setBackend('cpu');
    const expected = run((rate) => tf.train.adam(rate, 0.9, 0.999, 1e-7));
    await initBackend({ preference: 'wasm', wasmPaths: '/node_modules/@tensorflow/tfjs-backend-wasm/dist/' });
    expect(tf.getKernel(ADAM_UPDATE, 'wasm'), 'the kernel is registered').to.not.equal(undefined);
    const before = tf.memory().numTensors;
    const actual = run((rate) => new Adam(rate));
    expect(tf.memory().numTensors).to.equal(before);
    shapes.forEach((s, i) =>
      ['weights', 'first moment', 'second moment'].forEach((what, k) => {
        expect(actual[i][k].length).to.equal(expected[i][k].length);
        expect(worst(actual[i][k], expected[i][k]), `${what} of ${s}`).to.be.below(1e-4);
      }),
    );
    // The weights moved: a kernel that returned its inputs would match nothing above, but say so plainly.
    const start = Array.from(tf.tidy(() => tf.randomNormal(shapes[4], 0, 1, 'float32', 14)).dataSync());
    expect(worst(actual[4][0], start)).to.be.above(1e-3);
  });

  it('is tf.train.adam where the backend has no fused kernel', async () => {
    await tf.setBackend('cpu');
    const expected = run((rate) => tf.train.adam(rate, 0.9, 0.999, 1e-7));
    const actual = run((rate) => new Adam(rate));
    expected.forEach((parts, i) => parts.forEach((p, k) => expect(actual[i][k]).to.deep.equal(p)));
  });
});
