import { AEError, shown } from './errors.js';
import { describeShape, sampleSize, type SampleShape } from './sample.js';

// Checks on the flat arrays a page hands to the engine (samples to encode, codes to
// decode), before any of them becomes a tensor: a NaN that reached a model would come
// back as plausible garbage (ReLU turns it into 0 on some backends).

/** What a flat input holds: the words for messages, numbers per item, allowed range. */
export interface InputKind {
  what: string;
  each: string;
  size: number;
  /** Inclusive bounds; absent: any finite number. */
  range?: readonly [number, number];
}

/** Samples of a dataset's shape: image pixels lie in 0..1, vector values are any finite numbers. */
export const samplesOf = (shape: SampleShape): InputKind => ({
  what: 'samples',
  each: `a ${describeShape(shape)}`,
  size: sampleSize(shape),
  range: shape.kind === 'image' ? [0, 1] : undefined,
});

/** Codes of a model with `dim` code dimensions. */
export const codesOf = (dim: number): InputKind => ({ what: 'codes', each: `${dim} numbers`, size: dim });

const invalid = (message: string, details?: Record<string, unknown>) => new AEError('input-invalid', message, details);

/**
 * Checks that `values` holds `n` items of `kind`: a Float32Array of exactly n x size
 * values, each finite and within the kind's range. `call` names the operation in messages.
 */
export function checkInput(call: string, values: unknown, n: unknown, kind: InputKind): asserts values is Float32Array {
  if (!(values instanceof Float32Array)) throw invalid(`${call}: ${kind.what} must be a Float32Array; got ${shown(values)}.`);
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw invalid(`${call}: the count n must be a whole number >= 0; got ${shown(n)}.`);
  const expected = n * kind.size;
  if (values.length !== expected) {
    throw invalid(`${call}: expected ${n} ${kind.what}, each ${kind.each} (${expected} values), but got ${values.length} values.`, { expected, actual: values.length });
  }
  const [lo, hi] = kind.range ?? [-Infinity, Infinity];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v >= lo && v <= hi && v !== Infinity && v !== -Infinity) continue;
    const item = Math.floor(i / kind.size);
    const rule = kind.range ? `values must be finite and from ${lo} to ${hi}` : 'values must be finite numbers';
    throw invalid(`${call}: value ${i} (item ${item} of the ${kind.what}) is ${shown(v)}; ${rule}.`, { index: i, item });
  }
}
