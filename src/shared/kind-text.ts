import { findKind, type ModelSpec } from '../engine/spec.js';
import { kindTexts, presetTitle, type KindTexts } from '../l10n/languages.js';
import type { Preset } from '../store/presets.js';
import type { LocalizeController } from './localize.js';

type Part = keyof KindTexts;

/**
 * A model kind's words in the element's language: the catalogue's `kinds` entry when the
 * language has one, else the kind module's own English; empty when neither has it.
 */
export function kindText(l: LocalizeController, kind: string, part: Part, spec?: ModelSpec): string {
  const own = kindTexts(l.lang, kind)?.[part];
  const module = findKind(kind) as (KindTexts & { name: string }) | undefined;
  const text = own ?? module?.[part];
  if (text === undefined) return part === 'title' ? kind : '';
  return typeof text === 'function' ? (spec ? text(spec) : '') : text;
}

/** "a plain autoencoder", "an adversarial autoencoder", ... for a model kind, in the element's language. */
export function describeKind(l: LocalizeController, kind: string): string {
  return l.term('common.kindPhrase', { title: kindText(l, kind, 'title') });
}

/** A preset's title in the element's language, else its own. */
export function titleOf(l: LocalizeController, preset: Preset): string {
  return presetTitle(l.lang, preset.id) ?? preset.title;
}
