import type { Translation } from './catalog.js';
import { en, englishEntry, fill, type ArgList, type Filler, type MessageKey } from './english.js';
import { formatsOf } from './formats.js';
import { pl } from './pl/index.js';
import type { ModelSpec } from '../engine/spec.js';

export type { ArgList, MessageArgs, MessageKey, PlainKey } from './english.js';
/**
 * A whole language: the English catalogue's keys, each with the same arguments; the
 * model kinds' words by kind name and the presets' titles by id (what a language lacks
 * stays as the kind module or preset says it, in English).
 */
export type Catalog = Translation<typeof en> & {
  kinds?: Readonly<Record<string, KindTexts>>;
  presets?: Readonly<Record<string, string>>;
  /** The kinds' named loss terms ("reconstruction", "kl") as the trainer's legend shows them. */
  terms?: Readonly<Record<string, string>>;
};

/** A model kind's words in one language; each defaults to the kind module's English. */
export interface KindTexts {
  /** "variational" in "a variational autoencoder". */
  title?: string;
  /** The reconstruction term's name where the kind has several. */
  lossName?: string;
  /** The end of the trainer's summary line: ", β 1". */
  describe?(spec: ModelSpec): string;
  /** What random draws of the walk come from. */
  priorText?(spec: ModelSpec): string;
}

const catalogs = new Map<string, Partial<Catalog>>([
  ['en', en],
  ['pl', pl],
]);
const listeners = new Set<() => void>();

/**
 * Adds (or replaces) a language. A catalogue may be partial: a missing key falls back to
 * English. Elements on the page re-render in it at once.
 */
export function registerLanguage(lang: string, catalog: Partial<Catalog>): void {
  catalogs.set(lang.toLowerCase(), catalog);
  for (const l of listeners) l();
}

/** Calls `listener` whenever a language is registered; returns the unsubscribe. */
export function onLanguages(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The registered languages' tags. */
export function languages(): string[] {
  return [...catalogs.keys()];
}

/** The words of model kind `kind` in `lang`, if the language has them. */
export function kindTexts(lang: string, kind: string): KindTexts | undefined {
  return catalogOf(lang)?.kinds?.[kind];
}

/** A loss term's name in `lang`, else as the kind names it. */
export function termName(lang: string, term: string): string {
  return catalogOf(lang)?.terms?.[term] ?? term;
}

/** A preset's title in `lang`, if the language has it. */
export function presetTitle(lang: string, id: string): string | undefined {
  return catalogOf(lang)?.presets?.[id];
}

/** The catalogue of `lang` ("pl-PL" finds "pl"), or undefined. */
function catalogOf(lang: string): Partial<Catalog> | undefined {
  const tag = lang.toLowerCase();
  return catalogs.get(tag) ?? catalogs.get(tag.split('-')[0]);
}

/** `key`'s text in `lang`, with numbers as `lang` writes them; English where the language lacks it. */
export function translate<K extends MessageKey>(lang: string, key: K, ...args: ArgList<K>): string {
  const catalog = catalogOf(lang) as Record<string, Filler> | undefined;
  const own = catalog?.[key];
  const lookup = (k: string) => catalog?.[k] ?? englishEntry(k);
  if (own !== undefined) return fill(own, args[0], formatsOf(lang), lookup);
  const fallback = englishEntry(key);
  return fallback === undefined ? String(key) : fill(fallback, args[0], formatsOf('en'), englishEntry);
}

/** A message carried as data (an error's `text`) in `lang`. */
export function translateText(lang: string, text: { key: string; args?: unknown }): string {
  return (translate as (lang: string, key: string, ...args: unknown[]) => string)(lang, text.key, text.args);
}
