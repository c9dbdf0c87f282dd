import * as tf from '@tensorflow/tfjs-core';
import { sampleDims, sampleShapeOf, sampleSize, type DeviceDataset } from './sample.js';
import type { Dataset } from './dataset.js';
import { nextTask } from './schedule.js';

// Samples on the backend: upload, gather, and the one chunked loop that every
// whole-split computation (codes, errors, evaluation, denoising) runs through.

/** Uploads a dataset's samples: `values` are its images, standardised when it has a scaling. */
export function toDevice(data: Dataset, values: Float32Array, meanSample: Float32Array): DeviceDataset {
  const shape = sampleShapeOf(data);
  return { data, shape, samples: tf.tensor(values, [data.n, ...sampleDims(shape)]), meanSample, pcas: new Map(), graphs: new Map() };
}

/** Rows `indices` of a tensor of samples. */
export function gatherAt(samples: tf.Tensor, indices: ArrayLike<number>): tf.Tensor {
  return tf.tidy(() => tf.gather(samples, tf.tensor1d(Int32Array.from(indices), 'int32')));
}

/** The labels at `indices`, as gatherAt picks their samples. */
export const labelsAt = (labels: Uint8Array, indices: ArrayLike<number>) => Uint8Array.from(indices, (i) => labels[i]);

/** The dataset's samples at `indices`, shaped for the model. */
export const gather = (ds: DeviceDataset, indices: ArrayLike<number>) => gatherAt(ds.samples, indices);

/** The samples at `indices` as flat rows (count x sampleSize). */
export function gatherRows(ds: DeviceDataset, indices: ArrayLike<number>): tf.Tensor2D {
  return tf.tidy(() => tf.reshape(gather(ds, indices), [indices.length, sampleSize(ds.shape)]) as tf.Tensor2D);
}

/** Mean over every axis but the first: one number per sample. */
export function perSampleMean(x: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => tf.mean(tf.reshape(x, [x.shape[0], -1]), 1) as tf.Tensor1D);
}

const CHUNK = 1000;

/**
 * Runs `fn` over `count` items in chunks (so 10,000 samples never sit on the backend at
 * once), downloads each chunk's result and hands it to `take`. Yields between chunks so
 * a pause or stop gets in.
 */
export async function eachChunk(count: number, fn: (start: number, end: number) => tf.Tensor, take: (values: Float32Array, start: number) => void, size = CHUNK): Promise<void> {
  for (let start = 0; start < count; start += size) {
    const end = Math.min(count, start + size);
    const t = tf.tidy(() => fn(start, end));
    try {
      take((await t.data()) as Float32Array, start);
    } finally {
      t.dispose();
    }
    if (end < count) await nextTask();
  }
}

/** `eachChunk` into one array holding `width` values per item. */
export async function mapChunks(count: number, width: number, fn: (start: number, end: number) => tf.Tensor, size = CHUNK): Promise<Float32Array> {
  const out = new Float32Array(count * width);
  await eachChunk(count, fn, (values, start) => out.set(values, start * width), size);
  return out;
}

/** `eachChunk` summing each chunk's vector of totals. */
export async function sumChunks(count: number, fn: (start: number, end: number) => tf.Tensor, size = CHUNK): Promise<number[]> {
  let sums: number[] = [];
  await eachChunk(count, fn, (values) => (sums = Array.from(values, (v, i) => (sums[i] ?? 0) + v)), size);
  return sums;
}
