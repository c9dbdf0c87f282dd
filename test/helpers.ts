import { fixture, html } from '@open-wc/testing';
import { getModelStore, type Dataset, type DatasetInput, type ModelStore } from '../src/index.js';

let counter = 0;

/** A fresh store id per call, so tests never share models by accident. */
export function freshStore(prefix = 'test'): ModelStore {
  return getModelStore(`${prefix}-${++counter}-${Math.random().toString(36).slice(2, 7)}`);
}

/** The first `count` images of a dataset (the file is already class-mixed), with its own split. */
export function subset(ds: Dataset, count: number): DatasetInput {
  const size = ds.height * ds.width * ds.channels;
  return {
    name: `subset-${count}`,
    images: ds.images.slice(0, count * size),
    labels: ds.labels?.slice(0, count),
    n: count,
    height: ds.height,
    width: ds.width,
    channels: ds.channels,
  };
}

/**
 * The first `count` digits painted on white in one colour per class: colour data whose
 * colour follows from the shape, so a colorizer has something to learn.
 */
export function colouredDigits(ds: Dataset, count: number): DatasetInput {
  const pixels = ds.height * ds.width;
  const images = new Float32Array(count * pixels * 3);
  for (let i = 0; i < count; i++) {
    const hue = (ds.labels![i] / 10) * 2 * Math.PI;
    const ink = [0, 2, 4].map((shift) => 0.5 + 0.5 * Math.cos(hue + (shift * Math.PI) / 3));
    for (let p = 0; p < pixels; p++) {
      const v = ds.images[i * pixels + p];
      for (let c = 0; c < 3; c++) images[(i * pixels + p) * 3 + c] = 1 - v + v * ink[c];
    }
  }
  return { name: `coloured-${count}`, images, labels: ds.labels!.slice(0, count), n: count, height: ds.height, width: ds.width, channels: 3 };
}

/** Gathers the images at `indices` into one array. */
export function pick(ds: Dataset, indices: ArrayLike<number>): Float32Array {
  const size = ds.height * ds.width * ds.channels;
  const out = new Float32Array(indices.length * size);
  for (let k = 0; k < indices.length; k++) out.set(ds.images.subarray(indices[k] * size, (indices[k] + 1) * size), k * size);
  return out;
}

/**
 * MSE of predicting the mean training image for every test image: what a collapsed model
 * scores. In the model's units: standardised vectors count in standard deviations.
 */
export function meanImageBaseline(ds: Dataset): number {
  const size = ds.height * ds.width * ds.channels;
  const value = (i: number, p: number) => {
    const v = ds.images[i * size + p];
    return ds.scaling ? (v - ds.scaling.mean[p]) / ds.scaling.std[p] : v;
  };
  const mean = new Float64Array(size);
  for (const i of ds.trainIndices) for (let p = 0; p < size; p++) mean[p] += value(i, p);
  for (let p = 0; p < size; p++) mean[p] /= ds.trainIndices.length;
  let sq = 0;
  for (const i of ds.testIndices) for (let p = 0; p < size; p++) sq += (value(i, p) - mean[p]) ** 2;
  return sq / (ds.testIndices.length * size);
}

export function mse(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return s / a.length;
}

/** Collects the per-step training losses a store reports while `run` goes. */
export async function collectLosses(store: ModelStore, run: () => Promise<unknown>): Promise<number[]> {
  const losses: number[] = [];
  const onProgress = (e: Event) => losses.push(...(e as CustomEvent<{ losses: number[] }>).detail.losses);
  store.addEventListener('progress', onProgress);
  try {
    await run();
  } finally {
    store.removeEventListener('progress', onProgress);
  }
  return losses;
}

export const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Expects `promise` to reject with an AEError of `code`; returns it for further checks. */
export async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected a rejection, but the call succeeded');
}

/** Puts `el` in a fresh fixture, 320 px wide, with `attrs` set, and waits for its first drawing. */
export async function mounted<T extends HTMLElement & { updateComplete: Promise<boolean> }>(el: T, attrs: Record<string, string> = {}): Promise<T> {
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.style.width = '320px';
  const wrapper = await fixture(html`<div></div>`);
  wrapper.append(el);
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(r));
  return el;
}
