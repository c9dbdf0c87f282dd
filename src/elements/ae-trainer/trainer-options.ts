import { AEError, shown } from '../../engine/errors.js';
import { kindOf, normalizeSpec, specField, specFields, type ModelSpec } from '../../engine/spec.js';
import type { TrainOptions } from '../../engine/types.js';
import type { NestedText } from '../../l10n/english.js';
import { kindText } from '../../shared/kind-text.js';
import type { LocalizeController } from '../../shared/localize.js';

/** Attribute -> spec field, for the fields that declare an attribute (the kinds' and the common ones). */
export const SPEC_ATTRIBUTES: Readonly<Record<string, keyof ModelSpec>> = Object.freeze(
  Object.fromEntries([['kind', 'kind'], ...specFields().flatMap(({ name, field }) => (field.attribute ? [[field.attribute, name]] : []))]),
);

export type SpecAttribute = string;

/** Attribute -> train() option. */
export const TRAIN_ATTRIBUTES = { epochs: 'epochs', 'batch-size': 'batchSize', 'learning-rate': 'learningRate' } as const;
export type TrainAttribute = keyof typeof TRAIN_ATTRIBUTES;

/**
 * Checks one spec attribute's value against the current spec. Returns the spec field
 * and value, or throws an `input-invalid` AEError naming the attribute and what it
 * accepts. `written` is how the message shows the value (`name="text"`).
 */
export function checkSpecAttribute(attr: SpecAttribute, raw: unknown, current: ModelSpec, written = `${attr}=${shown(raw)}`): Partial<ModelSpec> {
  const field = SPEC_ATTRIBUTES[attr];
  const parse = field === 'kind' ? undefined : specField(field).parse;
  const value = typeof raw === 'string' && parse ? parse(raw) : raw;
  try {
    const spec = normalizeSpec({ [field]: value } as Partial<ModelSpec>, current);
    return { [field]: spec[field] } as Partial<ModelSpec>;
  } catch (e) {
    // The spec's reason, told about the attribute instead of the field.
    const err = AEError.from(e);
    const reason = err.text?.key === 'spec.field' ? (err.text.args?.reason as NestedText) : undefined;
    const english = err.message.replace(/^Model spec "[^"]+" /, '');
    throw new AEError('input-invalid', `${written} ${english}`, { attribute: attr, value: raw }, reason ? { key: 'attr.reason', args: { written, reason } } : undefined);
  }
}

/** Checks a train() option attribute: a positive number (whole for epochs and batch size). */
export function checkTrainAttribute(attr: TrainAttribute, raw: unknown, written = `${attr}=${shown(raw)}`): Partial<TrainOptions> {
  const value = typeof raw === 'string' ? Number(raw) : raw;
  const whole = attr !== 'learning-rate';
  const ok = typeof value === 'number' && Number.isFinite(value) && value > 0 && (!whole || Number.isInteger(value)) && (attr !== 'learning-rate' || value < 1);
  if (!ok) throw AEError.of('input-invalid', whole ? 'attr.trainWhole' : 'attr.learningRate', { written }, { attribute: attr, value: raw });
  return { [TRAIN_ATTRIBUTES[attr]]: value } as Partial<TrainOptions>;
}

/** A one-line summary of a spec: "ae · 200-200-2 · relu, tanh code · mse", in the element's language. */
export function describeSpec(spec: ModelSpec, l: LocalizeController): string {
  const kind = kindOf(spec.kind);
  const layers = kind.architecture === 'conv' ? `conv ${spec.filters.join('-')} → ${spec.latentDim}` : [...spec.hidden, spec.latentDim].join('-');
  const code = kind.code === 'gaussian' ? l.term('common.gaussianCode') : l.term('common.code', { activation: spec.codeActivation });
  return `${spec.kind} · ${layers} · ${spec.activation}, ${code} · ${spec.loss}${kindText(l, spec.kind, 'describe', spec)}`;
}
