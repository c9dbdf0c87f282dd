import * as tf from '@tensorflow/tfjs-core';
import { asShape, conv2d, convGeometry, gemm, heap, type ConvGeometry, type KernelArgs, type WasmBackend } from './wasm-heap.js';

/**
 * dx. Stride 1: one XNNPACK Conv2D of dy with the filter turned 180 degrees. Otherwise
 * dy [M, co] x W^T [co, K] (XNNPACK) and col2im. (Splitting a stride-2 gradient into
 * four stride-1 Conv2Ds, one per output phase, measured no faster than this.)
 */
export function inputGrad({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo {
  const b = backend as WasmBackend;
  const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const a = attrs as unknown as tf.Conv2DBackpropInputAttrs;
  const g = convGeometry(a.inputShape, filter.shape, a);
  const [top, left] = [g.fh - 1 - g.top, g.fw - 1 - g.left];
  const [bottom, right] = [g.h - g.oh - top + g.fh - 1, g.w - g.ow - left + g.fw - 1];
  if (g.sh > 1 || g.sw > 1 || Math.min(top, left, bottom, right) < 0) return inputGradGemm(b, dy, filter, g);
  const turned = b.makeOutput([g.fh, g.fw, g.co, g.ci], 'float32');
  try {
    turn(heap(b, filter), heap(b, turned), g);
    return conv2d(b, dy, turned, [[0, 0], [top, bottom], [left, right], [0, 0]], [1, 1]);
  } finally {
    b.disposeData(turned.dataId);
  }
}

/** out [fh, fw, co, ci] = w [fh, fw, ci, co] turned 180 degrees in space. */
function turn(w: Float32Array, out: Float32Array, g: ConvGeometry): void {
  const { fh, fw, ci, co } = g;
  for (let kh = 0; kh < fh; kh++) {
    for (let kw = 0; kw < fw; kw++) {
      const s = (kh * fw + kw) * ci * co;
      const d = ((fh - 1 - kh) * fw + (fw - 1 - kw)) * co * ci;
      for (let c = 0; c < ci; c++) for (let o = 0; o < co; o++) out[d + o * ci + c] = w[s + c * co + o];
    }
  }
}

/**
 * dx = col2im(dy [M, co] x W^T [co, K]): any geometry. The M output positions go C at a
 * time, so each GEMM's result is still in cache when col2im adds it into place.
 */
function inputGradGemm(b: WasmBackend, dy: tf.TensorInfo, filter: tf.TensorInfo, g: ConvGeometry): tf.TensorInfo {
  const k = g.fh * g.fw * g.ci;
  const rows = g.n * g.oh; // output rows of all images, ow positions each
  const per = Math.max(1, Math.min(rows, Math.floor(CHUNK / (k * g.ow))));
  const wt = b.makeOutput([g.co, k], 'float32');
  const dyc = b.makeOutput([per * g.ow, g.co], 'float32');
  const dx = b.makeOutput([g.n, g.h, g.w, g.ci], 'float32');
  try {
    transpose(heap(b, filter), heap(b, wt), k, g.co);
    heap(b, dx).fill(0);
    for (let r0 = 0; r0 < rows; r0 += per) {
      const r1 = Math.min(rows, r0 + per);
      const dyC = asShape(dyc, [(r1 - r0) * g.ow, g.co]);
      heap(b, dyC).set(heap(b, dy).subarray(r0 * g.ow * g.co, r1 * g.ow * g.co));
      const part = gemm(b, dyC, wt); // wt is packed once: wasm's matMul caches it by tensor id
      col2im(heap(b, part), heap(b, dx), g, r0, r1);
      b.disposeData(part.dataId);
    }
    return dx;
  } catch (e) {
    b.disposeData(dx.dataId);
    throw e;
  } finally {
    b.disposeData(wt.dataId);
    b.disposeData(dyc.dataId);
  }
}

/** Floats of GEMM result per chunk: about 1 MB. */
const CHUNK = 1 << 18;

/** dx += each row of cols [(r1 - r0) * ow, fh*fw*ci] at its patch's place (output rows r0..r1). */
function col2im(cols: Float32Array, dx: Float32Array, g: ConvGeometry, r0: number, r1: number): void {
  const { h, w, ci, oh, ow, fh, fw, sh, sw, top, left } = g;
  const k = fh * fw * ci;
  let src = 0;
  for (let r = r0; r < r1; r++) {
    const bi = Math.floor(r / oh);
    const i = r - bi * oh;
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

/** out [cols, rows] = a [rows, cols] transposed. */
function transpose(a: Float32Array, out: Float32Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = a[r * cols + c];
}

