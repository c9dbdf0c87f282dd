import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { knnSearch } from '../../src/engine/metrics.js';
import { mulberry32 } from '../../src/engine/random.js';
import { fuzzyGraph, similarityCurve, smoothDistances } from '../../src/engine/umap-graph.js';
import { graphOf } from '../../src/engine/neighbour-graph.js';
import { toDevice } from '../../src/engine/chunks.js';

// UMAP's graph of the training inputs: exact neighbours on the backend, smoothed
// memberships, their fuzzy union, and the a, b of the code-space similarity.

const D = 10;

/** `n` points of cluster `i % 2`: gaussian blobs 20 units apart along every column. */
function blobs(n: number, seed: number): { rows: Float32Array; cluster: Uint8Array } {
  const rand = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const cluster = Uint8Array.from({ length: n }, (_, i) => i % 2);
  return { rows: Float32Array.from({ length: n * D }, (_, j) => cluster[Math.floor(j / D)] * 20 + normal()), cluster };
}

describe('UMAP graph', () => {
  before(() => tf.setBackend('cpu'));

  it('knnSearch finds the same neighbours and distances as brute force, skipping each point itself', async () => {
    const n = 70;
    const { rows } = blobs(n, 3);
    const x = tf.tensor2d(rows, [n, D]);
    const before = tf.memory().numTensors;
    const found = await knnSearch(x, x, 5, { self: true });
    expect(tf.memory().numTensors, 'no tensor left behind').to.equal(before);
    x.dispose();
    for (let i = 0; i < n; i++) {
      const dist = (j: number) => Math.hypot(...Array.from({ length: D }, (_, c) => rows[i * D + c] - rows[j * D + c]));
      const brute = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i).sort((a, b) => dist(a) - dist(b)).slice(0, 5);
      expect(Array.from(found.indices.subarray(i * 5, i * 5 + 5))).to.deep.equal(brute);
      brute.forEach((j, c) => expect(found.distances[i * 5 + c]).to.be.closeTo(dist(j), 1e-3));
    }
  });

  it('on two clusters far apart every neighbour is in its own cluster; memberships are symmetric, in (0, 1], and sum to log2(k + 1) per point', async () => {
    const [n, k] = [300, 15];
    const { rows, cluster } = blobs(n, 7);
    const x = tf.tensor2d(rows, [n, D]);
    const done: number[] = [];
    const found = await knnSearch(x, x, k, { self: true, onChunk: (rowsDone) => done.push(rowsDone) });
    x.dispose();
    expect(done.at(-1), 'progress reaches every row').to.equal(n);
    for (let i = 0; i < n * k; i++) expect(cluster[found.indices[i]]).to.equal(cluster[Math.floor(i / k)]);

    const { rho, sigma } = smoothDistances(found, n);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (const d of found.distances.subarray(i * k, (i + 1) * k)) sum += d > rho[i] ? Math.exp(-(d - rho[i]) / sigma[i]) : 1;
      expect(sum).to.be.closeTo(Math.log2(k + 1), 1e-3);
    }

    const g = fuzzyGraph(found, n);
    const weights = new Map<string, number>();
    for (let e = 0; e < g.from.length; e++) weights.set(`${g.from[e]},${g.to[e]}`, g.weight[e]);
    for (let e = 0; e < g.from.length; e++) {
      expect(g.weight[e]).to.be.above(0).and.at.most(1);
      expect(weights.get(`${g.to[e]},${g.from[e]}`), 'the same weight both ways').to.equal(g.weight[e]);
      expect(cluster[g.from[e]]).to.equal(cluster[g.to[e]]);
    }
    // Every point holds its nearest neighbour at full strength.
    for (let i = 0; i < n; i++) expect(weights.get(`${i},${found.indices[i * k]}`)).to.equal(1);
    expect(g.from.length).to.be.at.least(n * k);
  });

  it('measures by angle with metric cosine, and keeps one graph per split, neighbours and metric', async () => {
    // Two directions, each at scales from 0.2 to 5: by straight-line distance the small
    // ones of both directions are neighbours; by angle only their own direction is.
    const [n, k] = [200, 8];
    const rand = mulberry32(5);
    const direction = Uint8Array.from({ length: n }, (_, i) => i % 2);
    const rows = new Float32Array(n * D);
    for (let i = 0; i < n; i++) {
      const scale = 0.2 + 4.8 * rand();
      for (let c = 0; c < D; c++) rows[i * D + c] = scale * ((c < D / 2) === (direction[i] === 0) ? 1 : 0.05) * (1 + 0.02 * rand());
    }
    const all = Uint32Array.from({ length: n }, (_, i) => i);
    const ds = toDevice({ name: 'directions', images: rows, n, height: 1, width: D, channels: 1, trainIndices: all, testIndices: new Uint32Array(0) }, rows, new Float32Array(D));
    const mixed = (g: Awaited<ReturnType<typeof graphOf>>) => {
      let m = 0;
      for (let e = 0; e < g.from.length; e++) if (direction[g.to[e]] !== direction[g.from[e]]) m++;
      return m;
    };
    const cosine = await graphOf(ds, 'train', { neighbours: k, metric: 'cosine' });
    const euclidean = await graphOf(ds, 'train', { neighbours: k, metric: 'euclidean' });
    expect(mixed(cosine), 'by angle').to.equal(0);
    expect(mixed(euclidean), 'by distance').to.be.above(0);
    expect(await graphOf(ds, 'train', { neighbours: k, metric: 'cosine' })).to.equal(cosine);
    expect(ds.graphs.size).to.equal(2);
    ds.samples.dispose();
  });

  it("fits umap-learn's similarity curve: min_dist 0.1 gives a 1.577, b 0.895", () => {
    const { a, b } = similarityCurve(0.1);
    expect(a).to.be.closeTo(1.577, 0.01);
    expect(b).to.be.closeTo(0.895, 0.005);
    // A larger min_dist keeps codes further apart: the curve is flatter near zero.
    const wide = similarityCurve(0.5);
    expect(1 / (1 + wide.a * 0.5 ** (2 * wide.b))).to.be.above(1 / (1 + a * 0.5 ** (2 * b)));
  });
});
