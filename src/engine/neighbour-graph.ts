import * as tf from '@tensorflow/tfjs-core';
import { gatherRows } from './chunks.js';
import type { GraphMetric } from './kinds/kind.js';
import { knnSearch } from './metrics.js';
import type { DeviceDataset } from './sample.js';
import { fuzzyGraph } from './umap-graph.js';

// UMAP's graph of one split's samples, cached on the dataset (plain arrays: nothing to
// free on the backend), and the edges each training batch draws from it.

/** A split's graph as an edge list over dataset indices, with cumulative weights for drawing. */
export interface SplitGraph {
  /** The near end of each edge, as a dataset index. */
  from: Uint32Array;
  /** The far end of each edge, as a dataset index. */
  to: Uint32Array;
  /** Running sum of the edge weights, over the whole graph. */
  cumulative: Float64Array;
  /** Seconds the build took. */
  seconds: number;
}

/** Rows done so far of a graph being built. */
export type GraphProgress = (done: number, total: number) => void;

/** A split's graph with `neighbours` per sample under `metric`, built once per dataset. */
export function graphOf(ds: DeviceDataset, split: 'train' | 'test', { neighbours, metric }: { neighbours: number; metric: GraphMetric }, onProgress?: GraphProgress): Promise<SplitGraph> {
  const key = `${split}:${neighbours}:${metric}`;
  let graph = ds.graphs.get(key);
  if (!graph) {
    graph = build(ds, split === 'train' ? ds.data.trainIndices : ds.data.testIndices, neighbours, metric, onProgress);
    ds.graphs.set(key, graph);
    graph.catch(() => ds.graphs.delete(key)); // a failed build is tried again next time
  }
  return graph;
}

async function build(ds: DeviceDataset, indices: Uint32Array, k: number, metric: GraphMetric, onProgress?: GraphProgress): Promise<SplitGraph> {
  const t0 = performance.now();
  const n = indices.length;
  const x = tf.tidy(() => {
    const rows = gatherRows(ds, indices);
    // Cosine: rows scaled to unit length, whose straight-line distances rank as their angles do (an all-zero row stays zero).
    return metric === 'cosine' ? (tf.div(rows, tf.maximum(tf.norm(rows, 2, 1, true), 1e-12)) as tf.Tensor2D) : rows;
  });
  const found = await knnSearch(x, x, k, { self: true, onChunk: (done) => onProgress?.(done, n) }).finally(() => x.dispose());
  const g = fuzzyGraph(found, n);
  // Edges grouped by their near end (a counting sort): seeded runs draw edges by position, so this order is part of what they reproduce.
  const slots = new Uint32Array(n + 1);
  for (const f of g.from) slots[f + 1]++;
  for (let r = 0; r < n; r++) slots[r + 1] += slots[r];
  const [from, to] = [new Uint32Array(g.from.length), new Uint32Array(g.from.length)];
  const cumulative = new Float64Array(g.from.length);
  g.from.forEach((f, e) => {
    const slot = slots[f]++;
    [from[slot], to[slot], cumulative[slot]] = [indices[f], indices[g.to[e]], g.weight[e]];
  });
  for (let e = 1; e < cumulative.length; e++) cumulative[e] += cumulative[e - 1];
  return { from, to, cumulative, seconds: (performance.now() - t0) / 1000 };
}

/** `count` edges drawn with probability in proportion to their weight, as UMAP samples them: both ends, as dataset indices. */
export function drawEdges(graph: SplitGraph, count: number, rand: () => number): { from: Uint32Array; to: Uint32Array } {
  const { cumulative } = graph;
  const total = cumulative[cumulative.length - 1];
  const [from, to] = [new Uint32Array(count), new Uint32Array(count)];
  for (let i = 0; i < count; i++) {
    const pick = rand() * total;
    let [lo, hi] = [0, cumulative.length - 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < pick) lo = mid + 1;
      else hi = mid;
    }
    [from[i], to[i]] = [graph.from[lo], graph.to[lo]];
  }
  return { from, to };
}
