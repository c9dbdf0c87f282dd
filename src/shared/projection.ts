import { symmetricEigen } from '../engine/linalg.js';

/**
 * A 2-D view of n codes of any dimension, and the way back from a point of the view to
 * a full latent vector (so a click can be decoded).
 */
export interface PlaneView {
  /** n x 2, row-major. */
  points: Float32Array;
  /** What the axes are, for labels: "z0", "z1" or "PC1", "PC2". */
  axes: [string, string];
  /** Whether the view is a PCA projection (the plot says so). */
  projected: boolean;
  toLatent(x: number, y: number): number[];
}

function mean(codes: Float32Array, n: number, dim: number): Float64Array {
  const m = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let d = 0; d < dim; d++) m[d] += codes[i * dim + d];
  return m.map((v) => v / Math.max(1, n));
}

/** Two chosen dimensions; the others are held at the mean code when mapping back. */
export function pickDims(codes: Float32Array, n: number, dim: number, [a, b]: [number, number]): PlaneView {
  const points = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    points[i * 2] = codes[i * dim + a];
    points[i * 2 + 1] = codes[i * dim + b];
  }
  const m = mean(codes, n, dim);
  return {
    points,
    axes: [`z${a}`, `z${b}`],
    projected: false,
    toLatent(x, y) {
      const z = Array.from(m);
      z[a] = x;
      z[b] = y;
      return z;
    },
  };
}

/** The codes' own first two principal components; mapping back lands on that plane. */
export function principalPlane(codes: Float32Array, n: number, dim: number): PlaneView {
  const m = mean(codes, n, dim);
  const cov = new Float64Array(dim * dim);
  const row = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < dim; d++) row[d] = codes[i * dim + d] - m[d];
    for (let p = 0; p < dim; p++) for (let q = p; q < dim; q++) cov[p * dim + q] += row[p] * row[q];
  }
  for (let p = 0; p < dim; p++) for (let q = 0; q < p; q++) cov[p * dim + q] = cov[q * dim + p];
  const { vectors } = symmetricEigen(cov, dim);
  const v = (k: number, d: number) => vectors[d * dim + k];
  const points = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    let [s, t] = [0, 0];
    for (let d = 0; d < dim; d++) {
      const c = codes[i * dim + d] - m[d];
      s += c * v(0, d);
      t += c * v(1, d);
    }
    points[i * 2] = s;
    points[i * 2 + 1] = t;
  }
  return {
    points,
    axes: ['PC1', 'PC2'],
    projected: true,
    toLatent: (x, y) => Array.from(m, (mu, d) => mu + x * v(0, d) + y * v(1, d)),
  };
}

/** The plane for a code size: as-is for 2-D, the chosen dims, else the principal plane. */
export function planeOf(codes: Float32Array, n: number, dim: number, dims?: [number, number] | null): PlaneView {
  if (dims) return pickDims(codes, n, dim, dims);
  if (dim === 2) return pickDims(codes, n, dim, [0, 1]);
  if (dim === 1) {
    // One number per image: spread it along x, keep y at 0.
    const points = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) points[i * 2] = codes[i];
    return { points, axes: ['z0', ''], projected: false, toLatent: (x) => [x] };
  }
  return principalPlane(codes, n, dim);
}
