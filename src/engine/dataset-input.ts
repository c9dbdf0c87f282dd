import { checkClassNames, invalid, withSplit, type Dataset, type Unsplit } from './dataset.js';
import { shown } from './errors.js';
import { fitScaling } from './scaling.js';
import { SAMPLE_KINDS, checkSampleShape, layoutOf, sampleSize, type SampleKind, type SampleShape } from './sample.js';

// Checks on a dataset a page hands to store.setDataset(): shape, values, labels, splits
// and sizes. Each problem is a `dataset-invalid` error that says what was found.

/**
 * What a page may hand to `store.setDataset()`: images of height x width x channels
 * (1 or 3), or vectors (`sample: 'vector'` with `length`); labels and split optional.
 */
export interface DatasetInput {
  name?: string;
  images: Float32Array | Uint8Array | ArrayLike<number>;
  labels?: Uint8Array | ArrayLike<number>;
  classNames?: string[];
  n: number;
  sample?: SampleKind;
  height?: number;
  width?: number;
  channels?: number;
  /** Numbers per sample of a vector dataset. */
  length?: number;
  trainIndices?: ArrayLike<number>;
  testIndices?: ArrayLike<number>;
  /**
   * Train only on these classes (label numbers or class names): the rest of their
   * samples, and every sample of other classes, go to the test split. The classic
   * anomaly-detection setup: train on the normal class, score everything.
   */
  trainLabels?: (number | string)[];
  /**
   * Vectors only: standardise each column by the train split's mean and std (default
   * true). Models of standardised data have a linear output and an MSE loss.
   */
  standardize?: boolean;
}

/**
 * The smallest splits a model can learn and be measured on: 2 samples to train on (a
 * shuffled batch), 1 to test on. With the automatic 80/20 split that is 3 samples.
 */
export const MIN_SPLIT = { train: 2, test: 1 } as const;

/** The sample shape an input declares: `sample: 'vector'` with `length`, else an image. */
function inputShape(input: DatasetInput): SampleShape {
  if (input.sample !== undefined && !SAMPLE_KINDS.includes(input.sample)) throw invalid('data.sampleKind', { kinds: SAMPLE_KINDS, got: shown(input.sample) });
  if (input.sample === 'vector') return checkSampleShape({ kind: 'vector', length: input.length ?? input.width ?? NaN });
  const { height, width } = input;
  return checkSampleShape({ kind: 'image', height: height ?? NaN, width: width ?? NaN, channels: input.channels ?? 1 });
}

/** The values as 0..1 pixels (a Uint8Array counts 0..255) or finite vector numbers; nothing is clipped. */
function readValues(src: DatasetInput['images'], n: number, shape: SampleShape): Float32Array {
  const size = n * sampleSize(shape);
  if (!src || typeof src.length !== 'number') throw invalid('data.imagesType', { got: shown(src) });
  if (src.length !== size) {
    throw invalid('data.imagesCount', { count: src.length, n, size: sampleSize(shape), shape, expected: size }, { expected: size, actual: src.length });
  }
  const values = new Float32Array(size);
  const image = shape.kind === 'image';
  const scale = image && src instanceof Uint8Array ? 1 / 255 : 1;
  for (let i = 0; i < size; i++) {
    const v = src[i] * scale;
    if (image ? !(v >= 0 && v <= 1) : !Number.isFinite(v)) {
      const at = { index: i, sample: Math.floor(i / sampleSize(shape)), got: shown(src[i]) };
      throw invalid(image ? 'data.pixel' : 'data.vectorValue', at, { index: i });
    }
    values[i] = v;
  }
  return values;
}

function readLabels(labels: DatasetInput['labels'], n: number): Uint8Array | undefined {
  if (labels === undefined) return undefined;
  if (!labels || typeof labels.length !== 'number') throw invalid('data.labelsType', { got: shown(labels) });
  if (labels.length !== n) throw invalid('data.labelsCount', { count: labels.length, n });
  for (let i = 0; i < n; i++) {
    const l = labels[i];
    if (!Number.isInteger(l) || l < 0 || l > 255) throw invalid('data.label', { index: i, got: shown(l) }, { index: i });
  }
  return Uint8Array.from(labels);
}

/** A split's indices: whole numbers below n, none repeated. */
function readIndices(idx: ArrayLike<number> | undefined, n: number, key: string): Uint32Array {
  if (!idx || typeof idx.length !== 'number' || idx.length === 0) throw invalid('data.splitMissing', { key });
  const seen = new Uint8Array(n);
  const out = new Uint32Array(idx.length);
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k];
    if (!Number.isInteger(i) || i < 0 || i >= n) throw invalid('data.splitIndex', { key, position: k, got: shown(i), max: n - 1 }, { key, position: k });
    if (seen[i]) throw invalid('data.splitTwice', { key, index: i }, { key, index: i });
    seen[i] = 1;
    out[k] = i;
  }
  return out;
}

/** Explicit splits may leave samples out but must not share one. */
function readSplit(input: DatasetInput, n: number): { trainIndices: Uint32Array; testIndices: Uint32Array } {
  const trainIndices = readIndices(input.trainIndices, n, 'trainIndices');
  const testIndices = readIndices(input.testIndices, n, 'testIndices');
  const inTrain = new Uint8Array(n);
  for (const i of trainIndices) inTrain[i] = 1;
  const shared = testIndices.find((i) => inTrain[i] === 1);
  if (shared !== undefined) throw invalid('data.splitShared', { index: shared }, { index: shared });
  return { trainIndices, testIndices };
}

/** Validates user data and gives it the standard split when it has none. Copies; never changes the input. */
export function validateDataset(input: DatasetInput): Dataset {
  if (!input || typeof input !== 'object') throw invalid('data.object', undefined);
  const { n } = input;
  if (!Number.isInteger(n) || n <= 0) throw invalid('data.n', { got: shown(n) });
  const shape = inputShape(input);
  const images = readValues(input.images, n, shape);
  const labels = readLabels(input.labels, n);
  const classNames = input.classNames === undefined ? undefined : checkClassNames(input.classNames, labels, { key: 'data.classNamesField' });
  if (input.name !== undefined && (typeof input.name !== 'string' || !input.name.trim())) throw invalid('data.name', { got: shown(input.name) });
  const sample = shape.kind === 'vector' ? { sample: 'vector' as const } : {};
  const base: Unsplit = { name: input.name ?? 'custom', images, labels, classNames, n, ...layoutOf(shape), ...sample };
  const split = input.trainIndices || input.testIndices ? { ...base, ...readSplit(input, n) } : withSplit(base);
  const data = input.trainLabels === undefined ? split : onlyTrainOn(split, input.trainLabels);
  const [train, test] = [data.trainIndices.length, data.testIndices.length];
  if (train < MIN_SPLIT.train || test < MIN_SPLIT.test) {
    throw invalid('data.tooSmall', { name: data.name, train, test, minTrain: MIN_SPLIT.train, minTest: MIN_SPLIT.test }, { train, test });
  }
  return withScaling(data, input.standardize);
}

/** Moves the train samples of classes outside `chosen` to the test split. */
function onlyTrainOn(data: Dataset, chosen: unknown): Dataset {
  const { labels, classNames } = data;
  if (!labels) throw invalid('data.trainLabelsNeedLabels', undefined);
  if (!Array.isArray(chosen) || chosen.length === 0) throw invalid('data.trainLabelsType', { got: shown(chosen) });
  const keep = new Set<number>();
  for (const c of chosen) {
    const k = typeof c === 'string' && classNames ? classNames.indexOf(c) : c;
    if (!Number.isInteger(k) || (k as number) < 0 || !labels.includes(k as number)) {
      throw invalid('data.trainLabelsUnknown', { got: shown(c), classNames }, { label: c });
    }
    keep.add(k as number);
  }
  const trainIndices = data.trainIndices.filter((i) => keep.has(labels[i]));
  const moved = data.trainIndices.filter((i) => !keep.has(labels[i]));
  const testIndices = Uint32Array.from([...data.testIndices, ...moved]).sort();
  return { ...data, trainIndices, testIndices };
}

/** Vectors are standardised unless the input says not to; images never are. */
function withScaling(data: Dataset, standardize: unknown): Dataset {
  if (standardize !== undefined && typeof standardize !== 'boolean') throw invalid('data.standardizeType', { got: shown(standardize) });
  if (data.sample !== 'vector') {
    if (standardize) throw invalid('data.standardizeImages', undefined);
    return data;
  }
  return standardize === false ? data : { ...data, scaling: fitScaling(data.images, data.trainIndices, data.width) };
}
