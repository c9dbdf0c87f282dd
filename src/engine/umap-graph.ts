import type { KnnFound } from './metrics.js';

// UMAP's fuzzy simplicial set of a kNN graph (McInnes, Healy & Melville 2018, section 3;
// the smoothing and symmetrisation follow umap-learn's smooth_knn_dist and
// fuzzy_simplicial_set), and the a, b of its low-dimensional similarity curve.

/** An undirected weighted graph, each edge listed in both directions. */
export interface FuzzyGraph {
  n: number;
  from: Uint32Array;
  to: Uint32Array;
  /** Membership strength of each edge, in (0, 1]. */
  weight: Float32Array;
}

const SEARCH_STEPS = 64;
const TOLERANCE = 1e-5;
/** No σ below this share of the mean neighbour distance (umap-learn's MIN_K_DIST_SCALE). */
const MIN_SIGMA_SCALE = 1e-3;

/**
 * Per point: ρ, the distance to its nearest neighbour (so every point is connected with
 * weight 1 to at least one other), and σ, found by bisection so that its k memberships
 * exp(-(d - ρ) / σ) sum to log2(k + 1): the same total for every point, so dense and sparse
 * regions get the same number of effective neighbours. `k` excludes the point itself.
 */
export function smoothDistances(nb: KnnFound, n: number): { rho: Float32Array; sigma: Float32Array } {
  const { k, distances } = nb;
  const target = Math.log2(k + 1);
  const rho = new Float32Array(n);
  const sigma = new Float32Array(n);
  let meanAll = 0;
  for (const d of distances) meanAll += d / distances.length;
  for (let i = 0; i < n; i++) {
    const row = distances.subarray(i * k, (i + 1) * k);
    rho[i] = row.find((d) => d > 0) ?? 0;
    let [lo, hi, mid] = [0, Infinity, 1];
    for (let step = 0; step < SEARCH_STEPS; step++) {
      let sum = 0;
      for (const d of row) sum += d > rho[i] ? Math.exp(-(d - rho[i]) / mid) : 1;
      if (Math.abs(sum - target) < TOLERANCE) break;
      if (sum > target) {
        hi = mid;
        mid = (lo + hi) / 2;
      } else {
        lo = mid;
        mid = hi === Infinity ? mid * 2 : (lo + hi) / 2;
      }
    }
    const mean = row.reduce((a, d) => a + d, 0) / k;
    sigma[i] = Math.max(mid, MIN_SIGMA_SCALE * (rho[i] > 0 ? mean : meanAll));
  }
  return { rho, sigma };
}

/**
 * The fuzzy union of the directed memberships: w_ij = a + b - a·b with a = w(i→j), b = w(j→i),
 * so the graph is symmetric, and an edge is strong if either end holds it strongly.
 */
export function fuzzyGraph(nb: KnnFound, n: number): FuzzyGraph {
  const { k, indices, distances } = nb;
  const { rho, sigma } = smoothDistances(nb, n);
  const directed = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const j = indices[i * k + c];
      const d = distances[i * k + c];
      directed.set(i * n + j, d <= rho[i] ? 1 : Math.exp(-(d - rho[i]) / sigma[i]));
    }
  }
  const union = new Map<number, number>();
  for (const [key, a] of directed) {
    const [i, j] = [Math.floor(key / n), key % n];
    const b = directed.get(j * n + i) ?? 0;
    const w = a + b - a * b;
    union.set(key, w);
    union.set(j * n + i, w);
  }
  const from = new Uint32Array(union.size);
  const to = new Uint32Array(union.size);
  const weight = new Float32Array(union.size);
  let e = 0;
  for (const [key, w] of union) {
    from[e] = Math.floor(key / n);
    to[e] = key % n;
    weight[e++] = w;
  }
  return { n, from, to, weight };
}

/**
 * a and b of the code-space similarity 1 / (1 + a·d^(2b)), fitted by least squares (Gauss-
 * Newton) to 1 below `minDist` and exp(-(d - minDist) / spread) above it on [0, 3·spread], as
 * umap-learn's find_ab_params does. min_dist 0.1, spread 1 gives a ≈ 1.577, b ≈ 0.895.
 */
export function similarityCurve(minDist: number, spread = 1): { a: number; b: number } {
  const xs = Array.from({ length: 300 }, (_, i) => ((i + 1) * 3 * spread) / 300);
  const ys = xs.map((x) => (x < minDist ? 1 : Math.exp(-(x - minDist) / spread)));
  let [a, b] = [1, 1];
  for (let step = 0; step < 100; step++) {
    // Normal equations of the 2-parameter fit, with analytic derivatives.
    let [jaa, jab, jbb, ga, gb] = [0, 0, 0, 0, 0];
    xs.forEach((x, i) => {
      const p = x ** (2 * b);
      const f = 1 / (1 + a * p);
      const r = f - ys[i];
      const da = -p * f * f;
      const db = -a * p * 2 * Math.log(x) * f * f;
      [jaa, jab, jbb, ga, gb] = [jaa + da * da, jab + da * db, jbb + db * db, ga + da * r, gb + db * r];
    });
    const det = jaa * jbb - jab * jab;
    if (!det) break;
    const [stepA, stepB] = [(jbb * ga - jab * gb) / det, (jaa * gb - jab * ga) / det];
    a -= stepA;
    b -= stepB;
    if (Math.abs(stepA) < 1e-10 && Math.abs(stepB) < 1e-10) break;
  }
  return { a, b };
}
