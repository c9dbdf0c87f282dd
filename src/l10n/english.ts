import { en } from './en/index.js';
import { formatsOf, type Formats } from './formats.js';

export type MessageKey = keyof typeof en;
/** The arguments of `key`'s entry, or undefined for fixed text. */
export type MessageArgs<K extends MessageKey> = (typeof en)[K] extends (args: infer A, f: Formats) => string ? A : undefined;
/** A message kept as data (key and arguments): translated later, in the reader's language, or nested in another's arguments. */
export const textOf = <K extends MessageKey>(key: K, ...args: ArgList<K>): NestedText => (args.length ? { key, args: args[0] as Record<string, unknown> } : { key });

/** Keys of fixed texts, which take no arguments. */
export type PlainKey = { [K in MessageKey]: MessageArgs<K> extends undefined ? K : never }[MessageKey];
/** Arguments as a call passes them: none for fixed text. */
export type ArgList<K extends MessageKey> = MessageArgs<K> extends undefined ? [] : [MessageArgs<K>];

type Filler = string | ((a: unknown, f: Formats) => string);

/** A message inside another's arguments (an error's reason, say): translated with it. */
export interface NestedText {
  key: string;
  args?: Record<string, unknown>;
}

const isNested = (v: unknown): v is NestedText => typeof v === 'object' && v !== null && typeof (v as NestedText).key === 'string' && (v as NestedText).key in en;

/** Makes an entry's text; nested messages among its arguments are made first, by `lookup`. */
export function fill(entry: Filler, args: unknown, f: Formats, lookup: (key: string) => Filler | undefined): string {
  if (typeof entry === 'string') return entry;
  if (typeof args === 'object' && args !== null && Object.values(args).some(isNested)) {
    args = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, isNested(v) ? fill(lookup(v.key) ?? String(v.key), v.args, f, lookup) : v]));
  }
  return entry(args, f);
}

/**
 * The English text of `key`: what an error's `message` holds, whatever the page's
 * language. Kept apart from the other languages so the engine loads English only.
 */
export function english<K extends MessageKey>(key: K, ...args: ArgList<K>): string {
  return fill(en[key] as Filler, args[0], formatsOf('en'), englishEntry);
}

/** An entry of the English catalogue by key, or undefined. */
export const englishEntry = (key: string): Filler | undefined => (en as Record<string, Filler>)[key];

export { en, type Filler };
