import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { initBackend } from '../../src/engine/backends.js';

// The wasm Conv2DBackpropFilter built from other ops must match tfjs-backend-cpu's kernel.
describe('Conv2DBackpropFilter on wasm', () => {
  type Shape = [number, number, number, number];
  const cases: [string, Shape, Shape, 1 | 2, 'same' | 'valid'][] = [
    ['same, stride 2', [3, 28, 28, 1], [3, 3, 1, 4], 2, 'same'],
    ['same, stride 2, odd size', [2, 7, 7, 5], [3, 3, 5, 6], 2, 'same'],
    ['valid, stride 1', [2, 9, 8, 3], [3, 3, 3, 2], 1, 'valid'],
    ['same, stride 1, 5x5', [2, 12, 12, 2], [5, 5, 2, 3], 1, 'same'],
  ];

  function filterGrad(xShape: Shape, fShape: Shape, stride: 1 | 2, pad: 'same' | 'valid') {
    return tf.tidy(() => {
      const x = tf.randomNormal(xShape, 0, 1, 'float32', 1) as tf.Tensor4D;
      const f = tf.randomNormal(fShape, 0, 1, 'float32', 2) as tf.Tensor4D;
      const g = tf.grad((filter) => tf.sum(tf.square(tf.conv2d(x, filter as tf.Tensor4D, stride, pad))))(f);
      return Array.from(g.dataSync());
    });
  }

  for (const [name, xShape, fShape, stride, pad] of cases) {
    it(name, async () => {
      await tf.setBackend('cpu');
      const expected = filterGrad(xShape, fShape, stride, pad);
      await initBackend({ preference: 'wasm', wasmPaths: '/node_modules/@tensorflow/tfjs-backend-wasm/dist/' });
      expect(tf.getBackend()).to.equal('wasm');
      const before = tf.memory().numTensors;
      const actual = filterGrad(xShape, fShape, stride, pad);
      expect(tf.memory().numTensors).to.equal(before);
      expect(actual.length).to.equal(expected.length);
      const worst = Math.max(...actual.map((v, i) => Math.abs(v - expected[i]) / (1 + Math.abs(expected[i]))));
      expect(worst).to.be.below(1e-4);
    });
  }
});
