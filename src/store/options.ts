import { AEError, shown } from '../engine/errors.js';
import type { MessageArgs } from '../l10n/english.js';
import { findKind, normalizeSpec, type ModelSpec, type NoiseType } from '../engine/spec.js';
import { DEFAULT_TRAIN, KNN_SPACES, type KnnSpace, type TrainOptions } from '../engine/types.js';

// Checks on the options of store calls, before anything is queued: a typo or a NaN is
// an input-invalid error naming the option, never a silent default.

/** Adam moves each weight by about the rate per step: above 1 any model blows up at once. */
export const MAX_LEARNING_RATE = 1;

/** Most neighbours a kNN call takes: past this the vote is a blur of classes. */
export const MAX_NEIGHBOURS = 50;

function checkKeys(call: string, options: unknown, known: readonly string[]): Record<string, unknown> {
  if (options === undefined) return {};
  if (!options || typeof options !== 'object' || Array.isArray(options)) throw AEError.of('input-invalid', 'error.optionsType', { call, got: shown(options) });
  for (const key of Object.keys(options)) if (!known.includes(key)) throw AEError.of('input-invalid', 'error.optionUnknown', { call, key, known });
  return options as Record<string, unknown>;
}

const RATES = ['learningRate', 'finalLearningRate'];

/**
 * train() options with defaults filled in. A batch larger than the train split is
 * allowed and trains on the whole split per step (the loop clamps it).
 */
export function checkTrainOptions(options: unknown): TrainOptions {
  const given = checkKeys('train()', options, ['epochs', 'batchSize', 'learningRate', 'finalLearningRate']);
  const opts = { ...DEFAULT_TRAIN, ...given } as TrainOptions;
  for (const [k, v] of Object.entries(opts)) {
    if (k === 'finalLearningRate' && v === undefined) continue;
    const rate = RATES.includes(k);
    const ok = typeof v === 'number' && Number.isFinite(v) && v > 0 && (rate ? v <= MAX_LEARNING_RATE : Number.isInteger(v));
    if (!ok) throw AEError.of('input-invalid', 'error.trainOption', { key: k, rate, max: MAX_LEARNING_RATE, got: shown(v) });
  }
  return opts;
}

/** Noise options of corrupt() and evaluateDenoising(), checked by the spec's own rules; the seed a whole number. Defaults: the corruption the model learned to undo. */
export function checkNoise(call: string, options: unknown, spec: ModelSpec): { noiseType: NoiseType; noise: number; seed: number } {
  const given = checkKeys(call, options, ['noiseType', 'noise', 'seed']);
  const g = given as { noiseType?: NoiseType; noise?: number; seed?: unknown };
  const own = findKind(spec.kind)?.restores?.(spec) ?? { noiseType: spec.noiseType, noise: spec.noise };
  const noiseType = g.noiseType ?? own.noiseType;
  // Another type takes the spec's amount, but grey means all the way unless asked.
  const { noise = noiseType === own.noiseType ? own.noise : noiseType === 'grayscale' ? 1 : spec.noise, seed = 1 } = g;
  if (!(Number.isInteger(seed) && (seed as number) >= 0)) throw AEError.of('input-invalid', 'error.optionSeed', { call, got: shown(seed) });
  try {
    const checked = normalizeSpec({ noiseType, noise }, spec);
    return { noiseType: checked.noiseType, noise: checked.noise, seed: seed as number };
  } catch (e) {
    // The spec's rule, told about the call's option.
    const err = AEError.from(e);
    if (err.text?.key !== 'spec.field') throw err; // every rule of these two fields names the field
    const { field, reason } = err.text.args as MessageArgs<'spec.field'>;
    throw AEError.of('input-invalid', 'error.optionSpec', { call, field, reason });
  }
}

/** kNN options of knn() and knnQuery(): a space (default the model's code) and k (default 5). */
export function checkKnn(call: string, options: unknown): { space: KnnSpace; k: number } {
  const given = checkKeys(call, options, ['space', 'k']);
  const { space = 'model', k = 5 } = given as { space?: unknown; k?: unknown };
  if (!KNN_SPACES.includes(space as KnnSpace)) throw AEError.of('input-invalid', 'error.knnSpace', { call, spaces: KNN_SPACES, got: shown(space) });
  if (!(typeof k === 'number' && Number.isInteger(k) && k >= 1 && k <= MAX_NEIGHBOURS)) throw AEError.of('input-invalid', 'error.knnKMax', { call, max: MAX_NEIGHBOURS, got: shown(k) });
  return { space: space as KnnSpace, k };
}
