import * as tf from '@tensorflow/tfjs-core';
import { wrapKernel } from './wasm-heap.js';

/**
 * Identity on wasm shares the data (one more reference), as Reshape there and Identity on
 * the cpu backend do: tfjs-backend-wasm 4.22 copies it, and gradients and layers call
 * Identity some 40 times per training step. No kernel writes into its inputs, so sharing
 * is safe. Strings keep the backend's own kernel.
 */
export function registerIdentity(): void {
  wrapKernel(tf.Identity, (b, args) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    if (x.dtype === 'string') return null;
    b.incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  });
}
