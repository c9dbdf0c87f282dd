import type { Dataset } from '../engine/dataset.js';
import { sampleShapeOf, sampleSize } from '../engine/sample.js';
import type { LocalizeController } from './localize.js';

/**
 * Test-split samples to show: `count` of them, one per label in turn (0, 1, ... 9, 0, ...)
 * so ten MNIST images show every digit once; datasets without labels take the first `count`.
 */
export function pickByLabel(ds: Dataset, count: number): number[] {
  const test = ds.testIndices;
  if (!ds.labels) return Array.from(test.subarray(0, count));
  const byLabel = new Map<number, number[]>();
  for (const i of test) {
    const l = ds.labels[i];
    if (!byLabel.has(l)) byLabel.set(l, []);
    byLabel.get(l)!.push(i);
  }
  const labels = [...byLabel.keys()].sort((a, b) => a - b);
  const out: number[] = [];
  for (let round = 0; out.length < count && round < test.length; round++) {
    for (const l of labels) {
      const list = byLabel.get(l)!;
      if (round < list.length && out.length < count) out.push(list[round]);
    }
  }
  return out;
}

/** Numbers in one sample of a dataset. */
export const valuesPerSample = (ds: Pick<Dataset, 'height' | 'width' | 'channels' | 'sample'>) => sampleSize(sampleShapeOf(ds));

/** Gathers the samples at `indices` into one array. */
export function gatherImages(ds: Dataset, indices: readonly number[]): Float32Array {
  const size = valuesPerSample(ds);
  const out = new Float32Array(indices.length * size);
  indices.forEach((i, k) => out.set(ds.images.subarray(i * size, (i + 1) * size), k * size));
  return out;
}

/** A test image drawn with `rand` (a seeded generator, so a seed picks the same image). */
export function randomTestImage(ds: Dataset, rand: () => number): number {
  return ds.testIndices[Math.floor(rand() * ds.testIndices.length)];
}

/** A label in words, in the element's language: its class name ("Food & Drink"), else "label 3". */
export function labelName(l: LocalizeController, ds: Pick<Dataset, 'classNames'>, label: number): string {
  return ds.classNames?.[label] ?? l.term('common.label', { label });
}

/** "Food & Drink (image 42)", "label 3 (image 42)", or "image 42" for data without labels. */
export function describeImage(l: LocalizeController, ds: Dataset, i: number): string {
  return ds.labels ? l.term('common.imageOf', { name: labelName(l, ds, ds.labels[i]), index: i }) : l.term('common.image', { index: i });
}
