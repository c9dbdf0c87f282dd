import type * as TF from '@tensorflow/tfjs-core';
import { amount, choice, count } from './fields.js';
import { batchRandom, defineKind, GRAPH_METRICS, reconstruct, type Batch, type SpecOf } from './kind.js';
import { similarityCurve } from '../umap-graph.js';

const fields = {
  neighbours: count(15, 100, 'Nearest neighbours per sample in the UMAP graph of the inputs, not counting itself (umap-learn\'s n_neighbors counts it: 15 here is its 16).', { min: 2, attribute: 'neighbours' }),
  metric: choice(GRAPH_METRICS, 'euclidean', "How the graph measures distance between inputs: `euclidean` (umap-learn's default), or `cosine`, the angle between them, for data whose overall scale should not count.", { attribute: 'metric' }),
  umapWeight: amount(3, 'Weight of the UMAP loss on the codes beside the reconstruction loss (on 8,000 MNIST digits, 30 epochs: 3 gave 5-NN accuracy 0.857 at test MSE 0.0397, 1 gave 0.823 at 0.0388).', { max: 100, attribute: 'umap-weight' }),
  negatives: count(5, 50, 'Codes pushed away from each code per graph edge (negative samples).', { attribute: 'negatives' }),
  edges: count(512, 8192, 'Graph edges per training batch, drawn by weight: UMAP needs many more pairs than a batch has samples.', { min: 16, attribute: 'edges' }),
  minDist: amount(0.1, "How tightly codes may pack (UMAP's min_dist, with spread 1).", { max: 3, attribute: 'min-dist' }),
};

type Spec = SpecOf<typeof fields>;

/** Below this a similarity's log is clipped, as umap-learn clips it. */
const EPS = 1e-4;
const curves = new Map<number, { a: number; b: number }>();

/**
 * Parametric UMAP's loss (Sainburg, McInnes & Gentner 2021): cross-entropy between the
 * graph (the two ends of each edge drawn by weight: similar) and the codes' similarity
 * 1 / (1 + a·d^(2b)); each code is also pushed from `negatives` codes of other edges' far
 * ends (dissimilar). Mean over all pairs.
 */
function umapLoss(b: Batch<Spec>): TF.Scalar {
  const { tf, spec } = b;
  if (!b.edges) throw new Error('umap-ae: the batch carries no graph edges.');
  const [code] = b.encode(b.edges.from);
  const [partner] = b.encode(b.edges.to);
  if (!curves.has(spec.minDist)) curves.set(spec.minDist, similarityCurve(spec.minDist));
  const { a, b: power } = curves.get(spec.minDist)!;
  // d^(2b) as (d²)^b; the small shift keeps the gradient finite where two codes meet.
  const similarity = (u: TF.Tensor, v: TF.Tensor) => tf.div(1, tf.add(1, tf.mul(a, tf.pow(tf.add(tf.sum(tf.squaredDifference(u, v), 1), 1e-8), power))));
  const n = code.shape[0];
  const rand = batchRandom(b);
  const terms = [tf.neg(tf.log(tf.clipByValue(similarity(code, partner), EPS, 1)))];
  for (let r = 0; r < spec.negatives; r++) {
    // The far ends rolled by a random shift: edges are drawn at random, so this pairs each
    // code with another edge's far end, as cheaply as slicing (gather's gradient needs a
    // kernel wasm lacks).
    const shift = 1 + Math.floor(rand() * (n - 1));
    const other = tf.concat([tf.slice(partner, shift), tf.slice(partner, 0, shift)]);
    terms.push(tf.neg(tf.log(tf.clipByValue(tf.sub(1, similarity(code, other)), EPS, 1))));
  }
  return tf.mean(tf.concat(terms)) as TF.Scalar;
}

/**
 * An autoencoder whose codes are also laid out by UMAP's loss over a nearest-neighbour
 * graph of the inputs (Sainburg et al. 2021, "UMAP-AE"): a 2-D map that keeps neighbours
 * together and classes apart, and still decodes.
 */
export const umapAe = defineKind({
  name: 'umap-ae',
  title: 'UMAP-regularised',
  doc: "Adds parametric UMAP's loss on the codes: each batch draws `edges` edges by weight from a k-nearest-neighbour graph of the inputs (built before the first step, once per dataset), pulls their ends' codes together and pushes each from `negatives` others, so the map keeps neighbourhoods and still decodes.",
  fields,
  graph: (s) => ({ neighbours: s.neighbours, metric: s.metric, edges: s.edges }),
  describe: (s) => `, UMAP weight ${s.umapWeight}, ${s.neighbours} neighbours`,
  updates: [
    {
      weights: 'autoencoder',
      terms: ['reconstruction', 'umap'],
      loss: (b) => {
        const { loss: reconstruction } = reconstruct(b);
        const umap = umapLoss(b);
        return { loss: b.tf.add(reconstruction, b.tf.mul(b.spec.umapWeight, umap)) as TF.Scalar, reconstruction, umap };
      },
    },
  ],
});
