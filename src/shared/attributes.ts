import { AEError, shown } from '../engine/errors.js';

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

/** The `input-invalid` error for `attribute`: "<attribute>=<value> <allowed>". */
export function invalidAttribute(el: Element, attribute: string, value: unknown, allowed: string): AEError {
  return new AEError('input-invalid', `${written(el, attribute, value)} ${allowed}`, { attribute, value });
}

/** A whole number from `lo` to `hi`. */
export function wholeNumber(el: Element, attribute: string, value: unknown, lo: number, hi: number, unit = ''): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= lo && value <= hi) return value;
  throw invalidAttribute(el, attribute, value, `must be a whole number${unit ? ` of ${unit}` : ''} from ${lo} to ${hi}.`);
}

/** A finite number from `lo` to `hi` (either end may be open-ended: Infinity). */
export function numberIn(el: Element, attribute: string, value: unknown, lo: number, hi: number, hint = ''): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= lo && value <= hi) return value;
  const range = hi === Infinity ? `of ${lo} or more` : `from ${lo} to ${hi}`;
  throw invalidAttribute(el, attribute, value, `must be a number ${range}${hint}.`);
}

/** One of `options`. */
export function oneOf<T extends string>(el: Element, attribute: string, value: unknown, options: readonly T[], hint = ''): T {
  if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
  const list = options.map((o) => `"${o}"`);
  const words = list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list.at(-1)}` : list[0];
  throw invalidAttribute(el, attribute, value, `must be ${list.length > 1 ? 'one of ' : ''}${words}${hint}.`);
}

/** A seed: a whole number (negative ones too). */
export function seedValue(el: Element, attribute: string, value: unknown): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  throw invalidAttribute(el, attribute, value, 'must be a whole number, such as 1.');
}

/**
 * An optional image number below `n`: undefined when unset (no attribute, or removed);
 * text that is not a number is an error, not "unset".
 */
export function imageIndex(el: Element, attribute: string, value: unknown, n: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < n) return value;
  throw invalidAttribute(el, attribute, value, `must be an image number from 0 to ${n - 1}.`);
}
