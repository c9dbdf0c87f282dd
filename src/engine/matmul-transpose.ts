import * as tf from '@tensorflow/tfjs-core';
import { wrapKernel } from './kernels/wasm-heap.js';

/**
 * tfjs-backend-wasm 4.22 multiplies fast only untransposed operands: with transposeA or
 * transposeB set, BatchMatMul takes a slow path (8000x784 by itself transposed: 12 s
 * against 0.66 s with an explicit transpose first). Backpropagation through every dense
 * layer asks for both flags, so this wraps the kernel to transpose explicitly and then
 * call the original with the flags cleared.
 */
export function registerMatMulTranspose(): void {
  wrapKernel(tf.BatchMatMul, (_, args, previous) => {
    const { transposeA, transposeB } = args.attrs as unknown as tf.BatchMatMulAttrs;
    if (!transposeA && !transposeB) return null;
    const { a, b } = args.inputs as { a: tf.Tensor; b: tf.Tensor };
    const at = transposeA ? swapLast(a) : a;
    const bt = transposeB ? swapLast(b) : b;
    try {
      return previous({ ...args, inputs: { a: at, b: bt }, attrs: { ...args.attrs, transposeA: false, transposeB: false } } as never) as tf.TensorInfo;
    } finally {
      if (at !== a) at.dispose();
      if (bt !== b) bt.dispose();
    }
  });
}

function swapLast(t: tf.Tensor): tf.Tensor {
  const perm = [...Array(t.rank).keys()];
  [perm[t.rank - 2], perm[t.rank - 1]] = [perm[t.rank - 1], perm[t.rank - 2]];
  return tf.transpose(t, perm);
}
