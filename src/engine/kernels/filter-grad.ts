import * as tf from '@tensorflow/tfjs-core';
import { asShape, conv2d, convGeometry, gemm, heap, offsetOf, type ConvGeometry, type KernelArgs, type WasmBackend } from './wasm-heap.js';
import { simdOf, type Simd } from './wasm-simd.js';

/**
 * Conv2DBackpropFilter for tfjs-backend-wasm 4.22, which has none. Stride 1: one GEMM per
 * filter tap over a padded copy of x (or, without the SIMD module or with input channels
 * not a multiple of 8, one XNNPACK Conv2D from a single relayout of x). Larger strides:
 * im2col + GEMM (measured faster there).
 */
export function filterGrad({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo {
  const b = backend as WasmBackend;
  const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const a = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  const g = convGeometry(x.shape, a.filterShape, a);
  if (g.sh > 1 || g.sw > 1) return filterGradGemm(b, x, dy, g, a.filterShape);
  const simd = simdOf(b);
  return simd && g.ci % 8 === 0 && g.n * g.ci * g.co * g.oh * g.ow > 0 ? filterGradTaps(b, simd, x, dy, g, a.filterShape) : filterGradConv(b, x, dy, g, a.filterShape);
}

/**
 * Stride 1: dW [tap] = dy^T x shifted by the tap, one SIMD GEMM per tap over every output
 * position. x is padded once into a grid as wide and tall as the padded output, with dy
 * placed at its top left and zeros elsewhere, so each tap is x read from one offset with
 * one stride. dy's channels go up to a multiple of 4: an output convolution to 1 or 3
 * channels (XNNPACK's Conv2D route takes 10x longer there) wastes a little of the GEMM.
 */
function filterGradTaps(b: WasmBackend, simd: Simd, x: tf.TensorInfo, dy: tf.TensorInfo, g: ConvGeometry, filterShape: number[]): tf.TensorInfo {
  const { n, h, w, ci, oh, ow, co, fh, fw, top, left } = g;
  const [hp, wp, cop] = [oh + fh - 1, ow + fw - 1, Math.ceil(co / 4) * 4];
  const grid = n * hp * wp;
  const xp = b.makeOutput([grid + (fh - 1) * wp + fw, ci], 'float32'); // the last taps read past the grid
  const dp = b.makeOutput([grid, cop], 'float32');
  const taps = b.makeOutput([fh * fw, cop, ci], 'float32');
  try {
    const [xs, xv, ds, dv] = [heap(b, x), heap(b, xp), heap(b, dy), heap(b, dp)];
    xv.fill(0);
    dv.fill(0);
    const cols = Math.max(0, Math.min(w, wp - left)) * ci; // columns right of the grid are never read
    for (let bi = 0; bi < n; bi++) {
      for (let y = 0; y < h && y + top < hp; y++) {
        const src = (bi * h + y) * w * ci;
        xv.set(xs.subarray(src, src + cols), ((bi * hp + y + top) * wp + left) * ci);
      }
      for (let y = 0; y < oh; y++) {
        const src = (bi * oh + y) * ow * co;
        const dst = (bi * hp + y) * wp * cop;
        if (co === cop) dv.set(ds.subarray(src, src + ow * co), dst);
        else for (let p = 0; p < ow; p++) for (let o = 0; o < co; o++) dv[dst + p * cop + o] = ds[src + p * co + o];
      }
    }
    const [xAt, dAt, tAt] = [offsetOf(b, xp), offsetOf(b, dp), offsetOf(b, taps)];
    for (let t = 0; t < fh * fw; t++) {
      const shift = (Math.floor(t / fw) * wp + (t % fw)) * ci * 4;
      simd.gemm(dAt, xAt + shift, tAt + t * cop * ci * 4, cop, grid, ci, 4, cop * 4);
    }
    const out = b.makeOutput([...filterShape], 'float32');
    const [tv, ov] = [heap(b, taps), heap(b, out)]; // [tap, o, c] -> [tap, c, o]
    for (let t = 0; t < fh * fw; t++) for (let c = 0; c < ci; c++) for (let o = 0; o < co; o++) ov[(t * ci + c) * co + o] = tv[(t * cop + o) * ci + c];
    return out;
  } finally {
    for (const t of [xp, dp, taps]) b.disposeData(t.dataId);
  }
}

/**
 * dW [fh, fw, ci, co] as one XNNPACK Conv2D: with the batch as the channels, x laid out
 * [ci, H, W, n] is correlated with dy laid out [oh, ow, n, co] dilated by the stride, which
 * gives [ci, fh, fw, co]. Only copies of x and dy are made here (no fh*fw-times im2col).
 */
function filterGradConv(b: WasmBackend, x: tf.TensorInfo, dy: tf.TensorInfo, g: ConvGeometry, filterShape: number[]): tf.TensorInfo {
  const hp = (g.oh - 1) * g.sh + g.fh;
  const wp = (g.ow - 1) * g.sw + g.fw;
  const xt = b.makeOutput([g.ci, hp, wp, g.n], 'float32');
  const dyt = b.makeOutput([g.oh, g.ow, g.n, g.co], 'float32');
  let r: tf.TensorInfo | null = null;
  try {
    padBatchLast(heap(b, x), heap(b, xt), g, hp, wp);
    swapBatch(heap(b, dy), heap(b, dyt), g);
    r = conv2d(b, xt, dyt, 'valid', [g.sh, g.sw]);
    const out = b.makeOutput([...filterShape], 'float32');
    // [ci, fh, fw, co] -> [fh, fw, ci, co]
    const src = heap(b, r);
    const dst = heap(b, out);
    const tap = g.fh * g.fw * g.co;
    for (let c = 0; c < g.ci; c++) {
      for (let t = 0; t < g.fh * g.fw; t++) dst.set(src.subarray(c * tap + t * g.co, c * tap + (t + 1) * g.co), (t * g.ci + c) * g.co);
    }
    return out;
  } finally {
    b.disposeData(xt.dataId);
    b.disposeData(dyt.dataId);
    if (r) b.disposeData(r.dataId);
  }
}

/**
 * dW [fh, fw, ci, co] = sum over chunks of im2col(x)^T [K, C] x dy [C, co], K = fh*fw*ci,
 * the n*oh*ow output positions taken C at a time: with all of them in one GEMM its inner
 * dimension runs to 16k and XNNPACK streams the patches from memory once per 8 columns.
 */
function filterGradGemm(b: WasmBackend, x: tf.TensorInfo, dy: tf.TensorInfo, g: ConvGeometry, filterShape: number[]): tf.TensorInfo {
  const k = g.fh * g.fw * g.ci;
  const rows = g.n * g.oh; // output rows of all images, ow positions each
  const per = Math.max(1, Math.min(rows, Math.floor(CHUNK / (k * g.ow)))); // rows per chunk
  const cols = b.makeOutput([k, per * g.ow], 'float32');
  const out = b.makeOutput([...filterShape], 'float32');
  try {
    for (let r0 = 0; r0 < rows; r0 += per) {
      const r1 = Math.min(rows, r0 + per);
      const c = (r1 - r0) * g.ow;
      const colsC = asShape(cols, [k, c]);
      // A fresh tensor per chunk: wasm's matMul caches its packed right operand by tensor id.
      const dyC = b.makeOutput([c, g.co], 'float32');
      im2colT(heap(b, x), heap(b, colsC), g, r0, r1);
      heap(b, dyC).set(heap(b, dy).subarray(r0 * g.ow * g.co, r1 * g.ow * g.co));
      const part = gemm(b, colsC, dyC);
      b.disposeData(dyC.dataId);
      const acc = heap(b, out);
      const p = heap(b, part);
      if (r0 === 0) acc.set(p);
      else for (let i = 0; i < p.length; i++) acc[i] += p[i];
      b.disposeData(part.dataId);
    }
    return out;
  } catch (e) {
    b.disposeData(out.dataId);
    throw e;
  } finally {
    b.disposeData(cols.dataId);
  }
}

/** Floats of patches per GEMM: about 1 MB, so they stay in cache while XNNPACK reuses them. */
const CHUNK = 1 << 18;

/** out [ci, hp, wp, n] = x [n, h, w, ci] shifted by the padding, zeros outside it. */
function padBatchLast(x: Float32Array, out: Float32Array, g: ConvGeometry, hp: number, wp: number): void {
  const { n, h, w, ci, top, left } = g;
  const plane = hp * wp * n;
  for (let y = 0; y < hp; y++) {
    const sy = y - top;
    for (let xx = 0; xx < wp; xx++) {
      const sx = xx - left;
      const o = (y * wp + xx) * n;
      if (sy < 0 || sy >= h || sx < 0 || sx >= w) {
        for (let c = 0; c < ci; c++) out.fill(0, c * plane + o, c * plane + o + n);
        continue;
      }
      for (let bi = 0; bi < n; bi++) {
        const s = ((bi * h + sy) * w + sx) * ci;
        for (let c = 0; c < ci; c++) out[c * plane + o + bi] = x[s + c];
      }
    }
  }
}

/** out [oh, ow, n, co] = dy [n, oh, ow, co]. */
function swapBatch(dy: Float32Array, out: Float32Array, g: ConvGeometry): void {
  const { n, oh, ow, co } = g;
  for (let bi = 0; bi < n; bi++) {
    for (let p = 0; p < oh * ow; p++) {
      const s = (bi * oh * ow + p) * co;
      const d = (p * n + bi) * co;
      for (let o = 0; o < co; o++) out[d + o] = dy[s + o];
    }
  }
}

/**
 * out [k, (r1 - r0) * ow] = patches of x for output rows r0..r1 (image and row together),
 * one row per filter tap and input channel. One output row at a time, so the input rows
 * it reads stay in cache across all k rows.
 */
function im2colT(x: Float32Array, out: Float32Array, g: ConvGeometry, r0: number, r1: number): void {
  const { h, w, ci, oh, ow, fh, fw, sh, sw, top, left } = g;
  const m = (r1 - r0) * ow;
  const step = sw * ci;
  for (let r = r0; r < r1; r++) {
    const bi = Math.floor(r / oh);
    const i = r - bi * oh;
    const col0 = (r - r0) * ow;
    for (let kh = 0; kh < fh; kh++) {
      const row = i * sh - top + kh;
      const inside = row >= 0 && row < h;
      for (let kw = 0; kw < fw; kw++) {
        // Output columns j whose input column j*sw - left + kw lies inside the image.
        const j0 = inside ? Math.min(ow, Math.max(0, Math.ceil((left - kw) / sw))) : ow;
        const j1 = inside ? Math.max(j0, Math.min(ow, Math.floor((w - 1 + left - kw) / sw) + 1)) : ow;
        const src0 = ((bi * h + row) * w + j0 * sw - left + kw) * ci;
        for (let c = 0; c < ci; c++) {
          const o = ((kh * fw + kw) * ci + c) * m + col0;
          if (j0 > 0) out.fill(0, o, o + j0);
          for (let j = j0, src = src0 + c; j < j1; j++, src += step) out[o + j] = x[src];
          if (j1 < ow) out.fill(0, o + j1, o + ow);
        }
      }
    }
  }
}
