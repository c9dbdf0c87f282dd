import { AEError } from './errors.js';
import { mulberry32, shuffle } from './random.js';

/** A dataset as the store contract exposes it. Pixels are 0..1, NHWC order. */
export interface Dataset {
  name: string;
  images: Float32Array;
  labels?: Uint8Array;
  n: number;
  height: number;
  width: number;
  channels: number;
  trainIndices: Uint32Array;
  testIndices: Uint32Array;
}

/** What a page may hand to `store.setDataset()`: any size, labels and split optional. */
export interface DatasetInput {
  name?: string;
  images: Float32Array | Uint8Array | ArrayLike<number>;
  labels?: Uint8Array | ArrayLike<number>;
  n: number;
  height: number;
  width: number;
  channels?: number;
  trainIndices?: ArrayLike<number>;
  testIndices?: ArrayLike<number>;
}

/** The bundled split: seed 42, 20% of every class to test (8,000 / 2,000 on MNIST-10k). */
export const SPLIT_SEED = 42;
export const TEST_FRACTION = 0.2;

const MAGIC = 0x53444541; // "AEDS" little-endian
const HEADER = 16;

const invalid = (message: string, details?: Record<string, unknown>) =>
  new AEError('dataset-invalid', message, details);

/** Parses the binary format written by scripts/build-data.mjs. */
export function parseDatasetBinary(buffer: ArrayBuffer, name: string): Dataset {
  if (buffer.byteLength < HEADER) throw invalid(`${name}: file is ${buffer.byteLength} bytes, too short for a dataset header.`);
  const view = new DataView(buffer);
  if (view.getUint32(0, true) !== MAGIC) {
    throw invalid(`${name}: not a dataset file (expected the "AEDS" header). Was an HTML page served instead?`);
  }
  const n = view.getUint32(4, true);
  const height = view.getUint16(8, true);
  const width = view.getUint16(10, true);
  const channels = view.getUint8(12);
  const hasLabels = view.getUint8(13) === 1;
  const pixels = n * height * width * channels;
  const expected = HEADER + pixels + (hasLabels ? n : 0);
  if (buffer.byteLength !== expected) {
    throw invalid(`${name}: file is ${buffer.byteLength} bytes but its header promises ${expected} (${n} images of ${height}x${width}x${channels}). The file is truncated or corrupt.`, { expected, actual: buffer.byteLength });
  }
  const bytes = new Uint8Array(buffer, HEADER, pixels);
  const images = new Float32Array(pixels);
  for (let i = 0; i < pixels; i++) images[i] = bytes[i] / 255;
  const labels = hasLabels ? new Uint8Array(buffer.slice(HEADER + pixels)) : undefined;
  return withSplit({ name, images, labels, n, height, width, channels });
}

/** Validates user data and gives it the standard split when it has none. */
export function validateDataset(input: DatasetInput): Dataset {
  if (!input || typeof input !== 'object') throw invalid('Dataset must be an object with images, n, height and width.');
  const { n, height, width } = input;
  const channels = input.channels ?? 1;
  for (const [key, v] of Object.entries({ n, height, width, channels })) {
    if (!Number.isInteger(v) || v <= 0) throw invalid(`Dataset field "${key}" must be a positive integer, got ${String(v)}.`);
  }
  const size = n * height * width * channels;
  const src = input.images;
  if (!src || typeof src.length !== 'number') throw invalid('Dataset "images" must be a Float32Array or Uint8Array.');
  if (src.length !== size) {
    throw invalid(`Dataset "images" has ${src.length} values; n*height*width*channels = ${n}*${height}*${width}*${channels} = ${size}.`, { expected: size, actual: src.length });
  }
  const images = new Float32Array(size);
  const scale = src instanceof Uint8Array ? 1 / 255 : 1;
  for (let i = 0; i < size; i++) {
    const v = src[i] * scale;
    if (!(v >= 0 && v <= 1)) throw invalid(`Dataset pixel ${i} is ${src[i]}; pixels must be 0..1 (or 0..255 in a Uint8Array).`);
    images[i] = v;
  }
  let labels: Uint8Array | undefined;
  if (input.labels) {
    if (input.labels.length !== n) throw invalid(`Dataset "labels" has ${input.labels.length} entries for ${n} images.`);
    labels = Uint8Array.from(input.labels);
  }
  const name = input.name ?? 'custom';
  if (input.trainIndices || input.testIndices) {
    const trainIndices = checkIndices(input.trainIndices, n, 'trainIndices');
    const testIndices = checkIndices(input.testIndices, n, 'testIndices');
    return { name, images, labels, n, height, width, channels, trainIndices, testIndices };
  }
  return withSplit({ name, images, labels, n, height, width, channels });
}

function checkIndices(idx: ArrayLike<number> | undefined, n: number, key: string): Uint32Array {
  if (!idx || idx.length === 0) throw invalid(`Dataset "${key}" must be given (non-empty) when the other split is.`);
  const out = Uint32Array.from(idx);
  for (const i of out) if (i >= n) throw invalid(`Dataset "${key}" holds index ${i}, past the ${n} images.`);
  return out;
}

type Unsplit = Omit<Dataset, 'trainIndices' | 'testIndices'>;

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

/** Fetches and parses a dataset file, turning network and format trouble into AEErrors. */
export async function fetchDataset(url: string, signal?: AbortSignal): Promise<Dataset> {
  let res: Response;
  try {
    res = await fetch(url, { signal });
  } catch (e) {
    throw new AEError('dataset-fetch-failed', `Could not fetch dataset ${url}: ${(e as Error).message}`);
  }
  if (!res.ok) throw new AEError('dataset-fetch-failed', `Could not fetch dataset ${url}: HTTP ${res.status}.`, { status: res.status });
  const name = url.split('/').pop()?.replace(/\.bin$/, '') ?? 'dataset';
  return parseDatasetBinary(await res.arrayBuffer(), name);
}
