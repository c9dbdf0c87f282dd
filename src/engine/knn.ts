import * as tf from '@tensorflow/tfjs-core';
import { AEError, shown } from './errors.js';
import type { Autoencoder } from './model.js';
import { encodeTensor } from './losses.js';
import { knnNeighbours, knnPredict, knnVote, pcaEncode } from './metrics.js';
import { codeTensor, labelsOf, pcaOf, pcaSizeFor } from './analysis.js';
import { gatherRows } from './chunks.js';
import { classCount } from './dataset.js';
import { checkInput, samplesOf } from './inputs.js';
import { standardise } from './scaling.js';
import { sampleDims, sampleSize, type DeviceDataset } from './sample.js';
import { KNN_SPACES, type KnnNeighbours, type KnnResult, type KnnSpace } from './types.js';

// Classifying from a representation: k-nearest-neighbour votes with the train split as
// the reference, in the model's code, in a PCA with as many components, or on the raw
// values. The test split's figures use knnPredict, as metrics() does, so the model
// space's accuracy at k = 5 is metrics().knnAccuracy.

/** A space: its width, a split's rows in it, and samples (shaped for the model) mapped into it. */
interface Space {
  dim: number;
  rows(indices: Uint32Array): Promise<tf.Tensor2D>;
  /** Runs inside tf.tidy. */
  map(x: tf.Tensor): tf.Tensor2D;
}

async function spaceOf(ae: Autoencoder, ds: DeviceDataset, space: KnnSpace): Promise<Space> {
  const size = sampleSize(ds.shape);
  const flat = (x: tf.Tensor) => tf.reshape(x, [x.shape[0], size]) as tf.Tensor2D;
  if (space === 'model') return { dim: ae.codeSize, rows: (idx) => codeTensor(ae, ds, idx), map: (x) => encodeTensor(ae, x) as tf.Tensor2D };
  if (space === 'pca') {
    const dim = pcaSizeFor(ae, ds);
    const pca = await pcaOf(ds, dim);
    return { dim, rows: async (idx) => tf.tidy(() => pcaEncode(pca, gatherRows(ds, idx))), map: (x) => pcaEncode(pca, flat(x)) };
  }
  return { dim: size, rows: async (idx) => gatherRows(ds, idx), map: flat };
}

/** The engine's own check of what the store checks first: a known space, a whole k of 1 or more. */
function checkKnn(call: string, ds: DeviceDataset, space: unknown, k: unknown): asserts space is KnnSpace {
  if (!KNN_SPACES.includes(space as KnnSpace)) throw AEError.of('input-invalid', 'error.knnSpace', { call, spaces: KNN_SPACES, got: shown(space) });
  if (!(typeof k === 'number' && Number.isInteger(k) && k >= 1)) throw AEError.of('input-invalid', 'error.knnK', { call, got: shown(k) });
  if (!ds.data.labels) throw AEError.of('dataset-invalid', 'error.knnLabels', { call, name: ds.data.name });
  if (!ds.data.trainIndices.length) throw AEError.of('not-ready', 'error.knnTrain', { call, name: ds.data.name });
}

/** Runs `op` on a split's rows in a space, then frees them. */
async function withRows<T>(s: Space, indices: Uint32Array, op: (rows: tf.Tensor2D) => Promise<T>): Promise<T> {
  const rows = await s.rows(indices);
  try {
    return await op(rows);
  } finally {
    rows.dispose();
  }
}

/** The test split classified by its `k` nearest train samples in `space`: labels, accuracy, confusion matrix. */
export async function knnTest(ae: Autoencoder, ds: DeviceDataset, space: KnnSpace, k: number): Promise<KnnResult> {
  checkKnn('knn()', ds, space, k);
  const { trainIndices, testIndices } = ds.data;
  const s = await spaceOf(ae, ds, space);
  const predicted = await withRows(s, trainIndices, (reference) => withRows(s, testIndices, (query) => knnPredict(reference, labelsOf(ds, trainIndices), query, k)));
  const truth = labelsOf(ds, testIndices);
  const classes = classCount(ds.data);
  const confusion = new Uint32Array(classes * classes);
  let right = 0;
  truth.forEach((t, r) => {
    confusion[t * classes + predicted[r]]++;
    if (t === predicted[r]) right++;
  });
  return { space, k, dim: s.dim, indices: testIndices.slice(), truth, predicted, accuracy: right / truth.length, classes, confusion };
}

/** `n` samples (the page's units) classified in `space`, with the train samples that voted, nearest first. */
export async function knnQuery(ae: Autoencoder, ds: DeviceDataset, samples: Float32Array, n: number, space: KnnSpace, k: number): Promise<KnnNeighbours> {
  checkKnn('knnQuery()', ds, space, k);
  checkInput('knnQuery()', samples, n, samplesOf(ds.shape));
  const { trainIndices } = ds.data;
  const values = ds.data.scaling ? standardise(samples, ds.data.scaling) : samples;
  const s = await spaceOf(ae, ds, space);
  const near = await withRows(s, trainIndices, async (reference) => {
    const query = tf.tidy(() => s.map(tf.tensor(values, [n, ...sampleDims(ds.shape)])));
    try {
      return await knnNeighbours(reference, query, k);
    } finally {
      query.dispose();
    }
  });
  const kk = Math.min(k, trainIndices.length);
  return { space, k: kk, predicted: knnVote(near, labelsOf(ds, trainIndices), kk), neighbours: Uint32Array.from(near, (j) => trainIndices[j]) };
}
