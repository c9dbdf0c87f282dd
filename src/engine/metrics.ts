import * as tf from '@tensorflow/tfjs-core';
import type { PcaBasis } from './dataset.js';
import { symmetricEigen } from './linalg.js';

/** A PCA fitted on training rows: x ~ mean + codes @ components^T. */
export interface Pca {
  mean: tf.Tensor1D;
  /** d x k, orthonormal columns, by decreasing variance. */
  components: tf.Tensor2D;
  /** Variance along each component (not known for a shipped basis: empty). */
  variances: Float64Array;
}

const OVERSAMPLE = 10;
const ITERATIONS = 60;

/**
 * Top-k principal components by subspace iteration on the covariance, finished with a
 * Rayleigh-Ritz step. tfjs has no eigen-decomposition; this needs only matMul and QR
 * on the backend and a small (k + 10)^2 symmetric eigenproblem in plain JS.
 */
export async function fitPca(x: tf.Tensor2D, k: number, seed = 7): Promise<Pca> {
  const [n, d] = x.shape;
  const p = Math.min(d, k + OVERSAMPLE);
  const mean = tf.mean(x, 0) as tf.Tensor1D;
  const cov = tf.tidy(() => {
    const centred = tf.sub(x, mean);
    return tf.div(tf.matMul(centred, centred, true, false), Math.max(1, n - 1)) as tf.Tensor2D;
  });
  // The basis is orthonormalised in plain JS: it is only d x p, and tf.linalg.qr costs
  // hundreds of small kernel calls per step (60 steps took ~15 s on wasm).
  let basis = tf.tidy(() => tf.tensor2d(orthonormalize(tf.randomNormal([d, p], 0, 1, 'float32', seed).dataSync() as Float32Array, d, p), [d, p]));
  for (let i = 0; i < ITERATIONS; i++) {
    const product = tf.matMul(cov, basis);
    const next = tf.tensor2d(orthonormalize((await product.data()) as Float32Array, d, p), [d, p]);
    tf.dispose([product, basis]);
    basis = next;
  }
  const small = tf.tidy(() => tf.matMul(basis, tf.matMul(cov, basis), true, false));
  const { values, vectors } = symmetricEigen(await small.data(), p);
  const rotation = new Float32Array(p * k);
  for (let r = 0; r < p; r++) for (let c = 0; c < k; c++) rotation[r * k + c] = vectors[r * p + c];
  const components = tf.tidy(() => tf.matMul(basis, tf.tensor2d(rotation, [p, k])) as tf.Tensor2D);
  tf.dispose([cov, basis, small]);
  return { mean, components, variances: values.slice(0, k) };
}

/** A PCA from the first `k` components of a shipped basis (rows of one image each). */
export function pcaFromBasis(basis: PcaBasis, k: number): Pca {
  const d = basis.mean.length;
  const components = tf.tidy(() => tf.transpose(tf.tensor2d(basis.components.subarray(0, k * d), [k, d])) as tf.Tensor2D);
  return { mean: tf.tensor1d(basis.mean), components, variances: new Float64Array(0) };
}

export function pcaEncode(pca: Pca, x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.matMul(tf.sub(x, pca.mean), pca.components));
}

export function pcaDecode(pca: Pca, codes: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.add(tf.matMul(codes, pca.components, false, true), pca.mean));
}

export function disposePca(pca: Pca) {
  tf.dispose([pca.mean, pca.components]);
}

const KNN_CHUNK = 500;

/**
 * For each `query` row, the rows of `reference` nearest to it (Euclidean), nearest first:
 * `count` x min(k, reference rows) indices into `reference`, row-major.
 */
export async function knnNeighbours(reference: tf.Tensor2D, query: tf.Tensor2D, k = 5): Promise<Int32Array> {
  return (await knnSearch(reference, query, k)).indices;
}

/** Nearest rows, nearest first, with their distances; `k` per query row (at most the rows there are). */
export interface KnnFound {
  k: number;
  indices: Int32Array;
  distances: Float32Array;
}

/**
 * The `k` rows of `reference` nearest to each `query` row, by distances from one matMul per
 * chunk of queries on the backend. With `self`, query row i is reference row i and is not
 * its own neighbour (a kNN graph of one set). `onChunk` hears the rows done so far.
 */
export async function knnSearch(reference: tf.Tensor2D, query: tf.Tensor2D, k: number, opts: { self?: boolean; onChunk?: (done: number) => void } = {}): Promise<KnnFound> {
  const refNorms = tf.tidy(() => tf.sum(tf.square(reference), 1));
  const [n, rows] = [query.shape[0], reference.shape[0]];
  const kk = Math.min(k, rows - (opts.self ? 1 : 0));
  const indices = new Int32Array(n * kk);
  const distances = new Float32Array(n * kk);
  try {
    for (let start = 0; start < n; start += KNN_CHUNK) {
      const count = Math.min(KNN_CHUNK, n - start);
      const found = tf.tidy(() => {
        const q = tf.slice(query, [start, 0], [count, -1]);
        const qNorms = tf.reshape(tf.sum(tf.square(q), 1), [count, 1]);
        let squared = tf.add(tf.sub(refNorms, tf.mul(2, tf.matMul(q, reference, false, true))), qNorms);
        // An int32 one-hot, cast: wasm's OneHot writes int bits into a float32 output (1 reads as 1.4e-45).
        if (opts.self) squared = tf.add(squared, tf.mul(tf.cast(tf.oneHot(tf.range(start, start + count, 1, 'int32'), rows), 'float32'), 1e30));
        const top = tf.topk(tf.neg(squared), kk);
        return [top.values, top.indices];
      });
      try {
        const [values, at] = await Promise.all(found.map((t) => t.data()));
        indices.set(at as Int32Array, start * kk);
        for (let i = 0; i < values.length; i++) distances[start * kk + i] = Math.sqrt(Math.max(0, -values[i]));
      } finally {
        tf.dispose(found);
      }
      opts.onChunk?.(start + count);
    }
  } finally {
    refNorms.dispose();
  }
  return { k: kk, indices, distances };
}

/**
 * The majority label of each row of `neighbours` (`k` per row, nearest first); a tie goes
 * to the label reached first, i.e. the nearer one.
 */
export function knnVote(neighbours: Int32Array, labels: Uint8Array, k: number): Uint8Array {
  const n = k ? neighbours.length / k : 0;
  const out = new Uint8Array(n);
  const votes = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    votes.clear();
    let best = -1;
    let bestVotes = 0;
    for (let j = 0; j < k; j++) {
      const label = labels[neighbours[i * k + j]];
      const v = (votes.get(label) ?? 0) + 1;
      votes.set(label, v);
      if (v > bestVotes) [best, bestVotes] = [label, v];
    }
    out[i] = best;
  }
  return out;
}

/** k-nearest-neighbour labels (majority of `knnNeighbours`) of `query` rows against labelled `reference` rows. */
export async function knnPredict(reference: tf.Tensor2D, referenceLabels: Uint8Array, query: tf.Tensor2D, k = 5): Promise<Uint8Array> {
  return knnVote(await knnNeighbours(reference, query, k), referenceLabels, Math.min(k, reference.shape[0]));
}

/** Accuracy of knnPredict against the true labels of `query`. */
export async function knnAccuracy(reference: tf.Tensor2D, referenceLabels: Uint8Array, query: tf.Tensor2D, queryLabels: Uint8Array, k = 5): Promise<number> {
  const predicted = await knnPredict(reference, referenceLabels, query, k);
  let correct = 0;
  predicted.forEach((p, i) => (correct += p === queryLabels[i] ? 1 : 0));
  return correct / predicted.length;
}

/**
 * Orthonormal columns spanning those of a row-major d x p matrix: Gram-Schmidt in float64
 * with a second pass ("twice is enough"), so columns that shrank to rounding noise (data
 * of lower rank than p) still come out orthogonal. A column with nothing left is
 * replaced by the first unit vector that adds a direction.
 */
function orthonormalize(a: Float32Array, d: number, p: number): Float32Array {
  const q = Float64Array.from(a);
  const col = new Float64Array(d);
  for (let j = 0; j < p; j++) {
    for (let r = 0; r < d; r++) col[r] = q[r * p + j];
    let norm = project(q, col, d, p, j);
    for (let unit = 0; norm < 1e-10 && unit < d; unit++) {
      col.fill(0);
      col[unit] = 1;
      norm = project(q, col, d, p, j);
    }
    for (let r = 0; r < d; r++) q[r * p + j] = col[r] / (norm || 1);
  }
  return Float32Array.from(q);
}

/** Removes from `col` (twice) its parts along the first j columns of q; returns the norm left. */
function project(q: Float64Array, col: Float64Array, d: number, p: number, j: number): number {
  const start = Math.hypot(...col) || 1;
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < j; i++) {
      let dot = 0;
      for (let r = 0; r < d; r++) dot += q[r * p + i] * col[r];
      for (let r = 0; r < d; r++) col[r] -= dot * q[r * p + i];
    }
  }
  let norm = 0;
  for (let r = 0; r < d; r++) norm += col[r] ** 2;
  // Relative to where it started: a column that was all rounding noise counts as empty.
  return Math.sqrt(norm) / start < 1e-6 ? 0 : Math.sqrt(norm);
}
