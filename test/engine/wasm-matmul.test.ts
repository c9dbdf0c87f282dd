import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { initBackend } from '../../src/engine/backends.js';

// The engine's wasm BatchMatMul and _FusedMatMul (its own SIMD GEMM where the shapes fit,
// the previous kernels elsewhere) must match tfjs-backend-cpu: products in every
// transposition, fused bias and activations, and the gradients of a dense layer.
describe('matrix products on wasm', () => {
  type Case = [name: string, a: number[], b: number[], transposeA: boolean, transposeB: boolean];
  const cases: Case[] = [
    ['a batch by a layer', [64, 784], [784, 200], false, false],
    ['into a wide layer', [64, 200], [200, 784], false, false],
    ['a transposed (weight gradient)', [64, 784], [64, 200], true, false],
    ['b transposed (input gradient)', [64, 784], [200, 784], false, true],
    ['both transposed', [12, 8], [16, 12], true, true],
    ['a batch of one', [1, 8, 5], [1, 5, 16], false, false],
    ['rows not a multiple of 4', [6, 9], [9, 16], false, false],
    ['columns not a multiple of 8', [8, 9], [9, 2], false, false],
    ['a true batch', [3, 4, 5], [3, 5, 8], false, false],
    ['one inner element', [4, 1], [1, 8], false, false],
  ];

  // Values of a layer's scale, so float32 rounding stays far below the tolerance.
  const rand = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 0.1, 'float32', seed);

  /** Each case's product, fused product with bias (linear and relu) and sigmoid, and dense gradients, as arrays. */
  function run(): number[][][] {
    return tf.tidy(() =>
      cases.map(([, as, bs, ta, tb], i) => {
        const a = rand(as, 1 + i);
        const b = rand(bs, 101 + i);
        const n = tb ? bs[bs.length - 2] : bs[bs.length - 1];
        const bias = rand([n], 201 + i);
        const outs = [
          tf.matMul(a, b, ta, tb),
          tf.fused.matMul({ a, b, transposeA: ta, transposeB: tb, bias, activation: 'linear' }),
          tf.fused.matMul({ a, b, transposeA: ta, transposeB: tb, bias, activation: 'relu' }),
          tf.fused.matMul({ a, b, transposeA: ta, transposeB: tb, activation: 'sigmoid' }),
          ...tf.grads((x: tf.Tensor, w: tf.Tensor) => tf.sum(tf.square(tf.matMul(x, w, ta, tb))))([a, b]),
        ];
        return outs.map((t) => Array.from(t.dataSync()));
      }),
    );
  }

  it('add a bias of shape [m, 1] along the rows', async () => {
    const run = () =>
      tf.tidy(() => {
        const [a, b, bias] = [rand([8, 8], 1), rand([8, 8], 2), rand([8, 1], 3)];
        return Array.from(tf.fused.matMul({ a, b, bias, activation: 'relu' }).dataSync());
      });
    await tf.setBackend('cpu');
    const expected = run();
    await initBackend({ preference: 'wasm', wasmPaths: '/node_modules/@tensorflow/tfjs-backend-wasm/dist/' });
    const actual = run();
    expect(actual.reduce((m, v, j) => Math.max(m, Math.abs(v - expected[j])), 0)).to.be.below(1e-5);
  });

  it('agree with tfjs-backend-cpu within 1e-4 and leak nothing', async () => {
    await tf.setBackend('cpu');
    const expected = run();
    await initBackend({ preference: 'wasm', wasmPaths: '/node_modules/@tensorflow/tfjs-backend-wasm/dist/' });
    expect(tf.getBackend()).to.equal('wasm');
    const before = tf.memory().numTensors;
    const actual = run();
    expect(tf.memory().numTensors).to.equal(before);
    cases.forEach(([name], i) =>
      ['product', 'fused + bias', 'fused + bias + relu', 'fused sigmoid', 'gradient of a', 'gradient of b'].forEach((what, k) => {
        const [got, want] = [actual[i][k], expected[i][k]];
        expect(got.length, `${name}: ${what}`).to.equal(want.length);
        const worst = got.reduce((m, v, j) => Math.max(m, Math.abs(v - want[j]) / (1 + Math.abs(want[j]))), 0);
        expect(worst, `${name}: ${what}`).to.be.below(1e-4);
      }),
    );
  });
});
