import type * as tf from '@tensorflow/tfjs-core';
import { AEError } from './errors.js';
import { english, type MessageArgs, type MessageKey } from '../l10n/english.js';
import type { Dataset } from './dataset.js';
import type { Pca } from './metrics.js';
import type { SplitGraph } from './neighbour-graph.js';

// Plain data and pure helpers only (the type import of tfjs is erased): the store and the
// elements' renderer read sample shapes too.

/**
 * What one sample of a dataset is. Every engine path (training, codes, errors, PCA)
 * works from this, so a new kind of sample is declared here and nowhere else.
 * - image: height x width x channels, channels 1 (grey) or 3 (colour), values 0..1;
 * - vector: `length` numbers (a table row or a signal), drawn as a line.
 */
export type SampleShape =
  | { kind: 'image'; height: number; width: number; channels: number }
  | { kind: 'vector'; length: number };

export type SampleKind = SampleShape['kind'];
export const SAMPLE_KINDS: readonly SampleKind[] = ['image', 'vector'];

/** Image sides the engine accepts (a conv model halves them per layer). */
export const IMAGE_SIDES = { min: 8, max: 128 } as const;
export const MAX_VECTOR = 65536;

/** The flat layout of a sample kind: vectors are stored as 1 x length x 1. */
export function layoutOf(shape: SampleShape): { height: number; width: number; channels: number } {
  return shape.kind === 'image' ? { height: shape.height, width: shape.width, channels: shape.channels } : { height: 1, width: shape.length, channels: 1 };
}

/** The sample shape a dataset (or a saved model's record of one) declares. */
export function sampleShapeOf(d: { sample?: SampleKind; height: number; width: number; channels: number }): SampleShape {
  return d.sample === 'vector' ? { kind: 'vector', length: d.width } : { kind: 'image', height: d.height, width: d.width, channels: d.channels };
}

/** Numbers in one sample. */
export const sampleSize = (s: SampleShape) => (s.kind === 'image' ? s.height * s.width * s.channels : s.length);

/** The model input's shape for one sample. */
export const sampleDims = (s: SampleShape): number[] => (s.kind === 'image' ? [s.height, s.width, s.channels] : [s.length]);

/** "32x32x3 image" or "vector of 50": for messages (entry `data.shape`; elements say it in their language). */
export const describeShape = (s: SampleShape) => english('data.shape', { shape: s });

export const sameShape = (a: SampleShape, b: SampleShape) => describeShape(a) === describeShape(b);

/** Throws dataset-invalid unless the shape is one the engine can hold and models can learn. */
export function checkSampleShape(s: SampleShape): SampleShape {
  const bad = <K extends MessageKey>(key: K, args: MessageArgs<K>) => AEError.of('dataset-invalid', key, args, { sample: s });
  if (s.kind === 'vector') {
    if (!Number.isInteger(s.length) || s.length < 1 || s.length > MAX_VECTOR) throw bad('data.vectorLength', { max: MAX_VECTOR, got: s.length });
    return s;
  }
  const { min, max } = IMAGE_SIDES;
  for (const [side, v] of [['height', s.height], ['width', s.width]] as const) {
    if (!Number.isInteger(v) || v < min || v > max) throw bad('data.imageSide', { side, min, max, got: v });
  }
  if (s.channels !== 1 && s.channels !== 3) throw bad('data.channels', { got: s.channels });
  return s;
}

/** A dataset as the engine holds it: samples on the backend, with the train split's mean. */
export interface DeviceDataset {
  data: Dataset;
  shape: SampleShape;
  /** [n, ...sampleDims(shape)] */
  samples: tf.Tensor;
  meanSample: Float32Array;
  /** PCAs fitted on the train split (or taken from its shipped basis), by number of components. */
  pcas: Map<number, Promise<Pca>>;
  /** UMAP graphs of a split, by "split:neighbours:metric" (see neighbour-graph.ts). */
  graphs: Map<string, Promise<SplitGraph>>;
}
