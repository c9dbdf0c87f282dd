import { AEError, shown } from '../engine/errors.js';
import type { MessageArgs, MessageKey } from '../l10n/languages.js';

/**
 * Checks of attribute values. Each returns the value when it is allowed and otherwise
 * throws an `input-invalid` AEError whose message names the attribute, shows the value
 * as the page wrote it, and says what is allowed; `details.attribute` names the attribute.
 */

/**
 * `name="text"` as the page wrote it when the property still holds that text's value,
 * else `name=value` (set from script): NaN, Infinity and negative zero print as themselves.
 */
export function written(el: Element, attribute: string, value: unknown): string {
  const raw = el.getAttribute(attribute);
  const same = raw !== null && (Object.is(raw, value) || (typeof value === 'number' && Object.is(Number(raw), value)));
  return `${attribute}=${shown(same ? raw : value)}`;
}

/** Keys whose entry takes `written` (the attribute as written) and maybe more. */
type AttributeKey = { [K in MessageKey]: MessageArgs<K> extends { written: string } ? K : never }[MessageKey];

/**
 * The `input-invalid` error for `attribute`: catalogue entry `key`, given the attribute as
 * written and `args`.
 */
export function invalidAttribute<K extends AttributeKey>(el: Element, attribute: string, value: unknown, key: K, args: Omit<MessageArgs<K>, 'written'>): AEError {
  return AEError.of('input-invalid', key, { ...args, written: written(el, attribute, value) } as MessageArgs<K>, { attribute, value });
}

/** A whole number from `lo` to `hi`. */
export function wholeNumber(el: Element, attribute: string, value: unknown, lo: number, hi: number, unit?: 'pixels'): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= lo && value <= hi) return value;
  throw invalidAttribute(el, attribute, value, unit ? 'attr.wholePixels' : 'attr.wholeNumber', { lo, hi });
}

/** Keys for a number's range: `lo`, `hi` and the value as written. */
type RangeKey = { [K in AttributeKey]: MessageArgs<K> extends { written: string; lo: number; hi: number } ? K : never }[AttributeKey];

/** A finite number from `lo` to `hi` (either end may be open-ended: Infinity); `key` says what else the message tells. */
export function numberIn(el: Element, attribute: string, value: unknown, lo: number, hi: number, key: RangeKey = 'attr.numberIn', args: Record<string, unknown> = {}): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= lo && value <= hi) return value;
  throw invalidAttribute(el, attribute, value, key, { ...args, lo, hi } as never);
}

/** Keys for a choice: `options` and the value as written. */
type ChoiceKey = { [K in AttributeKey]: MessageArgs<K> extends { written: string; options: string[] } ? K : never }[AttributeKey];

/** One of `options`. */
export function oneOf<T extends string>(el: Element, attribute: string, value: unknown, options: readonly T[], key: ChoiceKey = 'attr.oneOf'): T {
  if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
  throw invalidAttribute(el, attribute, value, key, { options: [...options] } as never);
}

/** A seed: a whole number (negative ones too). */
export function seedValue(el: Element, attribute: string, value: unknown): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  throw invalidAttribute(el, attribute, value, 'attr.seed', {});
}

/**
 * An optional image number below `n`: undefined when unset (no attribute, or removed);
 * text that is not a number is an error, not "unset".
 */
export function imageIndex(el: Element, attribute: string, value: unknown, n: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < n) return value;
  throw invalidAttribute(el, attribute, value, 'attr.imageIndex', { max: n - 1 });
}
