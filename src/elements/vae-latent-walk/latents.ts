// Latent vectors for the walk: grids over two dimensions, straight lines between two
// codes, and random draws. Plain arrays only; the store decodes them.
import { mulberry32 } from '../../engine/random.js';

/** Mean, spread and observed range (1st to 99th percentile) of each code dimension. */
export interface CodeStats {
  dim: number;
  mean: Float32Array;
  std: Float32Array;
  low: Float32Array;
  high: Float32Array;
}

export function codeStats(codes: Float32Array, n: number, dim: number): CodeStats {
  const mean = new Float32Array(dim);
  const std = new Float32Array(dim);
  const low = new Float32Array(dim);
  const high = new Float32Array(dim);
  const column = new Float32Array(n);
  for (let d = 0; d < dim; d++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += column[i] = codes[i * dim + d];
    const m = n ? s / n : 0;
    let v = 0;
    for (let i = 0; i < n; i++) v += (column[i] - m) ** 2;
    column.sort();
    mean[d] = m;
    std[d] = Math.sqrt(n > 1 ? v / (n - 1) : 0);
    low[d] = n ? column[Math.floor((n - 1) * 0.01)] : -1;
    high[d] = n ? column[Math.ceil((n - 1) * 0.99)] : 1;
    if (!(high[d] > low[d])) [low[d], high[d]] = [m - 1, m + 1];
  }
  return { dim, mean, std, low, high };
}

/** A walk's plane: which two dimensions, over what range, with the rest at `base`. */
export interface Plane {
  dims: [number, number];
  x: [number, number];
  y: [number, number];
  base: Float32Array;
}

/** The latent vector at fractions (u, v) of the plane (u left to right, v bottom to top). */
export function planePoint(plane: Plane, u: number, v: number): Float32Array {
  const z = plane.base.slice();
  z[plane.dims[0]] = plane.x[0] + u * (plane.x[1] - plane.x[0]);
  z[plane.dims[1]] = plane.y[0] + v * (plane.y[1] - plane.y[0]);
  return z;
}

/** n x n latent vectors, row-major from the top-left (high y) corner, as the figure reads. */
export function gridLatents(plane: Plane, n: number): Float32Array {
  const dim = plane.base.length;
  const out = new Float32Array(n * n * dim);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) out.set(planePoint(plane, n > 1 ? c / (n - 1) : 0.5, n > 1 ? 1 - r / (n - 1) : 0.5), (r * n + c) * dim);
  }
  return out;
}

/** `steps` vectors on the straight line from `a` to `b`, both ends included. */
export function interpolate(a: Float32Array, b: Float32Array, steps: number): Float32Array {
  const dim = a.length;
  const out = new Float32Array(steps * dim);
  for (let k = 0; k < steps; k++) {
    const t = steps > 1 ? k / (steps - 1) : 0;
    for (let d = 0; d < dim; d++) out[k * dim + d] = a[d] + t * (b[d] - a[d]);
  }
  return out;
}

/** `count` seeded normal draws per dimension, mean + std * N(0, 1) (Box-Muller). */
export function randomLatents(count: number, mean: Float32Array, std: Float32Array, seed: number): Float32Array {
  const rand = mulberry32(seed);
  const dim = mean.length;
  const out = new Float32Array(count * dim);
  for (let i = 0; i < out.length; i++) {
    const g = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    out[i] = mean[i % dim] + std[i % dim] * g;
  }
  return out;
}

/** Parses "a,b" into two numbers, or null. */
export function parsePair(text: string | undefined): [number, number] | null {
  const parts = (text ?? '').split(/[\s,]+/).filter(Boolean).map(Number);
  return parts.length === 2 && parts.every(Number.isFinite) ? [parts[0], parts[1]] : null;
}
