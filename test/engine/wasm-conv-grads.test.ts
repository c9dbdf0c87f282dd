import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { initBackend } from '../../src/engine/backends.js';

// The engine's wasm Conv2DBackpropFilter and Conv2DBackpropInput (im2col + GEMM) must
// match tfjs-backend-cpu's kernels: through conv2d's gradients and conv2dTranspose.
describe('convolution gradients on wasm', () => {
  type Shape = [number, number, number, number];
  type Pad = 'same' | 'valid' | [[number, number], [number, number], [number, number], [number, number]];
  const cases: [string, Shape, Shape, number | [number, number], Pad][] = [
    ['same, stride 2, 1 channel', [3, 28, 28, 1], [3, 3, 1, 4], 2, 'same'],
    ['same, stride 2, odd size', [2, 7, 7, 5], [3, 3, 5, 6], 2, 'same'],
    ['same, stride 2, colour', [2, 32, 32, 3], [3, 3, 3, 8], 2, 'same'],
    ['valid, stride 1', [2, 9, 8, 3], [3, 3, 3, 2], 1, 'valid'],
    ['same, stride 1, 5x5', [2, 12, 12, 2], [5, 5, 2, 3], 1, 'same'],
    ['valid, strides 2x1, 2x3 filter', [3, 10, 9, 4], [2, 3, 4, 5], [2, 1], 'valid'],
    ['valid, stride 2, 1x1 filter', [2, 7, 7, 3], [1, 1, 3, 4], 2, 'valid'],
    ['same, stride 2, 5x5 filter, odd size', [2, 9, 11, 2], [5, 5, 2, 3], 2, 'same'],
    ['same, stride 2, large enough for several GEMM chunks', [8, 64, 64, 16], [3, 3, 16, 8], 2, 'same'],
    ['explicit pad, stride 3', [2, 11, 13, 2], [3, 3, 2, 3], 3, [[0, 0], [2, 1], [0, 2], [0, 0]]],
    // Stride 1 with input channels a multiple of 8: one GEMM per tap.
    ['same, stride 1, 16 channels to 1 (an output layer)', [3, 28, 28, 16], [3, 3, 16, 1], 1, 'same'],
    ['same, stride 1, 32 channels to 3, not square', [2, 12, 10, 32], [3, 3, 32, 3], 1, 'same'],
    ['valid, stride 1, 2x3 filter, 8 channels to 5', [2, 9, 8, 8], [2, 3, 8, 5], 1, 'valid'],
    ['explicit pad, stride 1, 8 channels to 8', [2, 7, 9, 8], [3, 3, 8, 8], 1, [[0, 0], [2, 0], [1, 1], [0, 0]]],
  ];

  /** Gradients of a conv2d and the output of a conv2dTranspose, as plain arrays. */
  function run(xShape: Shape, fShape: Shape, stride: number | [number, number], pad: Pad) {
    return tf.tidy(() => {
      const x = tf.randomNormal(xShape, 0, 1, 'float32', 1) as tf.Tensor4D;
      const f = tf.randomNormal(fShape, 0, 1, 'float32', 2) as tf.Tensor4D;
      const loss = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, pad as 'same')));
      const [dx, df] = tf.grads(loss)([x, f]);
      const y = tf.conv2d(x, f, stride, pad as 'same');
      const back = tf.conv2dTranspose(y, f, xShape, stride, pad as 'same');
      return [dx, df, back].map((t) => Array.from(t.dataSync()));
    });
  }

  for (const [name, xShape, fShape, stride, pad] of cases) {
    it(name, async () => {
      await tf.setBackend('cpu');
      const expected = run(xShape, fShape, stride, pad);
      await initBackend({ preference: 'wasm', wasmPaths: '/node_modules/@tensorflow/tfjs-backend-wasm/dist/' });
      expect(tf.getBackend()).to.equal('wasm');
      const before = tf.memory().numTensors;
      const actual = run(xShape, fShape, stride, pad);
      expect(tf.memory().numTensors).to.equal(before);
      ['input gradient', 'filter gradient', 'conv2dTranspose'].forEach((what, k) => {
        expect(actual[k].length, what).to.equal(expected[k].length);
        const worst = actual[k].reduce((m, v, i) => Math.max(m, Math.abs(v - expected[k][i]) / (1 + Math.abs(expected[k][i]))), 0);
        expect(worst, what).to.be.below(1e-4);
      });
    });
  }
});
