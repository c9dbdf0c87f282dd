import * as tf from '@tensorflow/tfjs-core';
import type { KernelArgs } from './wasm-heap.js';

/**
 * Identity on wasm shares the data (one more reference), as Reshape there and Identity on
 * the cpu backend do: tfjs-backend-wasm 4.22 copies it, and gradients and layers call
 * Identity some 40 times per training step. No kernel writes into its inputs, so sharing
 * is safe. Strings keep the backend's own kernel.
 */
export function registerIdentity(): void {
  const original = tf.getKernel(tf.Identity, 'wasm');
  if (!original || OURS.has(original.kernelFunc)) return;
  const kernelFunc = ((args: KernelArgs) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    if (x.dtype === 'string') return original.kernelFunc(args as never);
    (args.backend as { incRef(id: tf.DataId): void }).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  }) as tf.KernelFunc;
  OURS.add(kernelFunc);
  tf.unregisterKernel(tf.Identity, 'wasm');
  tf.registerKernel({ ...original, kernelFunc });
}

const OURS = new WeakSet<tf.KernelFunc>();
