import * as tf from '@tensorflow/tfjs-core';
import { heap, offsetOf, wrapKernel, type KernelArgs, type WasmBackend } from './wasm-heap.js';
import { simdOf } from './wasm-simd.js';

/**
 * BatchMatMul and _FusedMatMul on wasm through the engine's own SIMD GEMM (wasm-simd.ts)
 * for the float32 matrices training multiplies: 2-D (or a batch of one), rows a multiple
 * of 4, columns of 8.
 * a may be transposed in place; a transposed b is transposed first. Anything else goes to
 * the kernel registered before (for BatchMatMul, the transposing wrapper over XNNPACK).
 * _FusedMatMul with linear or relu (training fuses only linear) adds its bias here, for
 * every shape: tfjs-backend-wasm 4.22's adds it wrongly when a is transposed or batched,
 * and refuses a bias that is not a vector.
 */
export function registerMatMul(): void {
  wrapKernel(tf.BatchMatMul, product);
  wrapKernel(tf._FusedMatMul, (b, args) => {
    const { bias, preluActivationWeights } = args.inputs as { bias?: tf.TensorInfo; preluActivationWeights?: tf.TensorInfo };
    const { activation } = args.attrs as unknown as tf._FusedMatMulAttrs;
    if (preluActivationWeights || !['linear', 'relu'].includes(activation) || (bias && bias.dtype !== 'float32')) return null;
    const out = product(b, args) ?? (tf.getKernel(tf.BatchMatMul, 'wasm')!.kernelFunc(args as never) as tf.TensorInfo);
    const n = outputColumns(args);
    const relu = activation === 'relu';
    // A bias along the columns ([n], [1, n]) is added here; any other shape ([m, 1]...) by
    // the backend's broadcasting Add, where tfjs-backend-wasm's own kernel refuses it.
    if (!bias || (bias.shape.at(-1) === n && tf.util.sizeFromShape(bias.shape) === n)) {
      if (bias || relu) finish(heap(b, out), bias && heap(b, bias), relu);
      return out;
    }
    try {
      const sum = tf.getKernel(tf.Add, 'wasm')!.kernelFunc({ inputs: { a: out, b: bias }, backend: b as never, attrs: {} }) as tf.TensorInfo;
      if (relu) finish(heap(b, sum), undefined, true);
      return sum;
    } finally {
      b.disposeData(out.dataId);
    }
  });
}

const outputColumns = (args: KernelArgs) => {
  const { b: y } = args.inputs as { b: tf.TensorInfo };
  return y.shape[y.shape.length - ((args.attrs as unknown as tf.BatchMatMulAttrs).transposeB ? 2 : 1)];
};

/** a b (either transposed) by the SIMD GEMM, or null where it does not apply. */
function product(b: WasmBackend, args: KernelArgs): tf.TensorInfo | null {
  const { a: x, b: y } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
  const { transposeA, transposeB } = args.attrs as unknown as tf.BatchMatMulAttrs;
  const simd = simdOf(b);
  const transpose = tf.getKernel(tf.Transpose, 'wasm');
  if (!simd || !transpose || !matrix(x) || !matrix(y) || x.dtype !== 'float32' || y.dtype !== 'float32') return null;
  const [rows, cols] = x.shape.slice(-2);
  const [m, k] = transposeA ? [cols, rows] : [rows, cols];
  const n = outputColumns(args);
  const inner = y.shape[y.shape.length - (transposeB ? 1 : 2)];
  if (m % 4 || n % 8 || !k || !m || !n || inner !== k) return null; // a mismatch gets the backend's own error
  const yt = transposeB ? (transpose.kernelFunc({ inputs: { x: asMatrix(y) }, backend: b as never, attrs: { perm: [1, 0] } }) as tf.TensorInfo) : y;
  try {
    // tfjs-layers multiplies some matrices as batches of one: the output keeps that rank.
    const out = b.makeOutput([...Array(Math.max(x.shape.length, y.shape.length) - 2).fill(1), m, n], 'float32');
    simd.gemm(offsetOf(b, x), offsetOf(b, yt), offsetOf(b, out), m, k, n, transposeA ? 4 : 4 * k, transposeA ? 4 * m : 4);
    return out;
  } finally {
    if (yt !== y) b.disposeData(yt.dataId);
  }
}

/** A 2-D matrix, or a batch of one (leading dimensions of 1). */
const matrix = (t: tf.TensorInfo) => t.shape.length >= 2 && t.shape.slice(0, -2).every((d) => d === 1);
const asMatrix = (t: tf.TensorInfo): tf.TensorInfo => ({ ...t, shape: t.shape.slice(-2) });

/** out += bias on every row, then relu where asked. */
function finish(out: Float32Array, bias: Float32Array | undefined, relu: boolean): void {
  const n = bias?.length ?? out.length;
  for (let i = 0; i < out.length; i += n) {
    for (let j = 0; j < n; j++) {
      const v = out[i + j] + (bias ? bias[j] : 0);
      out[i + j] = relu && v < 0 ? 0 : v;
    }
  }
}
