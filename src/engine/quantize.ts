import type * as tf from '@tensorflow/tfjs-core';

export const QUANTIZATIONS = ['float16', 'uint8'] as const;
export type Quantization = (typeof QUANTIZATIONS)[number];

/** float32 -> IEEE half bits (round to nearest even; overflow to infinity). */
function toHalf(value: number, f32: Float32Array, u32: Uint32Array): number {
  f32[0] = value;
  const x = u32[0];
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0); // inf / NaN
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign; // too small: signed zero
    mant |= 0x800000;
    const shift = 14 - e;
    const half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    return sign | (half + (rest > mid || (rest === mid && half & 1) ? 1 : 0));
  }
  const half = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  return sign | (half + (rest > 0x1000 || (rest === 0x1000 && half & 1) ? 1 : 0));
}

/**
 * Re-encodes float32 weights as float16 or affine uint8 (per tensor: min and scale), with
 * manifest entries tfjs's own decodeWeights understands. Non-float tensors stay as they are.
 */
export function quantizeWeights(data: ArrayBuffer, specs: tf.io.WeightsManifestEntry[], to: Quantization): { data: ArrayBuffer; specs: tf.io.WeightsManifestEntry[] } {
  const parts: Uint8Array[] = [];
  const out: tf.io.WeightsManifestEntry[] = [];
  const f32 = new Float32Array(1);
  const u32 = new Uint32Array(f32.buffer);
  let offset = 0;
  for (const spec of specs) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const bytes = count * 4;
    if (spec.dtype !== 'float32' || spec.quantization) {
      throw new Error(`quantizeWeights: ${spec.name} is ${spec.quantization ? 'already quantized' : spec.dtype}; expected plain float32 weights.`);
    }
    const values = new Float32Array(data.slice(offset, offset + bytes));
    offset += bytes;
    if (to === 'float16') {
      const half = new Uint16Array(count);
      for (let i = 0; i < count; i++) half[i] = toHalf(values[i], f32, u32);
      parts.push(new Uint8Array(half.buffer));
      out.push({ ...spec, quantization: { dtype: 'float16' } });
    } else {
      let min = Infinity;
      let max = -Infinity;
      for (const v of values) [min, max] = [Math.min(min, v), Math.max(max, v)];
      if (count === 0) [min, max] = [0, 0];
      const scale = max > min ? (max - min) / 255 : 1;
      const q = new Uint8Array(count);
      for (let i = 0; i < count; i++) q[i] = Math.round((values[i] - min) / scale);
      parts.push(q);
      out.push({ ...spec, quantization: { dtype: 'uint8', min, scale } });
    }
  }
  const total = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    total.set(p, at);
    at += p.length;
  }
  return { data: total.buffer, specs: out };
}
