import * as tf from '@tensorflow/tfjs-core';
import { asShape, conv2d, convGeometry, gemm, heap, type ConvGeometry, type KernelArgs, type WasmBackend } from './wasm-heap.js';

/**
 * dx. Each output phase (y mod stride, x mod stride) is a stride-1 correlation of dy with
 * the taps of the filter that reach it, turned 180 degrees: one XNNPACK Conv2D per phase
 * (one in all at stride 1), interleaved into dx. Geometry that would need a negative
 * padding falls back to dy [M, co] x W^T [co, K] and col2im.
 */
export function inputGrad({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo {
  const b = backend as WasmBackend;
  const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const a = attrs as unknown as tf.Conv2DBackpropInputAttrs;
  const g = convGeometry(a.inputShape, filter.shape, a);
  const rows = phases(g.h, g.oh, g.fh, g.sh, g.top);
  const cols = phases(g.w, g.ow, g.fw, g.sw, g.left);
  // At stride 2 with few channels the small per-phase Conv2Ds lose to one GEMM.
  if (!rows || !cols || (g.sh * g.sw > 1 && g.ci < 32)) return inputGradGemm(b, dy, filter, g);
  const one = rows.length === 1 && cols.length === 1 && rows[0].size === g.h && cols[0].size === g.w;
  let dx: tf.TensorInfo | null = null;
  for (const pr of rows) {
    for (const pc of cols) {
      if (one) return phaseConv(b, dy, filter, g, pr, pc);
      if (!dx) {
        dx = b.makeOutput([...a.inputShape], 'float32');
        heap(b, dx).fill(0); // phases no tap reaches stay zero
      }
      if (!pr.taps || !pc.taps || !pr.size || !pc.size) continue;
      const part = phaseConv(b, dy, filter, g, pr, pc);
      interleave(heap(b, part), heap(b, dx), g, pr, pc);
      b.disposeData(part.dataId);
    }
  }
  return dx!;
}

interface Phase {
  /** First dx row (or column) of the phase; the phase is every stride-th one from there. */
  start: number;
  size: number;
  /** First filter tap of the phase; taps go every stride-th from there. */
  first: number;
  taps: number;
  padBefore: number;
  padAfter: number;
}

/** The phases along one axis, or null if one would need a negative padding. */
function phases(h: number, oh: number, fh: number, s: number, top: number): Phase[] | null {
  const out: Phase[] = [];
  for (let start = 0; start < s; start++) {
    const first = (start + top) % s;
    const taps = first < fh ? Math.ceil((fh - first) / s) : 0;
    const size = Math.max(0, Math.ceil((h - start) / s));
    const c0 = (start + top - first) / s;
    const padBefore = taps - 1 - c0;
    const padAfter = size - oh - padBefore + taps - 1;
    if (taps && size && (padBefore < 0 || padAfter < 0)) return null;
    out.push({ start, size, first, taps, padBefore, padAfter });
  }
  return out;
}

/** The stride-1 Conv2D of dy with one phase's taps, turned, as [n, rows, cols, ci]. */
function phaseConv(b: WasmBackend, dy: tf.TensorInfo, filter: tf.TensorInfo, g: ConvGeometry, pr: Phase, pc: Phase): tf.TensorInfo {
  const { ci, co, fw, sh, sw } = g;
  const sub = b.makeOutput([pr.taps, pc.taps, co, ci], 'float32');
  try {
    const w = heap(b, filter);
    const out = heap(b, sub);
    for (let u = 0; u < pr.taps; u++) {
      for (let v = 0; v < pc.taps; v++) {
        const s = ((pr.first + sh * (pr.taps - 1 - u)) * fw + pc.first + sw * (pc.taps - 1 - v)) * ci * co;
        const d = (u * pc.taps + v) * co * ci;
        for (let c = 0; c < ci; c++) for (let o = 0; o < co; o++) out[d + o * ci + c] = w[s + c * co + o];
      }
    }
    return conv2d(b, dy, sub, [[0, 0], [pr.padBefore, pr.padAfter], [pc.padBefore, pc.padAfter], [0, 0]], [1, 1]);
  } finally {
    b.disposeData(sub.dataId);
  }
}

/** dx[:, start + s*t, start' + s'*t', :] = part[:, t, t', :]. */
function interleave(part: Float32Array, dx: Float32Array, g: ConvGeometry, pr: Phase, pc: Phase): void {
  const { n, h, w, ci, sh, sw } = g;
  let src = 0;
  for (let bi = 0; bi < n; bi++) {
    for (let t = 0; t < pr.size; t++) {
      let d = ((bi * h + pr.start + sh * t) * w + pc.start) * ci;
      for (let u = 0; u < pc.size; u++, src += ci, d += sw * ci) dx.set(part.subarray(src, src + ci), d);
    }
  }
}

/** dx = col2im(dy [M, co] x W^T [co, K]): any geometry. */
function inputGradGemm(b: WasmBackend, dy: tf.TensorInfo, filter: tf.TensorInfo, g: ConvGeometry): tf.TensorInfo {
  const k = g.fh * g.fw * g.ci;
  const m = g.n * g.oh * g.ow;
  const wt = b.makeOutput([g.co, k], 'float32');
  transpose(heap(b, filter), heap(b, wt), k, g.co);
  let cols: tf.TensorInfo | null = null;
  try {
    cols = gemm(b, asShape(dy, [m, g.co]), wt);
    const dx = b.makeOutput([g.n, g.h, g.w, g.ci], 'float32');
    col2im(heap(b, cols), heap(b, dx), g);
    return dx;
  } finally {
    b.disposeData(wt.dataId);
    if (cols) b.disposeData(cols.dataId);
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

