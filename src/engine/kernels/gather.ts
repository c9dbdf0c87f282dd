import * as tf from '@tensorflow/tfjs-core';
import { wrapKernel, type WasmBackend } from './wasm-heap.js';

/**
 * GatherV2 on wasm as one block copy per index: tfjs-backend-wasm 4.22 copies element by
 * element (1.5 ms for a 64-image batch of MNIST, a tenth of a dense training step). Only
 * batchDims 0 of numeric tensors; anything else goes to the backend's own kernel.
 */
export function registerGather(): void {
  wrapKernel(tf.GatherV2, (b, args) => {
    const { x, indices } = args.inputs as { x: tf.TensorInfo; indices: tf.TensorInfo };
    const { axis, batchDims } = args.attrs as unknown as tf.GatherV2Attrs;
    if (batchDims || !['float32', 'int32'].includes(x.dtype) || !['float32', 'int32'].includes(indices.dtype)) return null;
    return gather(b, x, indices, tf.util.parseAxisParam(axis, x.shape)[0]);
  });
}

function gather(b: WasmBackend, x: tf.TensorInfo, indices: tf.TensorInfo, axis: number): tf.TensorInfo {
  const dim = x.shape[axis];
  const outer = tf.util.sizeFromShape(x.shape.slice(0, axis));
  const inner = tf.util.sizeFromShape(x.shape.slice(axis + 1));
  const count = tf.util.sizeFromShape(indices.shape);
  const idx = Int32Array.from(view(b, indices)); // a copy: the output may grow the heap
  for (const i of idx) {
    if (!(i >= 0 && i < dim)) throw new Error(`GatherV2: the index value ${i} is not in [0, ${dim - 1}]`);
  }
  const out = b.makeOutput([...x.shape.slice(0, axis), ...indices.shape, ...x.shape.slice(axis + 1)], x.dtype);
  const src = view(b, x);
  const dst = view(b, out);
  let d = 0;
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < count; k++, d += inner) {
      const s = (o * dim + idx[k]) * inner;
      if (inner < 16) for (let e = 0; e < inner; e++) dst[d + e] = src[s + e];
      else dst.set(src.subarray(s, s + inner), d);
    }
  }
  return out;
}

/** The typed array of a float32 or int32 tensor on the heap. */
const view = (b: WasmBackend, t: tf.TensorInfo) => (b as unknown as { typedArrayFromHeap(t: tf.TensorInfo): Float32Array | Int32Array }).typedArrayFromHeap(t);
