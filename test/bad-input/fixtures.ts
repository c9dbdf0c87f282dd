import type { DatasetInput, ModelFiles } from '../../src/index.js';

// What the bad-input cases start from: a small dataset that trains in milliseconds,
// good model files to spoil, and the test server's file store and second origin.

export const SIDE = 8;
export const N = 40;

/** 40 grey 8x8 images in two classes (a bright left or right half, with texture). */
export function tinyData(): DatasetInput {
  const size = SIDE * SIDE;
  const images = new Float32Array(N * size);
  const labels = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    labels[i] = i % 2;
    for (let p = 0; p < size; p++) {
      const left = p % SIDE < SIDE / 2;
      images[i * size + p] = (left === (labels[i] === 0) ? 0.6 : 0.1) + ((i * 7 + p * 3) % 11) / 40;
    }
  }
  return { name: 'tiny', images, labels, n: N, height: SIDE, width: SIDE };
}

/** `count` images of the tiny data, flat. */
export const images = (count: number, fill = 0.5) => new Float32Array(count * SIDE * SIDE).fill(fill);

/** A spoilt copy: `at` set to `value`. */
export function withValue(values: Float32Array, at: number, value: number): Float32Array {
  const out = values.slice();
  out[at] = value;
  return out;
}

export interface Manifest {
  weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: string; quantization?: Record<string, unknown> }[] }[];
  userDefinedMetadata?: Record<string, { spec: Record<string, unknown>; shape?: Record<string, unknown> }>;
  [key: string]: unknown;
}

/** Writes a file to the test server; returns its URL. */
export async function put(path: string, data: BodyInit, type = 'application/octet-stream'): Promise<string> {
  const url = new URL(`/__files/${path}`, location.href).href;
  const res = await fetch(url, { method: 'PUT', body: data, headers: { 'content-type': type } });
  if (!res.ok) throw new Error(`could not write ${path}`);
  return url;
}

let folders = 0;

/** Serves `files` (a model.json, spoilt by `edit`, and its weights) in a new folder; returns the model.json URL. */
export async function serveModel(files: ModelFiles, edit: (json: Manifest) => void = () => undefined, weights: ArrayBuffer = files.weights): Promise<string> {
  const folder = `model-${++folders}-${Math.random().toString(36).slice(2, 7)}`;
  const json = JSON.parse(files.modelJson) as Manifest;
  edit(json);
  await put(`${folder}/${files.weightsName}`, weights);
  return put(`${folder}/model.json`, JSON.stringify(json), 'application/json');
}

/** The same server as another origin (localhost rather than 127.0.0.1). */
export const foreignOrigin = () => `${location.protocol}//localhost:${location.port}`;

/** Requests that reached the second origin since the last clear. */
export async function foreignRequests(clear = false): Promise<string[]> {
  const res = await fetch('/__foreign', { method: clear ? 'DELETE' : 'GET' });
  return res.json();
}

/** The first weights entry of a manifest. */
export const firstEntry = (json: Manifest) => json.weightsManifest[0].weights[0];

/** Bytes of float32 weights with one value replaced. */
export function spoilWeights(weights: ArrayBuffer, at: number, value: number): ArrayBuffer {
  const copy = new Float32Array(weights.slice(0));
  copy[at] = value;
  return copy.buffer;
}

export function concatBuffers(a: ArrayBuffer, b: ArrayBuffer): ArrayBuffer {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(new Uint8Array(a));
  out.set(new Uint8Array(b), a.byteLength);
  return out.buffer;
}
