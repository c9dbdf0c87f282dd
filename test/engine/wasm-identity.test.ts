import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { initBackend } from '../../src/engine/backends.js';

// The engine's wasm Identity shares data instead of copying: each tensor must still live
// and die on its own, and values and gradients must be unchanged.
describe('Identity on wasm', () => {
  before(() => initBackend({ preference: 'wasm', wasmPaths: '/node_modules/@tensorflow/tfjs-backend-wasm/dist/' }));

  it('a clone outlives its source and frees nothing twice', () => {
    const before = tf.memory();
    const a = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const b = tf.clone(a);
    a.dispose();
    expect(Array.from(b.dataSync())).to.deep.equal([1, 2, 3, 4]);
    const c = tf.add(b, 1);
    b.dispose();
    expect(Array.from(c.dataSync())).to.deep.equal([2, 3, 4, 5]);
    c.dispose();
    expect(tf.memory().numTensors).to.equal(before.numTensors);
    expect(tf.memory().numBytes).to.equal(before.numBytes);
  });

  it('a variable assigned from a clone keeps its own value', () => {
    const before = tf.memory().numTensors;
    const init = tf.tensor1d([1, 2, 3]);
    const v = tf.variable(init);
    const snapshot = tf.clone(v);
    const doubled = tf.mul(v, 2) as tf.Tensor1D;
    v.assign(doubled);
    expect(Array.from(snapshot.dataSync())).to.deep.equal([1, 2, 3]);
    expect(Array.from(v.dataSync())).to.deep.equal([2, 4, 6]);
    tf.dispose([init, v, snapshot, doubled]);
    expect(tf.memory().numTensors).to.equal(before);
  });

  it('gradients through identities are unchanged', () => {
    const before = tf.memory().numTensors;
    const x = tf.tensor1d([0.5, -1, 2]);
    const g = tf.grad((t: tf.Tensor) => tf.sum(tf.square(tf.clone(tf.clone(t)))))(x);
    expect(Array.from(g.dataSync())).to.deep.equal([1, -2, 4]);
    tf.dispose([x, g]);
    expect(tf.memory().numTensors).to.equal(before);
  });
});
