import { AEError, shown } from './errors.js';

export type ModelKind = 'ae' | 'denoising' | 'sparse' | 'contractive' | 'vae' | 'conv';
export type Activation = 'relu' | 'elu' | 'selu' | 'tanh' | 'sigmoid' | 'linear';
export type NoiseType = 'gaussian' | 'salt-pepper' | 'masking' | 'inpaint' | 'superres' | 'mixed';
export type LossName = 'mse' | 'bce';

/** A model, described as data. Fields mirror <ae-trainer>'s attributes. */
export interface ModelSpec {
  kind: ModelKind;
  /** Size of the code (the bottleneck). */
  latentDim: number;
  /** Hidden layer widths of the dense encoder; the decoder mirrors them. */
  hidden: number[];
  /** Activation of the hidden layers. */
  activation: Activation;
  /** Activation of the code layer (not used by vae, whose code is a distribution). */
  codeActivation: Activation;
  /** Activation of the decoder's output. */
  outputActivation: 'sigmoid' | 'linear';
  loss: LossName;
  /** Denoising: which corruption is applied to each training batch's input. */
  noiseType: NoiseType;
  /** Denoising: gaussian sigma, or the probability p for salt-and-pepper and masking. */
  noise: number;
  /** Sparse: weight of the L1 penalty on the code. */
  sparsity: number;
  /** Contractive: weight of the Jacobian penalty. */
  contraction: number;
  /** Variational: weight of the KL term. */
  beta: number;
  /** Convolutional: filters of each stride-2 Conv2D of the encoder. */
  filters: number[];
  /** Seed of weight initialisation and of training noise; 0 means a fresh random seed. */
  seed: number;
}

export const KINDS: readonly ModelKind[] = ['ae', 'denoising', 'sparse', 'contractive', 'vae', 'conv'];
export const ACTIVATIONS: readonly Activation[] = ['relu', 'elu', 'selu', 'tanh', 'sigmoid', 'linear'];
/** Largest `noise` per type: σ for gaussian, a share of pixels or of the side, a downsampling factor for superres. */
const NOISE_MAX: Record<NoiseType, number> = { gaussian: 10, 'salt-pepper': 1, masking: 1, inpaint: 1, superres: 8, mixed: 1 };

export const NOISE_TYPES: readonly NoiseType[] = ['gaussian', 'salt-pepper', 'masking', 'inpaint', 'superres', 'mixed'];
export const LOSSES: readonly LossName[] = ['mse', 'bce'];

/** The course lab: Flatten, Dense 200 ReLU, Dense 200 ReLU, Dense 2 tanh, mirrored decoder. */
export const DEFAULT_SPEC: Readonly<ModelSpec> = Object.freeze({
  kind: 'ae',
  latentDim: 2,
  hidden: [200, 200],
  activation: 'relu',
  codeActivation: 'tanh',
  outputActivation: 'sigmoid',
  loss: 'mse',
  noiseType: 'gaussian',
  noise: 0.5,
  sparsity: 1e-3,
  contraction: 1e-2,
  beta: 1,
  filters: [16, 32],
  seed: 0,
});

const bad = (field: string, msg: string) => new AEError('spec-invalid', `Model spec "${field}" ${msg}`, { field });

function oneOf<T extends string>(field: string, v: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(v as T)) throw bad(field, `must be one of ${allowed.join(', ')}; got ${shown(v)}.`);
  return v as T;
}

function positiveInt(field: string, v: unknown, max: number): number {
  if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > max) {
    throw bad(field, `must be a whole number from 1 to ${max}; got ${shown(v)}.`);
  }
  return v as number;
}

function intList(field: string, v: unknown, allowEmpty: boolean): number[] {
  const list = typeof v === 'string' ? parseIntList(v) : v;
  if (!Array.isArray(list) || (!allowEmpty && list.length === 0)) throw bad(field, `must be a list of layer widths such as [200, 200]; got ${shown(v)}.`);
  return list.map((x, i) => positiveInt(`${field}[${i}]`, x, 4096));
}

/** "200, 200" -> [200, 200]; anything unparsable stays as given so the check can name it. */
export function parseIntList(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const parts = trimmed.split(/[\s,]+/);
  return parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : text;
}

function nonNegative(field: string, v: unknown, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > max) {
    throw bad(field, `must be a number from 0 to ${max}; got ${shown(v)}.`);
  }
  return v;
}

/** Fills defaults and checks every field; throws AEError('spec-invalid') naming the field. */
export function normalizeSpec(partial: Partial<ModelSpec> = {}, base: Readonly<ModelSpec> = DEFAULT_SPEC): ModelSpec {
  if (typeof partial !== 'object' || partial === null) throw new AEError('spec-invalid', 'Model spec must be an object.');
  const s = { ...base, ...partial };
  const kind = oneOf('kind', s.kind, KINDS);
  const noiseType = oneOf('noiseType', s.noiseType, NOISE_TYPES);
  return {
    kind,
    latentDim: positiveInt('latentDim', s.latentDim, 1024),
    hidden: intList('hidden', s.hidden, kind === 'conv'),
    activation: oneOf('activation', s.activation, ACTIVATIONS),
    codeActivation: oneOf('codeActivation', s.codeActivation, ACTIVATIONS),
    outputActivation: oneOf('outputActivation', s.outputActivation, ['sigmoid', 'linear'] as const),
    loss: oneOf('loss', s.loss, LOSSES),
    noiseType,
    noise: nonNegative('noise', s.noise, NOISE_MAX[noiseType]),
    sparsity: nonNegative('sparsity', s.sparsity),
    contraction: nonNegative('contraction', s.contraction),
    beta: nonNegative('beta', s.beta),
    filters: intList('filters', s.filters, false),
    seed: Number.isInteger(s.seed) && s.seed >= 0 ? s.seed : (() => { throw bad('seed', `must be a whole number >= 0; got ${shown(s.seed)}.`); })(),
  };
}

/** Whether two specs build the same architecture (so weights of one fit the other). */
export function sameArchitecture(a: ModelSpec, b: ModelSpec): boolean {
  const key = (s: ModelSpec) => JSON.stringify([s.kind === 'vae', s.kind === 'conv', s.latentDim, s.hidden, s.activation, s.codeActivation, s.outputActivation, s.kind === 'conv' ? s.filters : []]);
  return key(a) === key(b);
}
