import * as tf from '@tensorflow/tfjs-core';
import { AEError, shown } from './errors.js';
import type { Autoencoder } from './model.js';
import { encodeTensor, reconstructTensor } from './losses.js';
import { fitPca, knnAccuracy, knnPredict, pcaDecode, pcaEncode, pcaFromBasis, type Pca } from './metrics.js';
import { corrupt } from './noise.js';
import type { NoiseType } from './spec.js';
import { sampleSize, type DeviceDataset } from './sample.js';
import { checkInput, samplesOf } from './inputs.js';
import { standardise } from './scaling.js';
import { gather, gatherRows as rows, labelsAt, mapChunks, perSampleMean, sumChunks } from './chunks.js';
import type { DenoiseEvaluation, Metrics, Projection, ReconstructionErrors, Split } from './types.js';

// Read-only measurements of a model against its dataset: codes, PCA baselines, kNN,
// denoising. Everything runs in chunks so 10,000 samples never sit on the backend twice.

const pixelsOf = (ds: DeviceDataset) => sampleSize(ds.shape);
export const labelsOf = (ds: DeviceDataset, idx: Uint32Array) => labelsAt(ds.data.labels!, idx);

/** A fresh copy of a split's indices (results hand their arrays over to the page). */
export function splitIndices(ds: DeviceDataset, split: Split): Uint32Array {
  if (split === 'train') return ds.data.trainIndices.slice();
  if (split === 'test') return ds.data.testIndices.slice();
  if (split === 'all') return Uint32Array.from({ length: ds.data.n }, (_, i) => i);
  throw AEError.of('input-invalid', 'error.split', { got: shown(split) });
}

/** Codes of dataset samples, encoded in chunks (n x latentDim). */
const codesOf = (ae: Autoencoder, ds: DeviceDataset, indices: Uint32Array) =>
  mapChunks(indices.length, ae.codeSize, (start, end) => encodeTensor(ae, gather(ds, indices.subarray(start, end))));

/** The same codes as one tensor, for kNN on the backend. */
export async function codeTensor(ae: Autoencoder, ds: DeviceDataset, indices: Uint32Array): Promise<tf.Tensor2D> {
  return tf.tensor2d(await codesOf(ae, ds, indices), [indices.length, ae.codeSize]);
}

async function download(t: tf.Tensor): Promise<Float32Array> {
  try {
    return (await t.data()) as Float32Array;
  } finally {
    t.dispose();
  }
}

/**
 * The PCA with `k` components fitted on the train split, once per dataset: the first
 * `k` of the dataset's shipped basis when it has that many, else fitted here.
 */
export function pcaOf(ds: DeviceDataset, k: number): Promise<Pca> {
  let pca = ds.pcas.get(k);
  if (!pca) {
    const { basis, trainIndices } = ds.data;
    if (basis && k <= basis.k) {
      pca = Promise.resolve(pcaFromBasis(basis, k));
    } else {
      if (!trainIndices.length) throw AEError.of('not-ready', 'error.pcaTrain', { k, name: ds.data.name });
      const train = rows(ds, trainIndices);
      pca = fitPca(train, k).finally(() => train.dispose());
    }
    ds.pcas.set(k, pca);
    pca.catch(() => ds.pcas.delete(k));
  }
  return pca;
}

async function pcaTestMse(ds: DeviceDataset, pca: Pca): Promise<number> {
  const test = rows(ds, ds.data.testIndices);
  const err = tf.tidy(() => tf.mean(tf.squaredDifference(test, pcaDecode(pca, pcaEncode(pca, test)))));
  test.dispose();
  return (await download(err))[0];
}

/** The model's codes for a split, in the split's index order. */
export async function projectModel(ae: Autoencoder, ds: DeviceDataset, split: Split): Promise<Projection> {
  const indices = splitIndices(ds, split);
  return { indices, dim: ae.codeSize, codes: await codesOf(ae, ds, indices) };
}

/** A split through a `k`-component PCA fitted on the train split, and its test MSE. */
export async function projectPca(ds: DeviceDataset, k: number, split: Split): Promise<Projection & { testMse: number }> {
  if (!Number.isInteger(k) || k < 1 || k > pixelsOf(ds)) throw AEError.of('input-invalid', 'error.pcaSize', { max: pixelsOf(ds), got: k });
  const pca = await pcaOf(ds, k);
  const indices = splitIndices(ds, split);
  const x = rows(ds, indices);
  const codes = await download(tf.tidy(() => pcaEncode(pca, x)));
  x.dispose();
  return { indices, dim: k, codes, testMse: await pcaTestMse(ds, pca) };
}

/**
 * Components of the PCA a model's code is compared with: as many as the code has numbers,
 * but at most one per sample value and at most 256 (a map code has thousands; fitting that
 * many takes minutes of eigen-solving for a comparison that says nothing more).
 */
export const pcaSizeFor = (ae: Autoencoder, ds: DeviceDataset) => Math.min(ae.codeSize, pixelsOf(ds), 256);

/** Test MSE and kNN-5 accuracy of the codes, and the same for a PCA of equal size (see pcaSizeFor). */
export async function metrics(ae: Autoencoder, ds: DeviceDataset, testMse: number): Promise<Metrics> {
  const { data } = ds;
  const k = pcaSizeFor(ae, ds);
  const pca = await pcaOf(ds, k);
  const pcaMse = await pcaTestMse(ds, pca);
  let knn: number | null = null;
  let pcaKnn: number | null = null;
  if (data.labels) {
    const [trainLabels, testLabels] = [labelsOf(ds, data.trainIndices), labelsOf(ds, data.testIndices)];
    const trainCodes = await codeTensor(ae, ds, data.trainIndices);
    const testCodes = await codeTensor(ae, ds, data.testIndices);
    knn = await knnAccuracy(trainCodes, trainLabels, testCodes, testLabels).finally(() => tf.dispose([trainCodes, testCodes]));
    const [pcaTrain, pcaTest] = tf.tidy(() => [pcaEncode(pca, rows(ds, data.trainIndices)), pcaEncode(pca, rows(ds, data.testIndices))]);
    pcaKnn = await knnAccuracy(pcaTrain, trainLabels, pcaTest, testLabels).finally(() => tf.dispose([pcaTrain, pcaTest]));
  }
  return { latentDim: ae.spec.latentDim, testMse, knnAccuracy: knn, pca: { components: k, testMse: pcaMse, knnAccuracy: pcaKnn } };
}

/**
 * Labels images by 5-nearest-neighbour on raw pixels against the train split: a small,
 * model-free judge of what decoded images look like (about 0.9 accurate on MNIST test).
 */
export async function classify(ds: DeviceDataset, images: Float32Array, n: number): Promise<Uint8Array> {
  const { data } = ds;
  if (!data.labels) throw AEError.of('dataset-invalid', 'error.classifyLabels', undefined);
  const pixels = pixelsOf(ds);
  checkInput('classify()', images, n, samplesOf(ds.shape));
  const values = ds.data.scaling ? standardise(images, ds.data.scaling) : images;
  const train = rows(ds, data.trainIndices);
  const query = tf.tensor2d(values, [n, pixels]);
  try {
    return await knnPredict(train, labelsOf(ds, data.trainIndices), query);
  } finally {
    tf.dispose([train, query]);
  }
}

/** Corrupts the test split (seeded) and measures MSE to the clean images before and after the model. */
export async function evaluateDenoising(ae: Autoencoder, ds: DeviceDataset, noiseType: NoiseType, noise: number, seed = 1): Promise<DenoiseEvaluation> {
  const indices = ds.data.testIndices;
  const [noisy, restored] = await sumChunks(indices.length, (start, end) => {
    const x = gather(ds, indices.subarray(start, end));
    const xn = corrupt(x, noiseType, noise, seed + start);
    return tf.stack([tf.sum(tf.squaredDifference(xn, x)), tf.sum(tf.squaredDifference(reconstructTensor(ae, xn), x))]);
  });
  const count = indices.length * pixelsOf(ds);
  return { noiseType, noise, noisyMse: noisy / count, restoredMse: restored / count };
}

/** Per-image reconstruction MSE over a split: the anomaly score of each image. */
export async function reconstructionErrors(ae: Autoencoder, ds: DeviceDataset, split: Split): Promise<ReconstructionErrors> {
  const indices = splitIndices(ds, split);
  const errors = await mapChunks(indices.length, 1, (start, end) => {
    const x = gather(ds, indices.subarray(start, end));
    return perSampleMean(tf.squaredDifference(reconstructTensor(ae, x), x));
  });
  return { indices, errors };
}
