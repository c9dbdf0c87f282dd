import { AEError, shown } from '../errors.js';
import { textOf, type ArgList, type MessageKey } from '../../l10n/english.js';

// Spec fields as data: each says its default, how it is checked and which <ae-trainer>
// attribute sets it. Kinds declare their own; spec.ts declares the ones every kind has.

/** What a field's check sees: the spec as given, merged over the defaults, not yet checked. */
export type RawSpec = Record<string, unknown>;

export interface Field<T> {
  default: T;
  /** The value, checked; throws spec-invalid naming the field. */
  check(value: unknown, spec: RawSpec, field: string): T;
  /** What it means, for docs and the README's spec table. */
  doc: string;
  /** The <ae-trainer> attribute that sets it, if one does. */
  attribute?: string;
  /** How an attribute's text becomes a value the check accepts. */
  parse?: (text: string) => unknown;
}

export type Fields = Record<string, Field<unknown>>;
export type FieldValues<F extends Fields> = { [K in keyof F]: F[K] extends Field<infer T> ? T : never };

/** A spec-invalid error naming `field`; its reason, entry `key` alone, lets an element tell it about an attribute instead. */
export const badField = <K extends MessageKey>(field: string, key: K, ...args: ArgList<K>) =>
  AEError.of('spec-invalid', 'spec.field', { field, reason: textOf(key, ...args) }, { field });

type Extra = Pick<Field<unknown>, 'attribute'>;

export function choice<T extends string>(values: readonly T[], fallback: T, doc: string, extra: Extra = {}): Field<T> {
  return {
    default: fallback,
    doc,
    ...extra,
    check(v, _s, field) {
      if (!values.includes(v as T)) throw badField(field, 'spec.oneOf', { values, got: shown(v) });
      return v as T;
    },
  };
}

/** A finite number (whole with `whole`) from min to max, where the bounds may depend on the rest of the spec. */
function numeric(fallback: number, doc: string, attribute: string | undefined, whole: boolean, bounds: (s: RawSpec) => [number, number]): Field<number> {
  return {
    default: fallback,
    doc,
    attribute,
    parse: (text) => (text.trim() === '' ? NaN : Number(text)),
    check(v, s, field) {
      const [min, max] = bounds(s);
      const ok = typeof v === 'number' && Number.isFinite(v) && (!whole || Number.isInteger(v)) && v >= min && v <= max;
      if (!ok) throw badField(field, 'spec.number', { whole, min, max, got: shown(v) });
      return v;
    },
  };
}

/** A whole number from `min` (default 1) to `max`. */
export function count(fallback: number, max: number, doc: string, extra: Extra & { min?: number } = {}): Field<number> {
  return numeric(fallback, doc, extra.attribute, true, () => [extra.min ?? 1, max]);
}

/** A finite number from 0 to `max` (which may depend on the rest of the spec). */
export function amount(fallback: number, doc: string, extra: Extra & { max?: number | ((s: RawSpec) => number) } = {}): Field<number> {
  return numeric(fallback, doc, extra.attribute, false, (s) => [0, typeof extra.max === 'function' ? extra.max(s) : extra.max ?? Infinity]);
}

export function flag(fallback: boolean, doc: string, extra: Extra = {}): Field<boolean> {
  return {
    default: fallback,
    doc,
    ...extra,
    parse: (text) => (text === '' || text === 'true' ? true : text === 'false' ? false : text),
    check(v, _s, field) {
      if (typeof v !== 'boolean') throw badField(field, 'spec.boolean', { got: shown(v) });
      return v;
    },
  };
}

/** "200, 200" -> [200, 200]; anything unparsable stays as given so the check can name it. */
export function parseIntList(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const parts = trimmed.split(/[\s,]+/);
  return parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : text;
}

/** Layer widths; `empty` says whether none at all is allowed (for this spec). */
export function widths(fallback: number[], doc: string, extra: Extra & { empty?: (s: RawSpec) => boolean } = {}): Field<number[]> {
  return {
    default: fallback,
    doc,
    attribute: extra.attribute,
    parse: parseIntList,
    check(v, s, field) {
      const list = typeof v === 'string' ? parseIntList(v) : v;
      if (!Array.isArray(list) || (list.length === 0 && !extra.empty?.(s))) throw badField(field, 'spec.widths', { got: shown(v) });
      return list.map((x, i) => {
        if (!Number.isInteger(x) || x < 1 || x > 4096) throw badField(`${field}[${i}]`, 'spec.number', { whole: true, min: 1, max: 4096, got: shown(x) });
        return x as number;
      });
    },
  };
}
