import { AEError, shown } from './errors.js';
import { ACTIVATIONS, LOSSES, type CommonSpec } from './kinds/common.js';
import { choice, count, widths, type Field, type Fields, type FieldValues, type RawSpec } from './kinds/fields.js';
import type { KindModule } from './kinds/kind.js';
import { KIND_MODULES, findKind, kindModules, kindOf, type ModelKind } from './kinds/registry.js';

export { ACTIVATIONS, LOSSES, LUMA, NOISE_TYPES, type Activation, type LossName, type NoiseType } from './kinds/common.js';
export { KINDS, findKind, kindOf, kindModules, seriesOf, type ModelKind } from './kinds/registry.js';
export { parseIntList } from './kinds/fields.js';

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type FieldsOf<K> = K extends { fields: infer F extends Fields } ? FieldValues<F> : never;
type KindFields = UnionToIntersection<FieldsOf<(typeof KIND_MODULES)[number]>>;

/** A model, described as data: the common fields, and every kind's own (each kind reads its own). Fields mirror <ae-trainer>'s attributes. */
export type ModelSpec = Omit<CommonSpec, 'kind'> & KindFields & { kind: ModelKind };

/** The fields every kind has; the course lab's defaults: Dense 200 ReLU, Dense 200 ReLU, Dense 2 tanh, mirrored decoder. */
export const COMMON_FIELDS: Fields = {
  latentDim: count(2, 1024, 'Size of the code (the bottleneck); for a map code (colorize), its channels at each position.', { attribute: 'latent-dim' }),
  hidden: widths([200, 200], 'Hidden layer widths of the dense encoder; the decoder mirrors them. May be empty for a convolutional kind.', {
    attribute: 'hidden',
    empty: (s) => findKind(s.kind)?.architecture === 'conv',
  }),
  filters: widths([16, 32], 'Filters of each stride-2 Conv2D of the encoder of a convolutional kind; the decoder mirrors them.'),
  activation: choice(ACTIVATIONS, 'relu', 'Activation of the hidden layers.', { attribute: 'activation' }),
  codeActivation: choice(ACTIVATIONS, 'tanh', 'Activation of the code layer (a gaussian code has none).', { attribute: 'code-activation' }),
  outputActivation: choice(['sigmoid', 'linear'] as const, 'sigmoid', "Activation of the decoder's output: linear for standardised vectors."),
  loss: choice(LOSSES, 'mse', 'Reconstruction loss.', { attribute: 'loss' }),
  seed: count(0, 2 ** 53 - 1, 'Seed of weight initialisation and of training noise; 0 means a fresh random seed.', { min: 0 }),
};

/** Every spec field with its owner: the common ones, then each kind's own. */
export function specFields(): { name: string; field: Field<unknown>; kind?: KindModule }[] {
  return [
    ...Object.entries(COMMON_FIELDS).map(([name, field]) => ({ name, field })),
    ...kindModules().flatMap((kind) => Object.entries(kind.fields).map(([name, field]) => ({ name, field, kind }))),
  ];
}

function defaults(): ModelSpec {
  return Object.fromEntries([['kind', 'ae'], ...specFields().map(({ name, field }) => [name, field.default])]) as ModelSpec;
}

/** The course lab's spec; every kind's fields at their defaults. */
export const DEFAULT_SPEC: Readonly<ModelSpec> = Object.freeze(defaults());

/** Fills defaults and checks every field; throws AEError('spec-invalid') naming the field. */
export function normalizeSpec(partial: Partial<ModelSpec> = {}, base: Readonly<ModelSpec> = DEFAULT_SPEC): ModelSpec {
  if (typeof partial !== 'object' || partial === null) throw AEError.of('spec-invalid', 'spec.object', undefined);
  const raw: RawSpec = { ...defaults(), ...base, ...partial };
  kindOf(raw.kind);
  const out: RawSpec = { kind: raw.kind };
  for (const { name, field } of specFields()) out[name] = field.check(raw[name], raw, name);
  return out as unknown as ModelSpec;
}

/** The declaration of a spec field; throws unless `name` names one. */
export function specField(name: string): Field<unknown> {
  const found = specFields().find((f) => f.name === name);
  if (!found) throw AEError.of('spec-invalid', 'spec.noField', { name: shown(name) });
  return found.field;
}
