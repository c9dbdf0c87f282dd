// Plain-data types that cross between the engine and the main thread. No tfjs here:
// the store imports from this file, and so does the public API.
import type { NoiseType } from './spec.js';

export interface TrainOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** When set, the rate follows a cosine from learningRate down to this over the run. */
  finalLearningRate?: number;
}

export const DEFAULT_TRAIN: Readonly<TrainOptions> = Object.freeze({ epochs: 10, batchSize: 64, learningRate: 1e-3 });

/** One progress report: steps since the last report, or the end of an epoch. */
export interface TrainProgress {
  /** `graph`: the neighbour graph a kind needs is being built (see `graph`), before the first step. */
  phase: 'step' | 'epoch' | 'graph';
  epoch: number; // 1-based
  epochs: number;
  step: number; // steps done in this epoch
  stepsPerEpoch: number;
  totalSteps: number; // steps done in this train() call
  /** Training loss of each step since the last report, in order. */
  losses: number[];
  /** The kind's named loss terms (reconstruction, kl, discriminator...) per step, beside `losses`; absent when it has none. */
  series?: Record<string, number[]>;
  loss: number;
  samplesPerSec: number;
  testLoss?: number;
  testMse?: number;
  /** KL term of a VAE on the test split (0 for other kinds). */
  testKl?: number;
  /** The kind's named loss terms on the test split. */
  testTerms?: Record<string, number>;
  /** With phase `graph`: samples of the train split whose neighbours are found so far. */
  graph?: { done: number; total: number };
}

export interface TrainResult {
  stopped: boolean;
  epochs: number;
  steps: number;
  loss: number;
  testLoss?: number;
  testMse?: number;
  testKl?: number;
  testTerms?: Record<string, number>;
}

/** Where weights come from. Files are read to buffers on the main thread. */
export type WeightsSource =
  | { kind: 'url'; url: string }
  | { kind: 'indexeddb'; url: string }
  | { kind: 'files'; files: { name: string; data: ArrayBuffer }[] };

/** A model in LayersModel format, in memory: model.json plus one weights file. */
export interface ModelFiles {
  modelJson: string;
  weightsName: string;
  weights: ArrayBuffer;
}

/** How well a model's code captures the data, next to a PCA with as many components (at most 256). */
export interface Metrics {
  latentDim: number;
  /** Reconstruction MSE on the test split (mean over pixels). */
  testMse: number;
  /** kNN (k = 5) accuracy of test codes against train codes; null without labels. */
  knnAccuracy: number | null;
  pca: { components: number; testMse: number; knnAccuracy: number | null };
}

/** How a model restores corrupted test images: MSE to the clean images before and after. */
export interface DenoiseEvaluation {
  noiseType: NoiseType;
  noise: number;
  noisyMse: number;
  restoredMse: number;
}

/** Each image's reconstruction MSE: `errors[k]` belongs to dataset image `indices[k]`. */
export interface ReconstructionErrors {
  indices: Uint32Array;
  errors: Float32Array;
}

/** Which images of a dataset: its train split, its test split, or all of them. */
export type Split = 'train' | 'test' | 'all';

/** Points of a split in some code space: `codes` is n x dim, row k belongs to image indices[k]. */
export interface Projection {
  indices: Uint32Array;
  dim: number;
  codes: Float32Array;
}

/** Where kNN compares samples: the model's codes, a PCA with as many components, or the raw values. */
export const KNN_SPACES = ['model', 'pca', 'pixels'] as const;
export type KnnSpace = (typeof KNN_SPACES)[number];

/** The test split classified by kNN against the train split in one space. */
export interface KnnResult {
  space: KnnSpace;
  k: number;
  /** Numbers per sample in that space (code size, PCA components, or values per sample). */
  dim: number;
  /** The test split's dataset indices; `truth[r]` and `predicted[r]` belong to `indices[r]`. */
  indices: Uint32Array;
  truth: Uint8Array;
  predicted: Uint8Array;
  /** Share of the test split whose predicted label is its own. */
  accuracy: number;
  /** Number of classes: labels run from 0 to classes - 1. */
  classes: number;
  /** classes x classes counts, row-major: row = true label, column = predicted label. */
  confusion: Uint32Array;
}

/** Samples classified by kNN against the train split, with the neighbours that voted. */
export interface KnnNeighbours {
  space: KnnSpace;
  /** Neighbours per sample: k, or the train split's size when that is smaller. */
  k: number;
  /** The label voted for each sample. */
  predicted: Uint8Array;
  /** n x k dataset indices of each sample's nearest train samples, nearest first. */
  neighbours: Uint32Array;
}
