// Per-column standardisation of vector data: (x - mean) / std, with mean and std taken
// from the train split. The engine holds and trains on standardised values; the page
// gives and gets values in its own units. Plain arrays only (no tfjs): the store reads it.

/** Per-column mean and standard deviation of a train split. */
export interface Scaling {
  mean: Float32Array;
  std: Float32Array;
}

/** A column this flat (std below it) is only centred: dividing would blow its noise up. */
const FLAT = 1e-6;

/** The scaling of `size`-wide rows at `indices` (float64 sums). */
export function fitScaling(values: Float32Array, indices: ArrayLike<number>, size: number): Scaling {
  const sum = new Float64Array(size);
  const sq = new Float64Array(size);
  for (let k = 0; k < indices.length; k++) {
    const base = indices[k] * size;
    for (let c = 0; c < size; c++) sum[c] += values[base + c];
  }
  const n = Math.max(1, indices.length);
  const mean = Float32Array.from(sum, (s) => s / n);
  for (let k = 0; k < indices.length; k++) {
    const base = indices[k] * size;
    for (let c = 0; c < size; c++) sq[c] += (values[base + c] - mean[c]) ** 2;
  }
  const std = Float32Array.from(sq, (s) => {
    const sd = Math.sqrt(s / n);
    return sd > FLAT ? sd : 1;
  });
  return { mean, std };
}

/** Rows in the page's units to standardised values (a new array). */
export function standardise(values: Float32Array, s: Scaling): Float32Array {
  const size = s.mean.length;
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] - s.mean[i % size]) / s.std[i % size];
  return out;
}

/** Standardised rows back to the page's units, in place. */
export function unstandardise(values: Float32Array, s: Scaling): Float32Array {
  const size = s.mean.length;
  for (let i = 0; i < values.length; i++) values[i] = values[i] * s.std[i % size] + s.mean[i % size];
  return values;
}

/** Whether two scalings are the same to float32 precision (both absent counts as the same). */
export function sameScaling(a: Scaling | undefined, b: Scaling | undefined): boolean {
  if (!a || !b) return a === b;
  const close = (x: Float32Array, y: Float32Array) => x.length === y.length && x.every((v, i) => Math.abs(v - y[i]) <= 1e-5 * Math.max(1, Math.abs(v)));
  return close(a.mean, b.mean) && close(a.std, b.std);
}
