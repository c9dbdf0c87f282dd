import { AEError, shown } from './errors.js';
import { sampleSize, type SampleShape } from './sample.js';

// Checks on the flat arrays a page hands to the engine (samples to encode, codes to
// decode), before any of them becomes a tensor: a NaN that reached a model would come
// back as plausible garbage (ReLU turns it into 0 on some backends).

/** What a flat input holds: samples of a shape or codes of a width, numbers per item, allowed range. */
export interface InputKind {
  what: 'samples' | 'codes';
  /** Samples: their shape. */
  shape?: SampleShape;
  /** Codes: their dimensions. */
  dim?: number;
  size: number;
  /** Inclusive bounds; absent: any finite number. */
  range?: readonly [number, number];
}

/** Samples of a dataset's shape: image pixels lie in 0..1, vector values are any finite numbers. */
export const samplesOf = (shape: SampleShape): InputKind => ({
  what: 'samples',
  shape,
  size: sampleSize(shape),
  range: shape.kind === 'image' ? [0, 1] : undefined,
});

/** Codes of a model with `dim` code dimensions. */
export const codesOf = (dim: number): InputKind => ({ what: 'codes', dim, size: dim });

/**
 * Checks that `values` holds `n` items of `kind`: a Float32Array of exactly n x size
 * values, each finite and within the kind's range. `call` names the operation in messages.
 */
export function checkInput(call: string, values: unknown, n: unknown, kind: InputKind): asserts values is Float32Array {
  if (!(values instanceof Float32Array)) throw AEError.of('input-invalid', 'error.inputType', { call, what: kind.what, got: shown(values) });
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw AEError.of('input-invalid', 'error.inputCount', { call, got: shown(n) });
  const expected = n * kind.size;
  if (values.length !== expected) {
    const { what, shape, dim } = kind;
    throw AEError.of('input-invalid', 'error.inputSize', { call, what, n, shape, dim, expected, got: values.length }, { expected, actual: values.length });
  }
  const [lo, hi] = kind.range ?? [-Infinity, Infinity];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v >= lo && v <= hi && v !== Infinity && v !== -Infinity) continue;
    const item = Math.floor(i / kind.size);
    throw AEError.of('input-invalid', 'error.inputValue', { call, what: kind.what, index: i, item, got: shown(v), range: kind.range }, { index: i, item });
  }
}
