import { AEError, said } from './errors.js';
import type { MessageArgs, MessageKey, NestedText } from '../l10n/english.js';
import { mulberry32, shuffle } from './random.js';
import { checkSampleShape, sampleShapeOf, sameShape, type SampleKind } from './sample.js';
import type { Scaling } from './scaling.js';

/**
 * A dataset as the store contract exposes it. Images are 0..1 in NHWC order; a vector
 * dataset (`sample: 'vector'`) holds rows of `width` numbers (height and channels 1).
 */
export interface Dataset {
  name: string;
  images: Float32Array;
  labels?: Uint8Array;
  /** What each label means ("Food & Drink"), indexed by label; absent: the label number is its name. */
  classNames?: string[];
  n: number;
  height: number;
  width: number;
  channels: number;
  /** What one sample is; absent means image. See sample.ts. */
  sample?: SampleKind;
  trainIndices: Uint32Array;
  testIndices: Uint32Array;
  /**
   * The train split's mean image and first principal components (`k` rows of one image
   * each, by decreasing variance). A test part carries them, so PCA baselines need no
   * train images.
   */
  basis?: PcaBasis;
  /**
   * Per-column mean and std of the train split, for vectors given with `standardize`
   * (the default for vectors): the engine trains on standardised values, the page gives
   * and gets its own units.
   */
  scaling?: Scaling;
  /**
   * Where the train split's images are, when this holds only the test split (a test
   * part). The store loads them when something needs them: training, train codes, kNN.
   */
  trainPart?: string;
}

export interface PcaBasis {
  k: number;
  mean: Float32Array;
  components: Float32Array;
}

/** The bundled split: seed 42, 20% of every class to test (8,000 / 2,000 on MNIST-10k). */
export const SPLIT_SEED = 42;
export const TEST_FRACTION = 0.2;

const MAGIC = 0x53444541; // "AEDS" little-endian
const HEADER = 16;

/**
 * Header byte 14. A whole file gets the seeded split; a test part holds only test images
 * (and a PCA basis); its train part sits beside it as `<name>.train.bin`. Joined, test
 * images come first, so a test image has the same index before and after.
 */
const Part = { Whole: 0, Test: 1, Train: 2 } as const;
type Part = (typeof Part)[keyof typeof Part];

/** Header byte 13. Class names follow the basis as a u32 byte count and a JSON array (UTF-8). */
const Flag = { Labels: 1, ClassNames: 2 } as const;

/** A dataset-invalid error with catalogue entry `key`'s message. */
export const invalid = <K extends MessageKey>(key: K, args: MessageArgs<K>, details?: Record<string, unknown>) => AEError.of('dataset-invalid', key, args, details);

/** Parses the binary format written by scripts/build-data.mjs. */
export function parseDatasetBinary(buffer: ArrayBuffer, name: string): Dataset {
  return split(parseFile(buffer, name));
}

function split({ part, data, basis }: ReturnType<typeof parseFile>): Dataset {
  if (part === Part.Test) return { ...data, trainIndices: new Uint32Array(0), testIndices: range(0, data.n), basis };
  if (part === Part.Train) throw invalid('data.trainPart', { name: data.name });
  return withSplit(data);
}

function parseFile(buffer: ArrayBuffer, name: string): { part: Part; data: Unsplit; basis?: PcaBasis } {
  if (buffer.byteLength < HEADER) throw invalid('data.fileShort', { name, bytes: buffer.byteLength });
  const view = new DataView(buffer);
  if (view.getUint32(0, true) !== MAGIC) {
    throw invalid('data.notDataset', { name });
  }
  const n = view.getUint32(4, true);
  const height = view.getUint16(8, true);
  const width = view.getUint16(10, true);
  const channels = view.getUint8(12);
  const flags = view.getUint8(13);
  const hasLabels = (flags & Flag.Labels) !== 0;
  const part = view.getUint8(14) as Part;
  const k = part === Part.Test ? view.getUint8(15) : 0;
  if (part > Part.Train) throw invalid('data.unknownPart', { name, part });
  try {
    checkSampleShape(sampleShapeOf({ height, width, channels }));
  } catch (e) {
    throw invalid('data.fileSample', { name, reason: said(e) });
  }
  const pixels = n * height * width * channels;
  const basisAt = HEADER + pixels + (hasLabels ? n : 0);
  const namesAt = basisAt + (k ? (k + 1) * height * width * channels * 4 : 0);
  const namesBytes = flags & Flag.ClassNames && buffer.byteLength >= namesAt + 4 ? view.getUint32(namesAt, true) : 0;
  const expected = flags & Flag.ClassNames ? namesAt + 4 + namesBytes : namesAt;
  if (buffer.byteLength !== expected) {
    throw invalid('data.fileSize', { name, bytes: buffer.byteLength, expected, n, height, width, channels }, { expected, actual: buffer.byteLength });
  }
  const bytes = new Uint8Array(buffer, HEADER, pixels);
  const images = new Float32Array(pixels);
  for (let i = 0; i < pixels; i++) images[i] = bytes[i] / 255;
  const labels = hasLabels ? new Uint8Array(buffer.slice(HEADER + pixels, basisAt)) : undefined;
  const classNames = flags & Flag.ClassNames ? readClassNames(buffer, namesAt + 4, namesBytes, name, labels) : undefined;
  return { part, data: { name, images, labels, classNames, n, height, width, channels }, basis: k ? readBasis(view, basisAt, k, pixels / n) : undefined };
}

function readClassNames(buffer: ArrayBuffer, at: number, bytes: number, name: string, labels?: Uint8Array): string[] {
  let names: unknown;
  try {
    names = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, at, bytes)));
  } catch {
    throw invalid('data.classNamesJson', { name });
  }
  return checkClassNames(names, labels, name);
}

/** Class names must be strings, one for every label that occurs. `where` names them in messages: a file, or a catalogue entry. */
export function checkClassNames(names: unknown, labels: ArrayLike<number> | undefined, where: string | NestedText): string[] {
  if (!Array.isArray(names) || !names.every((x) => typeof x === 'string')) throw invalid('data.classNamesType', { where });
  if (!labels) throw invalid('data.classNamesNoLabels', { where });
  const top = topLabel(labels);
  if (top >= names.length) throw invalid('data.classNamesFew', { where, top, count: names.length });
  return names.slice();
}

/** The largest label (-1 for none): a loop, since spreading 100,000 labels into Math.max overflows the stack. */
function topLabel(labels: ArrayLike<number>): number {
  let top = -1;
  for (let i = 0; i < labels.length; i++) top = Math.max(top, labels[i]);
  return top;
}

/** Labels run from 0 to this minus 1: every class name counts, and every label present (0 without labels). */
export function classCount(data: Pick<Dataset, 'labels' | 'classNames'>): number {
  return data.labels ? Math.max(data.classNames?.length ?? 0, topLabel(data.labels) + 1) : 0;
}

function readBasis(view: DataView, offset: number, k: number, size: number): PcaBasis {
  const all = new Float32Array((k + 1) * size);
  for (let i = 0; i < all.length; i++) all[i] = view.getFloat32(offset + 4 * i, true);
  return { k, mean: all.subarray(0, size), components: all.subarray(size) };
}

/**
 * The mean of the images at `indices`, as float32 running sums in index order: the bias
 * a fresh model starts from, and (written by scripts/build-data.mjs) a test part's mean.
 */
export function meanOf(images: Float32Array, indices: ArrayLike<number>, size: number): Float32Array {
  const mean = new Float32Array(size);
  for (let k = 0; k < indices.length; k++) {
    const base = indices[k] * size;
    for (let p = 0; p < size; p++) mean[p] += images[base + p];
  }
  for (let p = 0; p < size; p++) mean[p] /= Math.max(1, indices.length);
  return mean;
}

const range = (from: number, to: number) => Uint32Array.from({ length: to - from }, (_, i) => from + i);

export type Unsplit = Omit<Dataset, 'trainIndices' | 'testIndices'>;

/**
 * Seeded split, balanced by class: each class gives TEST_FRACTION of its images to
 * test, rounded so the test set is exactly round(n * TEST_FRACTION).
 */
export function withSplit(d: Unsplit, seed = SPLIT_SEED): Dataset {
  const rand = mulberry32(seed);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < d.n; i++) {
    const c = d.labels ? d.labels[i] : 0;
    let list = byClass.get(c);
    if (!list) byClass.set(c, (list = []));
    list.push(i);
  }
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  const total = Math.round(d.n * TEST_FRACTION);
  // Largest-remainder rounding keeps per-class shares fair and the total exact.
  const quotas = classes.map((c) => byClass.get(c)!.length * TEST_FRACTION);
  const counts = quotas.map(Math.floor);
  const order = quotas.map((q, i) => [q - Math.floor(q), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0, left = total - counts.reduce((a, b) => a + b, 0); k < left; k++) counts[order[k % order.length][1]]++;
  const test: number[] = [];
  const train: number[] = [];
  classes.forEach((c, ci) => {
    const list = shuffle(byClass.get(c)!.slice(), rand);
    test.push(...list.slice(0, counts[ci]));
    train.push(...list.slice(counts[ci]));
  });
  return {
    ...d,
    trainIndices: Uint32Array.from(train).sort(),
    testIndices: Uint32Array.from(test).sort(),
  };
}

async function fetchBuffer(url: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  let res: Response;
  try {
    res = await fetch(url, { signal });
  } catch (e) {
    throw AEError.of('dataset-fetch-failed', 'data.fetch', { url, reason: said(e) });
  }
  if (!res.ok) throw AEError.of('dataset-fetch-failed', 'data.fetchStatus', { url, status: res.status }, { status: res.status });
  return res.arrayBuffer();
}

const TEST_PART = /\.test\.bin$/;

/** Fetches and parses a dataset file (whole, or a test part that names its train part). */
export async function fetchDataset(url: string, signal?: AbortSignal): Promise<Dataset> {
  const path = new URL(url, globalThis.location?.href).pathname;
  const name = path.split('/').pop()?.replace(/(\.test)?\.bin$/, '') ?? 'dataset';
  const file = parseFile(await fetchBuffer(url, signal), name);
  const data = split(file);
  if (file.part !== Part.Test) return data;
  if (!TEST_PART.test(path)) throw invalid('data.testPartName', { url });
  const train = new URL(url, globalThis.location?.href);
  train.pathname = path.replace(TEST_PART, '.train.bin');
  return { ...data, trainPart: train.href };
}

/** The whole dataset: a test part with its train part loaded and appended. */
export async function fetchTrainPart(test: Dataset, signal?: AbortSignal): Promise<Dataset> {
  const url = test.trainPart;
  if (!url) return test;
  const { part, data } = parseFile(await fetchBuffer(url, signal), test.name);
  const same = sameShape(sampleShapeOf(data), sampleShapeOf(test)) && !data.labels === !test.labels;
  if (part !== Part.Train || !same) throw invalid('data.notTrainPart', { url, name: test.name, part, height: data.height, width: data.width, channels: data.channels, labels: !!data.labels });
  const images = new Float32Array(test.images.length + data.images.length);
  images.set(test.images);
  images.set(data.images, test.images.length);
  let labels: Uint8Array | undefined;
  if (test.labels && data.labels) {
    labels = new Uint8Array(test.n + data.n);
    labels.set(test.labels);
    labels.set(data.labels, test.n);
  }
  const n = test.n + data.n;
  const { trainPart: _, ...rest } = test;
  return { ...rest, images, labels, n, trainIndices: range(test.n, n), testIndices: range(0, test.n) };
}
