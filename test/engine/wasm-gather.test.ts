import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { initBackend } from '../../src/engine/backends.js';

// The engine's wasm GatherV2 (block copies) must match tfjs-backend-cpu's.
describe('GatherV2 on wasm', () => {
  const cases: [string, number[], 'float32' | 'int32', number[], number[], number][] = [
    ['rows of a batch of images', [12, 28, 28, 1], 'float32', [5], [3, 0, 11, 3, 7], 0],
    ['middle axis', [4, 9, 20], 'float32', [6], [8, 0, 2, 2, 5, 1], 1],
    ['last axis (short blocks)', [3, 5, 7], 'int32', [4], [6, 0, 3, 6], 2],
    ['2-D indices', [10, 40], 'float32', [2, 3], [9, 1, 0, 4, 4, 2], 0],
  ];

  function run(shape: number[], dtype: 'float32' | 'int32', idxShape: number[], idx: number[], axis: number) {
    return tf.tidy(() => {
      const size = shape.reduce((a, b) => a * b, 1);
      const x = tf.tensor(Array.from({ length: size }, (_, i) => (dtype === 'int32' ? i : Math.sin(i))), shape, dtype);
      const y = tf.gather(x, tf.tensor(idx, idxShape, 'int32'), axis);
      return { shape: y.shape, values: Array.from(y.dataSync()) };
    });
  }

  for (const [name, shape, dtype, idxShape, idx, axis] of cases) {
    it(name, async () => {
      await tf.setBackend('cpu');
      const expected = run(shape, dtype, idxShape, idx, axis);
      await initBackend({ preference: 'wasm', wasmPaths: '/node_modules/@tensorflow/tfjs-backend-wasm/dist/' });
      expect(tf.getBackend()).to.equal('wasm');
      const before = tf.memory().numTensors;
      const actual = run(shape, dtype, idxShape, idx, axis);
      expect(tf.memory().numTensors).to.equal(before);
      expect(actual.shape).to.deep.equal(expected.shape);
      expect(actual.values).to.deep.equal(expected.values);
    });
  }

  it('rejects an index out of range and leaks nothing', async () => {
    await initBackend({ preference: 'wasm', wasmPaths: '/node_modules/@tensorflow/tfjs-backend-wasm/dist/' });
    const before = tf.memory().numTensors;
    expect(() => tf.tidy(() => tf.gather(tf.zeros([4, 3]), tf.tensor1d([1, 4], 'int32')))).to.throw(/index value 4/);
    expect(tf.memory().numTensors).to.equal(before);
  });
});
