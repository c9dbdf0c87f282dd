import * as tf from '@tensorflow/tfjs-core';
import { asShape, convGeometry, gemm, heap, type ConvGeometry, type WasmBackend } from './wasm-heap.js';

/**
 * Both convolution gradients for tfjs-backend-wasm 4.22 as one GEMM each (XNNPACK) plus
 * a copy loop here: it has no Conv2DBackpropFilter and its Conv2DBackpropInput (also the
 * forward pass of Conv2DTranspose) is a scalar loop, ~10x slower than this. NHWC only.
 */

/** dW [fh, fw, ci, co] = im2col(x)^T [K, M] x dy [M, co], K = fh*fw*ci, M = n*oh*ow. */
function filterGrad({ inputs, backend, attrs }: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo {
  const b = backend as WasmBackend;
  const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const a = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  const g = convGeometry(x.shape, a.filterShape, a);
  const k = g.fh * g.fw * g.ci;
  const m = g.n * g.oh * g.ow;
  const cols = b.makeOutput([k, m], 'float32');
  im2colT(heap(b, x), heap(b, cols), g);
  try {
    const out = gemm(b, cols, asShape(dy, [m, g.co]));
    return asShape(out, a.filterShape);
  } finally {
    b.disposeData(cols.dataId);
  }
}

/** dx = col2im(dy [M, co] x W^T [co, K]). */
function inputGrad({ inputs, backend, attrs }: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo {
  const b = backend as WasmBackend;
  const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const a = attrs as unknown as tf.Conv2DBackpropInputAttrs;
  const g = convGeometry(a.inputShape, filter.shape, a);
  const k = g.fh * g.fw * g.ci;
  const m = g.n * g.oh * g.ow;
  const wt = b.makeOutput([g.co, k], 'float32');
  transpose(heap(b, filter), heap(b, wt), k, g.co);
  let cols: tf.TensorInfo | null = null;
  try {
    cols = gemm(b, asShape(dy, [m, g.co]), wt);
    const dx = b.makeOutput([...a.inputShape], 'float32');
    col2im(heap(b, cols), heap(b, dx), g);
    return dx;
  } finally {
    b.disposeData(wt.dataId);
    if (cols) b.disposeData(cols.dataId);
  }
}

/** out [k, m] = patches of x, one row per filter tap and input channel. */
function im2colT(x: Float32Array, out: Float32Array, g: ConvGeometry): void {
  const { n, h, w, ci, oh, ow, fh, fw, sh, sw, top, left } = g;
  const m = n * oh * ow;
  for (let kh = 0; kh < fh; kh++) {
    for (let kw = 0; kw < fw; kw++) {
      // Output columns j whose input column j*sw - left + kw lies inside the image.
      const j0 = Math.max(0, Math.ceil((left - kw) / sw));
      const j1 = Math.min(ow, Math.floor((w - 1 + left - kw) / sw) + 1);
      for (let c = 0; c < ci; c++) {
        let o = ((kh * fw + kw) * ci + c) * m;
        for (let bi = 0; bi < n; bi++) {
          for (let i = 0; i < oh; i++) {
            const row = i * sh - top + kh;
            if (row < 0 || row >= h || j1 <= j0) {
              out.fill(0, o, o + ow);
              o += ow;
              continue;
            }
            let j = 0;
            for (; j < j0; j++) out[o++] = 0;
            let src = ((bi * h + row) * w + j0 * sw - left + kw) * ci + c;
            const step = sw * ci;
            for (; j < j1; j++, src += step) out[o++] = x[src];
            for (; j < ow; j++) out[o++] = 0;
          }
        }
      }
    }
  }
}

/** dx (zeroed here) += each row of cols [n*oh*ow, fh*fw*ci] at its patch's place. */
function col2im(cols: Float32Array, dx: Float32Array, g: ConvGeometry): void {
  const { n, h, w, ci, oh, ow, fh, fw, sh, sw, top, left } = g;
  dx.fill(0);
  const k = fh * fw * ci;
  let src = 0;
  for (let bi = 0; bi < n; bi++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++, src += k) {
        for (let kh = 0; kh < fh; kh++) {
          const row = i * sh - top + kh;
          if (row < 0 || row >= h) continue;
          for (let kw = 0; kw < fw; kw++) {
            const col = j * sw - left + kw;
            if (col < 0 || col >= w) continue;
            const d = ((bi * h + row) * w + col) * ci;
            const s = src + (kh * fw + kw) * ci;
            for (let c = 0; c < ci; c++) dx[d + c] += cols[s + c];
          }
        }
      }
    }
  }
}

/** out [cols, rows] = a [rows, cols] transposed. */
function transpose(a: Float32Array, out: Float32Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = a[r * cols + c];
}

const OURS = new WeakSet<tf.KernelFunc>();

/** Puts both kernels in place for the wasm backend (once; later calls do nothing). */
export function registerConvGrads(): void {
  for (const [kernelName, kernelFunc] of [
    [tf.Conv2DBackpropFilter, filterGrad],
    [tf.Conv2DBackpropInput, inputGrad],
  ] as const) {
    const current = tf.getKernel(kernelName, 'wasm');
    if (current && OURS.has(current.kernelFunc)) continue;
    if (current) tf.unregisterKernel(kernelName, 'wasm');
    OURS.add(kernelFunc as tf.KernelFunc);
    tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc: kernelFunc as tf.KernelFunc });
  }
}
